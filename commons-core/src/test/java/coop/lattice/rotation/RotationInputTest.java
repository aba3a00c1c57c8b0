package coop.lattice.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Input the policies used to fail on with raw errors (issue 20, item 8): a clear refusal or a sensible plan. */
class RotationInputTest {
  static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

  static Stream<RotationPolicy> policies() {
    return Stream.of(RotationPolicy.fair(7), RotationPolicy.weighted(7), RotationPolicy.roundRobin());
  }

  static Role weekly(String id) {
    return Role.of(RoleId.of(id), id, Cadence.weekly(MONDAY));
  }

  @ParameterizedTest
  @MethodSource("policies")
  void aMemberWhoJoinsAfterThePlanHoldsNothingInIt(RotationPolicy policy) {
    List<Participant> roster = new ArrayList<>(RotationPlanTest.roster(4));
    MemberId late = MemberId.of("late");
    roster.add(Participant.of(late, MONDAY.plusWeeks(10)));

    Plan plan = policy.plan(PlanRequest.of(roster, List.of(weekly("cooking"), weekly("cleaning")), MONDAY,
        MONDAY.plusWeeks(4)));

    assertThat(plan.assignments()).isNotEmpty().noneMatch(a -> a.member().equals(late));
  }

  /** Refused when the request is made, before any policy sees it (all three used to throw a raw NPE). */
  @Test
  void aRoleExclusiveWithARoleOutsideThePlanIsRefusedWithItsName() {
    Role cooking = weekly("cooking").exclusiveWith(RoleId.of("driving"));

    assertThatThrownBy(() -> PlanRequest.of(RotationPlanTest.roster(4), List.of(cooking, weekly("cleaning")), MONDAY,
        MONDAY.plusWeeks(4)))
        .isInstanceOf(InvalidRotationException.class)
        .hasMessageContaining("cooking").hasMessageContaining("driving");
  }
}
