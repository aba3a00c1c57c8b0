package coop.lattice.federation.inbox;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket per key (an origin, an address): a burst of {@code burst}, refilled at {@code
 * burst} per {@code period}. The inbox uses one so that a flood of new key ids from one server
 * cannot make the node fetch without end, and others to admit requests ({@link Admission}). The
 * table is bounded (least recently seen forgotten first) and its state expires with time.
 * Thread-safe.
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
  boolean take(String origin) {
    return takeOrWait(origin).isZero();
  }

  /** Takes one from {@code key}'s budget and returns zero; or, when it is spent, how long until it has one again. */
  synchronized Duration takeOrWait(String key) {
    Instant now = clock.instant();
    Bucket b = buckets.getIfPresent(key);
    double tokens = b == null ? burst : Math.min(burst, b.tokens() + burst * (double) Duration.between(b.at(), now)
        .toMillis() / period.toMillis());
    if (tokens < 1) {
      buckets.put(key, new Bucket(tokens, now));
      return Duration.ofMillis(Math.max(1, (long) Math.ceil((1 - tokens) * period.toMillis() / burst)));
    }
    buckets.put(key, new Bucket(tokens - 1, now));
    return Duration.ZERO;
  }
}
