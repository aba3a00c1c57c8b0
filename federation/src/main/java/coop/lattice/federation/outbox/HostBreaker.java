package coop.lattice.federation.outbox;

import coop.lattice.federation.http.HttpSignatures;

/**
 * One remote host as deliveries see it: the signature scheme it takes (RFC 9421 until it refuses
 * it, then draft-cavage: the "double knock"), a circuit breaker (after so many failures in a row
 * the host is left alone for a while; it closes by itself), and how many requests are in flight to
 * it. Times are {@link System#nanoTime()} values. Thread-safe.
 */
final class HostBreaker {
  private final int breakAfter;
  private final long breakForNanos;
  private volatile HttpSignatures.Scheme scheme = HttpSignatures.Scheme.RFC9421;
  private int failuresInARow;
  private long openUntil;
  private int inFlight;

  HostBreaker(int breakAfter, long breakForNanos) {
    this.breakAfter = breakAfter;
    this.breakForNanos = breakForNanos;
  }

  HttpSignatures.Scheme scheme() {
    return scheme;
  }

  /** The host took a request signed with draft-cavage after refusing RFC 9421: cavage from now on. */
  void settleOnCavage() {
    scheme = HttpSignatures.Scheme.CAVAGE;
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

  synchronized void succeeded() {
    failuresInARow = 0;
  }

  /** A failure that may be retried; opens the breaker after enough of them in a row. */
  synchronized void failed(long now) {
    if (++failuresInARow >= breakAfter) {
      openUntil = now + breakForNanos;
      failuresInARow = 0;
    }
  }
}
