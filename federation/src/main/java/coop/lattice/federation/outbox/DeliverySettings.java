package coop.lattice.federation.outbox;

import java.time.Duration;
import java.util.Random;

/**
 * How deliveries retry, how hard they press on one host, and when a host that refused RFC 9421 is
 * asked again.
 *
 * @param random the source of retry jitter (seeded in tests)
 * @param retryBase the first retry's delay before jitter; each further retry doubles it
 * @param perHost requests in flight to one host at most
 * @param breakAfter failures in a row that open a host's breaker
 * @param breakFor how long an open breaker leaves the host alone
 * @param rfc9421Again how long a host that refused RFC 9421 (and took draft-cavage) is signed with
 *     cavage before RFC 9421 is tried again
 */
public record DeliverySettings(Random random, Duration retryBase, int perHost, int breakAfter, Duration breakFor,
    Duration rfc9421Again) {
  /** The defaults: one second, eight in flight, five failures open the breaker for a minute, RFC 9421 again after a day. */
  public static DeliverySettings defaults() {
    return new DeliverySettings(new Random(), Duration.ofSeconds(1), 8, 5, Duration.ofMinutes(1), Duration.ofDays(1));
  }

  public DeliverySettings {
    if (perHost < 1) {
      throw new IllegalArgumentException("at least one request in flight per host, not " + perHost);
    }
    if (breakAfter < 1 || breakFor.isNegative()) {
      throw new IllegalArgumentException("a breaker opens after at least one failure, for a duration of zero or more");
    }
    if (retryBase.isNegative() || rfc9421Again.isNegative()) {
      throw new IllegalArgumentException("durations of zero or more, not " + retryBase + " and " + rfc9421Again);
    }
  }

  public DeliverySettings withRandom(Random r) {
    return new DeliverySettings(r, retryBase, perHost, breakAfter, breakFor, rfc9421Again);
  }

  public DeliverySettings withRetryBase(Duration d) {
    return new DeliverySettings(random, d, perHost, breakAfter, breakFor, rfc9421Again);
  }

  public DeliverySettings withPerHost(int n) {
    return new DeliverySettings(random, retryBase, n, breakAfter, breakFor, rfc9421Again);
  }

  public DeliverySettings withBreaker(int failures, Duration open) {
    return new DeliverySettings(random, retryBase, perHost, failures, open, rfc9421Again);
  }

  public DeliverySettings withRfc9421Again(Duration d) {
    return new DeliverySettings(random, retryBase, perHost, breakAfter, breakFor, d);
  }
}
