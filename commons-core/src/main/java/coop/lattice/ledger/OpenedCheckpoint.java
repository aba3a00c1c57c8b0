package coop.lattice.ledger;

import coop.lattice.CollectiveId;
import coop.lattice.merkle.MerkleTree;
import coop.lattice.store.LedgerStore;
import org.jspecify.annotations.Nullable;

/**
 * The last check of a ledger that opens: its stored checkpoint must be signed by the key of the
 * ledger at its size ({@link KeyHistory}), be the collective's, and have the root of the entries
 * read.
 */
final class OpenedCheckpoint {
  private OpenedCheckpoint() {}

  /** What is wrong with {@code stored}, the checkpoint beside a ledger whose entries gave {@code tree}; null if nothing. */
  static LedgerStore.@Nullable Damage check(LedgerStore.StoredCheckpoint stored, KeyHistory keys,
      @Nullable CollectiveId collective, MerkleTree tree) {
    SignedCheckpoint cp;
    try {
      cp = SignedCheckpoint.parse(stored.bytes());
    } catch (RuntimeException e) {
      return new LedgerStore.Damage(0, "the stored checkpoint cannot be read: " + e.getMessage());
    }
    long size = cp.checkpoint().size();
    if (!keys.verifies(cp) || size != stored.size()) {
      return new LedgerStore.Damage(0, "the stored checkpoint is not validly signed by the key of the collective's"
          + " ledger at its size");
    }
    if (!cp.checkpoint().collective().equals(collective)) {
      return new LedgerStore.Damage(0, "the stored checkpoint belongs to another collective");
    }
    if (size > tree.size()) {
      return new LedgerStore.Damage(tree.size(), "the signed checkpoint covers " + size
          + " entries but only " + tree.size() + " are stored: entry " + tree.size() + " onwards is missing");
    }
    if (!tree.root(size).equals(cp.checkpoint().root())) {
      return new LedgerStore.Damage(0, "entries 0 to " + (size - 1)
          + " do not match the signed checkpoint: the stored history was rewritten");
    }
    return null;
  }
}
