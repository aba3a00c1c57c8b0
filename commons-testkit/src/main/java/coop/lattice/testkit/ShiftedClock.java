package coop.lattice.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock moved by a shift that can be changed: for nodes in separate JVMs or on one
 * loopback network that must agree on the time (their signatures' dates are checked) while their
 * collectives' set-up needs days to pass, as an agreement adopted by consent does. Every process
 * that moves its clock by the same shift agrees with the others. Thread-safe.
 */
public final class ShiftedClock extends Clock {
  private volatile Duration shift = Duration.ZERO;

  /** The system clock, not moved until {@link #shiftTo}. */
  public ShiftedClock() {}

  /** From now on, the time is the system's plus {@code shift}. */
  public void shiftTo(Duration shift) {
    this.shift = shift;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(shift);
  }
}
