package coop.lattice.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.MemberId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The order of the roster changes nothing, down to the bytes of every reason (issue 20, item 7):
 * shares are exact, so a share that lies on a rounding boundary prints the same whichever order
 * the capacities were added in.
 */
class RosterOrderProperties {
  static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);
  static final List<String> CAPACITIES = List.of("1", "0.1", "0.2", "0.3", "0.5", "0.7", "0.25", "0.05");

  record Case(List<String> capacities, List<Integer> joinedWeeks, List<Integer> seats, List<Boolean> chores,
      int weeks, long shuffle) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.integers().between(2, 14).flatMap(n -> Combinators.combine(
        Arbitraries.of(CAPACITIES).list().ofSize(n),
        Arbitraries.integers().between(-60, 6).list().ofSize(n),
        Arbitraries.integers().between(1, 3).list().ofMinSize(1).ofMaxSize(4),
        Arbitraries.of(true, false, false).list().ofSize(4),
        Arbitraries.integers().between(2, 12), Arbitraries.longs())
        .as(Case::new));
  }

  static PlanRequest request(Case c, boolean shuffled) {
    List<Participant> roster = new ArrayList<>();
    for (int i = 0; i < c.capacities().size(); i++) {
      Participant p = Participant.of(MemberId.of("m" + i), MONDAY.plusWeeks(c.joinedWeeks().get(i)))
          .capacity(c.capacities().get(i));
      roster.add(i % 3 == 1 ? p.away(MONDAY.plusWeeks(1), MONDAY.plusWeeks(2)) : p);
    }
    if (shuffled) {
      Collections.shuffle(roster, new Random(c.shuffle()));
    }
    List<Role> roles = new ArrayList<>();
    for (int r = 0; r < c.seats().size(); r++) {
      Role role = new Role(RoleId.of("r" + r), "R" + r, Cadence.weekly(MONDAY.plusDays(r % 2)), c.seats().get(r), Set.of(),
          java.math.BigDecimal.ONE, !c.chores().get(r), r % 2 == 1 ? Set.of(RoleId.of("r" + (r - 1))) : Set.of());
      roles.add(role);
    }
    return PlanRequest.of(roster, roles, MONDAY, MONDAY.plusWeeks(c.weeks()));
  }

  @Property(tries = 1000, seed = "20261207")
  void theFairPlanAndEveryReasonAreTheSameWhateverTheRosterOrder(@ForAll("cases") Case c) {
    RotationPolicy fair = RotationPolicy.fair(7);
    assertThat(fair.plan(request(c, true))).isEqualTo(fair.plan(request(c, false)));
  }

  @Property(tries = 1000, seed = "20261208")
  void theWeightedPlanIsTheSameWhateverTheRosterOrder(@ForAll("cases") Case c) {
    RotationPolicy weighted = RotationPolicy.weighted(7);
    assertThat(weighted.plan(request(c, true))).isEqualTo(weighted.plan(request(c, false)));
  }

  /**
   * Capacities 0.3, 0.7 and 0.6: summed in floating point, 0.3 + 0.7 + 0.6 and 0.6 + 0.7 + 0.3
   * differ in the last bit, and c's share of the first week, exactly 0.6 / 1.6 = 0.375, printed as
   * 0.37 in one order and 0.38 in the other (then 0.87 or 0.88 for b, 1.12 or 1.13 for c). Exactly,
   * it rounds half up to 0.38 in every one of the six orders.
   */
  @Example
  void aShareOnARoundingBoundaryPrintsTheSameInEveryOrder() {
    List<Participant> roster = List.of(Participant.of(MemberId.of("a"), MONDAY.minusYears(1)).capacity("0.3"),
        Participant.of(MemberId.of("b"), MONDAY.minusYears(1)).capacity("0.7"),
        Participant.of(MemberId.of("c"), MONDAY.minusYears(1)).capacity("0.6"));
    Role role = Role.of(RoleId.of("dishes"), "Dishes", Cadence.weekly(MONDAY));
    Plan first = RotationPolicy.fair(3).plan(PlanRequest.of(roster, List.of(role), MONDAY, MONDAY.plusWeeks(6)));
    assertThat(first.assignments().get(0).reason()).contains("(share 0.38, held 0 before)");
    int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    for (int[] order : orders) {
      List<Participant> permuted = List.of(roster.get(order[0]), roster.get(order[1]), roster.get(order[2]));
      assertThat(RotationPolicy.fair(3).plan(PlanRequest.of(permuted, List.of(role), MONDAY, MONDAY.plusWeeks(6))))
          .isEqualTo(first);
    }
  }
}
