package coop.lattice.federation.outbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One remote host's circuit breaker (after so many failures in a row the host is left alone for a
 * while; it closes by itself), and how many requests are in flight to it. Times for the breaker are {@link System#nanoTime()} values; when the trouble began is an
 * instant of the node's clock, for health checks and log lines. Thread-safe.
 */
final class HostBreaker {
  /** What a failure did to the breaker. */
  enum Trip {
    /** Nothing yet: fewer failures in a row than it takes. */
    NONE,
    /** It opened, the first time since a delivery last went through. */
    OPENED,
    /** It opened again: the host is still failing after the breaker let requests through. */
    OPENED_AGAIN
  }

  private final int breakAfter;
  private final long breakForNanos;
  private int failuresInARow;
  private long openUntil;
  private int inFlight;
  /** When the breaker first opened since a delivery last went through; null while the host is well. */
  private @Nullable Instant troubleSince;

  HostBreaker(int breakAfter, long breakForNanos) {
    this.breakAfter = breakAfter;
    this.breakForNanos = breakForNanos;
  }

  /**
   * Takes a place for one request at {@code now}: 0 when taken, else how many nanoseconds to wait
   * (until the breaker closes, or a short while when all places are taken).
   */
  synchronized long tryTake(long now, int perHost, long busyWaitNanos) {
    if (openUntil > now) {
      return openUntil - now;
    }
    if (inFlight >= perHost) {
      return busyWaitNanos;
    }
    inFlight++;
    return 0;
  }

  synchronized void release() {
    inFlight--;
  }

  /**
   * A delivery went through. Returns when the trouble began if this closes a breaker that had
   * opened (the host is well again), else null.
   */
  synchronized @Nullable Instant succeeded() {
    failuresInARow = 0;
    Instant since = troubleSince;
    troubleSince = null;
    return since;
  }

  /**
   * A failure that may be retried, at {@code now} ({@link System#nanoTime()}) and {@code at} (the
   * node's clock); opens the breaker after enough of them in a row.
   */
  synchronized Trip failed(long now, Instant at) {
    if (++failuresInARow < breakAfter) {
      return Trip.NONE;
    }
    openUntil = now + breakForNanos;
    failuresInARow = 0;
    if (troubleSince != null) {
      return Trip.OPENED_AGAIN;
    }
    troubleSince = at;
    return Trip.OPENED;
  }

  /** When the breaker first opened since a delivery last went through, or null if it has not. */
  synchronized @Nullable Instant troubleSince() {
    return troubleSince;
  }
}
