package coop.lattice.federation.net;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The total deadline of one outbound exchange: the name lookup, the connection, the request, the
 * answer's headers and its whole body, and every redirect after it, all within one span of time.
 * A timer, not the socket's idle timeout, ends it: a server that answers one byte a second is never
 * idle, but it does not get past this. When the deadline passes, the exchange's future fails with
 * {@link SafeClient.DeadlinePassed} at once, and the request in flight, if any, is reset (its
 * connection closed); work that comes back later (a name lookup on a worker thread) finds the
 * deadline passed and goes no further. Any failure that comes once the deadline has passed (a
 * connect or idle timeout set to the time left) is reported as the deadline too, so callers see
 * one cause for one event.
 */
final class Deadline {
  private final Duration total;
  private final URI first;
  private final long endNanos;
  private volatile boolean passed;
  private volatile @Nullable HttpClientRequest inFlight;

  private Deadline(Duration total, URI first) {
    this.total = total;
    this.first = first;
    this.endNanos = System.nanoTime() + total.toNanos();
  }

  /** Runs {@code exchange} under a deadline of {@code total}; the result fails when the deadline passes first. */
  static <T> Future<T> within(Vertx vertx, Duration total, URI first, Function<Deadline, Future<T>> exchange) {
    Deadline d = new Deadline(total, first);
    Promise<T> result = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, total.toMillis()), id -> d.pass(result));
    Future<T> work;
    try {
      work = exchange.apply(d);
    } catch (RuntimeException e) {
      work = Future.failedFuture(e);
    }
    work.onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        result.tryComplete(ar.result());
      } else {
        result.tryFail(d.passed() ? d.failure() : ar.cause());
      }
    });
    return result.future();
  }

  /**
   * Milliseconds left, rounded up (a timeout of this many milliseconds set now ends at the
   * deadline or just after, never before it); at least 1.
   */
  long millisLeft() {
    long nanos = endNanos - System.nanoTime();
    return Math.max(1, (nanos + 999_999) / 1_000_000);
  }

  boolean passed() {
    return passed || System.nanoTime() - endNanos >= 0;
  }

  /** The failure for work that finds the deadline passed. */
  SafeClient.DeadlinePassed failure() {
    return new SafeClient.DeadlinePassed("no complete answer from " + first + " within " + total.toMillis()
        + " ms, the deadline for the whole request (lookup, connection, redirects and body)");
  }

  /**
   * {@code request} is now the one in flight: it is reset when the deadline passes. Returns false,
   * having reset it, if the deadline has passed already.
   */
  boolean track(HttpClientRequest request) {
    inFlight = request;
    if (passed) {
      request.reset();
      return false;
    }
    return true;
  }

  private <T> void pass(Promise<T> result) {
    passed = true;
    if (result.tryFail(failure())) {
      HttpClientRequest request = inFlight;
      if (request != null) {
        request.reset();
      }
    }
  }
}
