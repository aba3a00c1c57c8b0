package coop.lattice.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Large plans tell how far they have come, and telling changes nothing about the plan. */
class PlanProgressTest {
  private record Update(long done, long total) {}

  @Test
  void theFairPolicyReportsEachRoleThenTheNewcomerPass() {
    List<Role> roles = List.of(RotationPlanTest.weekly("facilitation"), RotationPlanTest.weekly("notes"),
        RotationPlanTest.weekly("dishes").seats(2));
    PlanRequest r = PlanRequest.of(RotationPlanTest.roster(9), roles, RotationPlanTest.MONDAY,
        RotationPlanTest.MONDAY.plusWeeks(26));
    List<Update> updates = new ArrayList<>();
    Plan plan = RotationPolicy.fair(3).plan(r, (done, total) -> updates.add(new Update(done, total)));
    // Three real roles (one with two seats, planned as a whole), then the newcomer pass.
    assertThat(updates).containsExactly(new Update(0, 4), new Update(1, 4), new Update(2, 4), new Update(3, 4),
        new Update(4, 4));
    assertThat(plan).isEqualTo(RotationPolicy.fair(3).plan(r));
  }

  @Test
  void aPolicyThatCannotTellReportsTheStartAndTheEnd() {
    PlanRequest r = PlanRequest.of(RotationPlanTest.roster(3), List.of(RotationPlanTest.weekly("notes")),
        RotationPlanTest.MONDAY, RotationPlanTest.MONDAY.plusWeeks(4));
    List<Update> updates = new ArrayList<>();
    Plan plan = RotationPolicy.roundRobin().plan(r, (done, total) -> updates.add(new Update(done, total)));
    assertThat(updates).containsExactly(new Update(0, 1), new Update(1, 1));
    assertThat(plan).isEqualTo(RotationPolicy.roundRobin().plan(r));
  }
}
