package coop.lattice.federation.outbox;

import java.time.Duration;

/**
 * When deliveries count as not flowing, for a node's health check: a host or an inbox that has
 * failed for longer than {@code stuckFor}, or more than {@code deadLetters} activities given up on
 * within the last {@code stuckFor}.
 *
 * @param stuckFor how long deliveries may fail before it is a problem (longer than a breaker stays open)
 * @param deadLetters how many dead letters within {@code stuckFor} are still no problem (0 to 999)
 */
public record FlowAlarm(Duration stuckFor, int deadLetters) {
  /** Fifteen minutes, and ten dead letters within them. */
  public static FlowAlarm defaults() {
    return new FlowAlarm(Duration.ofMinutes(15), 10);
  }

  public FlowAlarm {
    if (stuckFor.isNegative() || stuckFor.isZero()) {
      throw new IllegalArgumentException("stuckFor must be positive: " + stuckFor);
    }
    if (deadLetters < 0 || deadLetters > 999) {
      throw new IllegalArgumentException("deadLetters outside 0..999: " + deadLetters);
    }
  }
}
