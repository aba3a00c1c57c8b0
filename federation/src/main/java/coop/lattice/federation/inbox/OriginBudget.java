package coop.lattice.federation.inbox;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How many remote fetches each origin may cause: a token bucket per origin (a burst of {@code
 * burst}, refilled at {@code burst} per {@code period}), so that a flood of new key ids from one
 * server cannot make the node fetch without end. The table of origins is bounded (least recently
 * seen forgotten first) and its state expires with time. Thread-safe.
 */
final class OriginBudget {
  private static final int MAX_ORIGINS = 10_000;

  private record Bucket(double tokens, Instant at) {}

  private final Clock clock;
  private final int burst;
  private final Duration period;
  private final Cache<String, Bucket> buckets = CacheBuilder.newBuilder().maximumSize(MAX_ORIGINS).build();

  OriginBudget(Clock clock, int burst, Duration period) {
    this.clock = clock;
    this.burst = burst;
    this.period = period;
  }

  /** Takes one fetch from {@code origin}'s budget; false when it is spent for now. */
  synchronized boolean take(String origin) {
    Instant now = clock.instant();
    Bucket b = buckets.getIfPresent(origin);
    double tokens = b == null ? burst : Math.min(burst, b.tokens() + burst * (double) Duration.between(b.at(), now)
        .toMillis() / period.toMillis());
    if (tokens < 1) {
      buckets.put(origin, new Bucket(tokens, now));
      return false;
    }
    buckets.put(origin, new Bucket(tokens - 1, now));
    return true;
  }
}
