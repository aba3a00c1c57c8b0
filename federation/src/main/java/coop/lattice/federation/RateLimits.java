package coop.lattice.federation;

import java.time.Duration;

/**
 * How many requests an inbox admits before any signature work: at most {@code perAddress} from
 * one remote address and {@code perOrigin} claiming one origin (by the key id in their signature),
 * each per {@code period}, in bursts of as many. Beyond that the answer is 429 with {@code
 * Retry-After}.
 *
 * @param perAddress requests a remote address may send per period (0: no limit)
 * @param perOrigin requests naming keys of one origin per period (0: no limit)
 * @param period the period both are counted over
 */
public record RateLimits(int perAddress, int perOrigin, Duration period) {
  /**
   * 2,000 per address and 1,000 per origin each ten seconds: a busy server's whole traffic to one
   * node stays far below (one request per activity through a shared inbox), a flood does not.
   */
  public static RateLimits defaults() {
    return new RateLimits(2_000, 1_000, Duration.ofSeconds(10));
  }

  /** No limits (load tests of the inbox itself). */
  public static RateLimits none() {
    return new RateLimits(0, 0, Duration.ofSeconds(1));
  }

  public RateLimits {
    if (perAddress < 0 || perOrigin < 0 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("limits of zero (none) or more, over a positive period; not " + perAddress
          + ", " + perOrigin + " per " + period);
    }
  }
}
