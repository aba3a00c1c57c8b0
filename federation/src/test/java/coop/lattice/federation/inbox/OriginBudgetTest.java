package coop.lattice.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.testkit.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Thirty fetches a minute per origin: a burst is allowed, a flood is not, and the budget comes back with time. */
class OriginBudgetTest {
  @Test
  void aBurstPassesAFloodStopsAndTimeRefills() {
    SteppingClock clock = SteppingClock.startingAt(Instant.parse("2026-11-27T10:00:00Z"), Duration.ZERO);
    OriginBudget budget = new OriginBudget(clock, 30, Duration.ofMinutes(1));
    for (int i = 0; i < 30; i++) {
      assertThat(budget.take("https://busy.example")).isTrue();
    }
    assertThat(budget.take("https://busy.example")).isFalse();
    assertThat(budget.take("https://quiet.example")).as("other origins are not affected").isTrue();
    clock.advance(Duration.ofSeconds(10)); // a sixth of a minute: five more
    for (int i = 0; i < 5; i++) {
      assertThat(budget.take("https://busy.example")).isTrue();
    }
    assertThat(budget.take("https://busy.example")).isFalse();
    clock.advance(Duration.ofHours(1));
    for (int i = 0; i < 30; i++) {
      assertThat(budget.take("https://busy.example")).isTrue();
    }
    assertThat(budget.take("https://busy.example")).isFalse();
  }
}
