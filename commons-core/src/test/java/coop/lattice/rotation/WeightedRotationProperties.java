package coop.lattice.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.MemberId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The weighted variant: with constant availability, weighted prefix deviation stays under the largest task weight. */
class WeightedRotationProperties {
  static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

  record Case(int members, List<String> weights, List<String> capacities, int weeks) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.integers().between(1, 8).flatMap(n -> Combinators.combine(
        Arbitraries.of("0.5", "1", "1.5", "2", "3").list().ofMinSize(1).ofMaxSize(5),
        Arbitraries.of("1", "0.5", "0.75").list().ofSize(n),
        Arbitraries.integers().between(1, 20)).as((w, c, weeks) -> new Case(n, w, c, weeks)));
  }

  @Property(tries = 1000, seed = "20261199")
  void prefixDeviationStaysUnderTheLargestWeight(@ForAll("cases") Case c) {
    List<Participant> roster = new ArrayList<>();
    for (int i = 0; i < c.members(); i++) {
      roster.add(Participant.of(MemberId.of("m" + i), MONDAY.minusYears(1)).capacity(c.capacities().get(i)));
    }
    List<Role> roles = new ArrayList<>();
    for (int r = 0; r < c.weights().size(); r++) {
      roles.add(Role.of(RoleId.of("r" + r), "R" + r, Cadence.weekly(MONDAY.plusDays(r % 3))).weight(c.weights().get(r)));
    }
    PlanRequest request = PlanRequest.of(roster, roles, MONDAY, MONDAY.plusWeeks(c.weeks()));
    Plan plan = RotationPolicy.weighted(5).plan(request);
    double max = c.weights().stream().mapToDouble(Double::parseDouble).max().orElseThrow();
    Map<MemberId, Double> deviation = new HashMap<>();
    double capacitySum = roster.stream().mapToDouble(p -> p.capacity().doubleValue()).sum();
    Map<RoleId, BigDecimal> weight = new HashMap<>();
    roles.forEach(r -> weight.put(r.id(), r.weight()));
    for (Assignment a : plan.assignments()) {
      double w = weight.get(a.slot().role()).doubleValue();
      for (Participant p : roster) {
        deviation.merge(p.member(), w * p.capacity().doubleValue() / capacitySum, Double::sum);
      }
      // Every member is always eligible and free unless they already hold another role that day.
      deviation.merge(a.member(), -w, Double::sum);
      for (Map.Entry<MemberId, Double> e : deviation.entrySet()) {
        assertThat(Math.abs(e.getValue())).as("%s after %s in %s", e.getKey(), a.slot(), c).isLessThan(max + 1e-9);
      }
    }
  }
}
