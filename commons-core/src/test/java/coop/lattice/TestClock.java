package coop.lattice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A deterministic clock: starts at a fixed instant and moves on by a fixed step at every reading. */
public final class TestClock extends Clock {
  private Instant now;
  private final Duration step;

  public TestClock(Instant start, Duration step) {
    this.now = start;
    this.step = step;
  }

  public static TestClock startingAt(String instant) {
    return new TestClock(Instant.parse(instant), Duration.ofMinutes(1));
  }

  @Override
  public synchronized Instant instant() {
    Instant t = now;
    now = now.plus(step);
    return t;
  }

  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
