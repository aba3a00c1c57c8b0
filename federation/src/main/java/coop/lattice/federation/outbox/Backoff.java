package coop.lattice.federation.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** How long a delivery waits before it is tried again. */
final class Backoff {
  static final Duration MAX_BACKOFF = Duration.ofHours(1);

  private final DeliverySettings settings;
  private final Clock clock;

  Backoff(DeliverySettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Exponential from the base, jittered by a factor from 0.5 to 1.5, capped at an hour; Retry-After wins. */
  Duration next(int attempts, @Nullable String retryAfter) {
    Duration ra = retryAfter(retryAfter);
    if (ra != null) {
      return ra.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : ra;
    }
    double base = Math.min(MAX_BACKOFF.toMillis(),
        settings.retryBase().toMillis() * Math.pow(2, Math.min(attempts - 1, 30)));
    return Duration.ofMillis((long) Math.min(MAX_BACKOFF.toMillis(), base * (0.5 + settings.random().nextDouble())));
  }

  private @Nullable Duration retryAfter(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      try {
        Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(value.trim(),
            DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
