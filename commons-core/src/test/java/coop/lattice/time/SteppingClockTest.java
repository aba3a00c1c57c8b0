package coop.lattice.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SteppingClockTest {
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void eachReadingIsOneStepAfterTheLast() {
    SteppingClock clock = SteppingClock.startingAt(START, Duration.ofMinutes(1));
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(60));
    assertThat(clock.getZone()).isEqualTo(ZoneId.of("Z"));
  }

  @Test
  void itJumpsAheadButNeverBack() {
    SteppingClock clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ZERO);
    clock.advance(Duration.ofDays(8));
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(8)));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a clock does not go back");
  }

  @Test
  void anotherZoneIsASeparateClockFromWhereThisOneStands() {
    SteppingClock clock = SteppingClock.startingAt(START, Duration.ofSeconds(1));
    clock.instant();
    SteppingClock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    assertThat(paris.instant()).isEqualTo(START.plusSeconds(1));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(1));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }
}
