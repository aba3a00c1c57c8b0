package coop.lattice.finance;

/** What became of an expense's receipt, against the SHA-256 its claim put on the ledger. */
public enum ReceiptCheck {
  /** The file beside the journal is there and its SHA-256 is the one on the ledger. */
  INTACT,
  /** There is no file for it beside the journal (lost, or never copied with a backup). */
  MISSING,
  /** The file is there, but it was changed or damaged: its SHA-256 is not the one on the ledger. */
  ALTERED
}
