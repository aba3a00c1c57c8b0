package coop.lattice.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A deterministic {@link Clock} for tests: it starts at a fixed instant and moves on by a fixed
 * step at every reading, so that the same commands always get the same times and a collective's
 * ledger is byte-identical from run to run.
 *
 * <p>This is the testkit's name for {@link coop.lattice.time.SteppingClock}, which commons-core
 * ships so that its own tests, which cannot depend on the testkit, run on the same clock; this
 * class only hands each call to one. Either may be used. Thread-safe. Unlike {@link Clock#fixed},
 * consecutive entries get distinct, increasing times.
 *
 * <pre>{@code
 * Clock clock = SteppingClock.startingAt("2026-03-01T09:00:00Z", Duration.ofMinutes(1));
 * Collective coop = Collective.found(id, "Tool Library", founder, Appearance.byName("Ana"),
 *     LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), clock);
 * }</pre>
 */
public final class SteppingClock extends Clock {
  // Written out in full: the two classes share their name.
  private final coop.lattice.time.SteppingClock clock;

  private SteppingClock(coop.lattice.time.SteppingClock clock) {
    this.clock = clock;
  }

  public static SteppingClock startingAt(String instant, Duration step) {
    return new SteppingClock(coop.lattice.time.SteppingClock.startingAt(instant, step));
  }

  public static SteppingClock startingAt(Instant instant, Duration step) {
    return new SteppingClock(coop.lattice.time.SteppingClock.startingAt(instant, step));
  }

  @Override
  public Instant instant() {
    return clock.instant();
  }

  /** Jumps ahead, for example to the next month. */
  public void advance(Duration by) {
    clock.advance(by);
  }

  @Override
  public ZoneId getZone() {
    return clock.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new SteppingClock(clock.withZone(zone));
  }
}
