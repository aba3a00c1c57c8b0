package coop.lattice.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.MemberId;
import coop.lattice.cycle.Campaign;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every policy respects the weekly cap in intense phases and assigns nobody in rest phases unless they opted in. */
class CycleConstraintProperties {
  static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

  record Case(int members, List<String> weights, int intenseWeeks, int restWeeks, int cap, Set<Integer> optIn, int policy) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.integers().between(1, 8).flatMap(n -> Combinators.combine(
        Arbitraries.of("0.5", "1", "2", "3").list().ofMinSize(1).ofMaxSize(4),
        Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 5),
        Arbitraries.integers().between(0, n - 1).set().ofMaxSize(n), Arbitraries.integers().between(0, 2))
        .as((w, iw, rw, cap, opt, pol) -> new Case(n, w, iw, rw, cap, opt, pol)));
  }

  @Property(tries = 1000, seed = "20261501")
  void capsAndRestAreRespected(@ForAll("cases") Case c) {
    List<Participant> roster = new ArrayList<>();
    for (int i = 0; i < c.members(); i++) {
      roster.add(Participant.of(MemberId.of("m" + i), MONDAY.minusYears(1)));
    }
    List<Role> roles = new ArrayList<>();
    for (int r = 0; r < c.weights().size(); r++) {
      roles.add(Role.of(RoleId.of("r" + r), "R" + r, Cadence.weekly(MONDAY.plusDays(r % 5))).weight(c.weights().get(r)));
    }
    LocalDate restFrom = MONDAY.plusWeeks(c.intenseWeeks());
    List<Campaign.Phase> phases = List.of(
        new Campaign.Phase(Campaign.Phase.Kind.INTENSITY, MONDAY, restFrom.minusDays(1)),
        new Campaign.Phase(Campaign.Phase.Kind.REST, restFrom, restFrom.plusWeeks(c.restWeeks()).minusDays(1)));
    Set<MemberId> optIn = new HashSet<>();
    c.optIn().forEach(i -> optIn.add(MemberId.of("m" + i)));
    PlanRequest request = PlanRequest.of(roster, roles, MONDAY, restFrom.plusWeeks(c.restWeeks() + 1))
        .withCycles(phases, BigDecimal.valueOf(c.cap()), optIn);
    RotationPolicy policy = switch (c.policy()) {
      case 0 -> RotationPolicy.fair(3);
      case 1 -> RotationPolicy.weighted(3);
      default -> RotationPolicy.roundRobin();
    };
    Plan plan = policy.plan(request);
    Map<RoleId, BigDecimal> weight = new HashMap<>();
    roles.forEach(r -> weight.put(r.id(), r.weight()));
    Map<String, BigDecimal> hours = new HashMap<>();
    for (Assignment a : plan.assignments()) {
      if (a.member() == null) {
        continue;
      }
      LocalDate d = a.slot().date();
      if (phases.get(1).covers(d)) {
        assertThat(optIn).as("%s assigned %s in a rest phase (%s)", a.member(), a.slot(), policy.name()).contains(a.member());
      }
      if (phases.get(0).covers(d)) {
        String week = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) + "/" + a.member();
        hours.merge(week, weight.get(a.slot().role()), BigDecimal::add);
      }
    }
    hours.forEach((week, h) -> assertThat(h).as("%s in %s", week, policy.name())
        .isLessThanOrEqualTo(BigDecimal.valueOf(c.cap())));
  }
}
