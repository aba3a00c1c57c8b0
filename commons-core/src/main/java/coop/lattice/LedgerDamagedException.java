package coop.lattice;

/**
 * Stored entries failed verification: a flipped byte, a missing, reordered or truncated entry, or
 * entries that do not match the collective's signed checkpoint.
 *
 * <p>{@link #firstBadIndex()} is the index of the first entry that cannot be trusted. The ledger
 * refuses to append until an operator acts, for example by restoring the journal from a peer or
 * by deliberately cutting it back to the last good entry with {@code LedgerStore.truncate}.
 */
public final class LedgerDamagedException extends LatticeException {
  private static final long serialVersionUID = 1L;

  private final long firstBadIndex;

  public LedgerDamagedException(long firstBadIndex, String message) {
    super(message);
    this.firstBadIndex = firstBadIndex;
  }

  /** Index of the first entry that failed verification. */
  public long firstBadIndex() {
    return firstBadIndex;
  }
}
