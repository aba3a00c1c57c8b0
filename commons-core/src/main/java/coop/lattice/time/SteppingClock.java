package coop.lattice.time;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A deterministic {@link Clock}: it starts at a fixed instant and moves on by a fixed step at
 * every reading, so that the same commands always get the same times and a collective's ledger is
 * byte-identical from run to run. For tests, demonstrations and simulations; a collective in use
 * reads {@link Clock#systemUTC()}.
 *
 * <p>Thread-safe. Unlike {@link Clock#fixed}, consecutive entries get distinct, increasing times.
 * It never goes back: {@link #advance} takes only a jump forward.
 *
 * <pre>{@code
 * SteppingClock clock = SteppingClock.startingAt("2026-03-01T09:00:00Z", Duration.ofMinutes(1));
 * Collective coop = Collective.found(id, "Tool Library", founder, Appearance.byName("Ana"),
 *     LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), clock);
 * clock.advance(Duration.ofDays(8)); // the proposal's window has closed
 * }</pre>
 */
public final class SteppingClock extends Clock {
  private final ZoneId zone;
  private final Duration step;
  private Instant next;

  private SteppingClock(Instant start, Duration step, ZoneId zone) {
    checkArgument(!step.isNegative(), "step < 0: %s", step);
    this.next = start;
    this.step = step;
    this.zone = zone;
  }

  /** A clock in UTC whose first reading is {@code instant} (ISO-8601) and each next one {@code step} later. */
  public static SteppingClock startingAt(String instant, Duration step) {
    return new SteppingClock(Instant.parse(instant), step, ZoneOffset.UTC);
  }

  /** A clock in UTC whose first reading is {@code instant} and each next one {@code step} later. */
  public static SteppingClock startingAt(Instant instant, Duration step) {
    return new SteppingClock(instant, step, ZoneOffset.UTC);
  }

  /** The next time, then moves on by the step. */
  @Override
  public synchronized Instant instant() {
    Instant now = next;
    next = next.plus(step);
    return now;
  }

  /** Jumps ahead, for example to the next month. */
  public synchronized void advance(Duration by) {
    checkArgument(!by.isNegative(), "a clock does not go back: %s", by);
    next = next.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A separate clock in {@code zone}, starting where this one stands, with the same step. */
  @Override
  public SteppingClock withZone(ZoneId zone) {
    synchronized (this) {
      return new SteppingClock(next, step, zone);
    }
  }
}
