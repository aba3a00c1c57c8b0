package coop.lattice.exchange;

/**
 * Which side of a bilateral trade took a step, as this collective's ledger records it. Steps by
 * the {@link #PARTNER} arrive over federation, which authenticates them before they are submitted.
 */
public enum Side {
  /** This collective. */
  US,
  /** The partner collective. */
  PARTNER;

  /** The other side. */
  public Side other() {
    return this == US ? PARTNER : US;
  }
}
