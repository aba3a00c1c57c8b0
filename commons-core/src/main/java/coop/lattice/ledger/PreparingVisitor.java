package coop.lattice.ledger;

/**
 * A {@link Ledger.EntryVisitor} with work to do on each entry that needs nothing from the entries
 * before it. While a ledger opens, {@link #prepare} runs on the threads that decode and check the
 * stored entries, ahead of the entry's turn and in any order; what it returns comes back to
 * {@link #visit(Entry, Object)} when the entry's turn comes, in order. Opening a large ledger then
 * spreads that work over every core instead of the one thread that has to go in order.
 *
 * @param <T> what preparing an entry makes of it
 */
public interface PreparingVisitor<T> extends Ledger.EntryVisitor {
  /**
   * The part of visiting {@code entry} that may be done ahead, on any thread, in any order; never
   * null. If it throws, the entry is visited as {@link #visit(Entry)} in its turn, which prepares it
   * again there and so reports the problem in order.
   */
  T prepare(Entry entry);

  /** Visits {@code entry} in its turn, with what {@link #prepare} made of it. */
  void visit(Entry entry, T prepared);

  @Override
  default void visit(Entry entry) {
    visit(entry, prepare(entry));
  }
}
