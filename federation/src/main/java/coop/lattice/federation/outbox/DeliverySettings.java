package coop.lattice.federation.outbox;

import java.time.Duration;
import java.util.Random;

/**
 * How deliveries retry and how hard they press on one host.
 *
 * @param random the source of retry jitter (seeded in tests)
 * @param retryBase the first retry's delay before jitter; each further retry doubles it
 * @param perHost requests in flight to one host at most
 * @param breakAfter failures in a row that open a host's breaker
 * @param breakFor how long an open breaker leaves the host alone
 */
public record DeliverySettings(Random random, Duration retryBase, int perHost, int breakAfter, Duration breakFor) {
  /** The defaults: one second, eight in flight, five failures open the breaker for a minute. */
  public static DeliverySettings defaults() {
    return new DeliverySettings(new Random(), Duration.ofSeconds(1), 8, 5, Duration.ofMinutes(1));
  }

  public DeliverySettings {
    if (perHost < 1) {
      throw new IllegalArgumentException("at least one request in flight per host, not " + perHost);
    }
    if (breakAfter < 1 || breakFor.isNegative()) {
      throw new IllegalArgumentException("a breaker opens after at least one failure, for a duration of zero or more");
    }
  }
}
