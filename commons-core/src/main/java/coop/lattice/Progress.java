package coop.lattice;

/**
 * Told how far a long operation has come: opening and verifying a journal or a collective,
 * catching up a mirror of a partner's ledger. An optional argument of the overloads that take it;
 * the others report to {@link #none()}.
 *
 * <p>The contract, for every operation that reports: {@code done} never goes down, {@code total}
 * stays the same within one operation (it is what was known when the work began), {@code 0 <=
 * done <= total}, and the last call has {@code done == total} once the operation has done its work,
 * whether or not it found damage on the way (an operation that fails with an exception may stop
 * short). Calls come from the thread doing the work, in order, once per batch (a few thousand
 * entries while opening, a page of entries while mirroring), never once per entry, so a listener
 * may print; it must not block for long, and what it throws ends the operation.
 *
 * <p>Unlike a log line, progress says nothing about what went right or wrong: the operation's
 * result does. A listener that ignores both arguments is a heartbeat.
 *
 * <pre>{@code
 * Collective coop = Collective.open(journal, key, clock,
 *     (done, total) -> System.err.printf("\rverifying %d of %d entries", done, total));
 * }</pre>
 */
@FunctionalInterface
public interface Progress {

  /** {@code done} units of {@code total} are finished. */
  void update(long done, long total);

  /** A listener that does nothing: what the overloads without one report to. */
  static Progress none() {
    return (done, total) -> { };
  }
}
