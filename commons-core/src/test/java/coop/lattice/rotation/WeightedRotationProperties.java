package coop.lattice.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.MemberId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The weighted variant with constant availability (one-seat roles that do not exclude each other,
 * everyone always there), checked with exact fractions of the test's own: the weighted prefix
 * deviation stays within Tijdeman's bound {@code (1 - 1/(2m - 2))} times the largest weight, below
 * the largest weight, with capacity shares or without (issue 20, item 6); proportional up to one
 * task; EF1 at equal capacities; and, with capacity shares, EF1 does not hold, neither plainly nor
 * weighted.
 */
class WeightedRotationProperties {
  static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

  record Case(int members, List<String> weights, List<String> capacities, int weeks) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.integers().between(1, 12).flatMap(n -> Combinators.combine(
        Arbitraries.of("0.5", "1", "1.5", "2", "3").list().ofMinSize(1).ofMaxSize(5),
        Arbitraries.of("1", "1", "1", "0.5", "0.75", "0.25", "0.1").list().ofSize(n),
        Arbitraries.integers().between(1, 20)).as((w, c, weeks) -> new Case(n, w, c, weeks)));
  }

  @Provide
  Arbitrary<Case> equalCapacities() {
    return cases().map(c -> new Case(c.members(), c.weights(), c.capacities().stream().map(x -> "1").toList(),
        c.weeks()));
  }

  /** An exact fraction. */
  record Q(BigInteger num, BigInteger den) implements Comparable<Q> {
    static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);

    static Q of(BigDecimal d) {
      return d.scale() <= 0 ? new Q(d.toBigIntegerExact(), BigInteger.ONE)
          : new Q(d.unscaledValue(), BigInteger.TEN.pow(d.scale())).norm();
    }

    Q norm() {
      BigInteger g = num.gcd(den);
      return g.signum() == 0 ? ZERO : new Q(num.divide(g), den.divide(g));
    }

    Q plus(Q o) {
      return new Q(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den)).norm();
    }

    Q minus(Q o) {
      return plus(new Q(o.num.negate(), o.den));
    }

    Q times(Q o) {
      return new Q(num.multiply(o.num), den.multiply(o.den)).norm();
    }

    Q over(Q o) {
      return new Q(num.multiply(o.den), den.multiply(o.num)).norm();
    }

    Q abs() {
      return new Q(num.abs(), den);
    }

    @Override
    public int compareTo(Q o) {
      return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    @Override
    public String toString() {
      return num + "/" + den;
    }
  }

  /** The plan, each turn with its member and weight, in slot order, and each member's capacity share. */
  record Run(List<MemberId> holders, List<Q> weights, Map<MemberId, Q> share, Q largest, int members) {}

  static Run run(Case c) {
    List<Participant> roster = new ArrayList<>();
    for (int i = 0; i < c.members(); i++) {
      roster.add(Participant.of(MemberId.of("m" + i), MONDAY.minusYears(1)).capacity(c.capacities().get(i)));
    }
    List<Role> roles = new ArrayList<>();
    for (int r = 0; r < c.weights().size(); r++) {
      roles.add(Role.of(RoleId.of("r" + r), "R" + r, Cadence.weekly(MONDAY.plusDays(r % 3))).weight(c.weights().get(r)));
    }
    Plan plan = RotationPolicy.weighted(5).plan(PlanRequest.of(roster, roles, MONDAY, MONDAY.plusWeeks(c.weeks())));
    Map<RoleId, Q> weight = new HashMap<>();
    roles.forEach(r -> weight.put(r.id(), Q.of(r.weight())));
    Q total = Q.ZERO;
    for (Participant p : roster) {
      total = total.plus(Q.of(p.capacity()));
    }
    Map<MemberId, Q> share = new HashMap<>();
    for (Participant p : roster) {
      share.put(p.member(), Q.of(p.capacity()).over(total));
    }
    List<MemberId> holders = new ArrayList<>();
    List<Q> weights = new ArrayList<>();
    Q largest = Q.ZERO;
    for (Assignment a : plan.assignments()) {
      holders.add(a.member());
      weights.add(weight.get(a.slot().role()));
      largest = weight.get(a.slot().role()).compareTo(largest) > 0 ? weight.get(a.slot().role()) : largest;
    }
    return new Run(holders, weights, share, largest, c.members());
  }

  @Property(tries = 1000, seed = "20261199")
  void prefixDeviationStaysWithinTijdemansBoundBelowTheLargestWeight(@ForAll("cases") Case c) {
    Run run = run(c);
    // (1 - 1/(2m - 2)) W, or W for one member (who then takes every turn: deviation 0).
    Q bound = run.members() == 1 ? run.largest()
        : run.largest().times(new Q(BigInteger.valueOf(2L * run.members() - 3), BigInteger.valueOf(2L * run.members() - 2)));
    Map<MemberId, Q> deviation = new HashMap<>();
    run.share().keySet().forEach(m -> deviation.put(m, Q.ZERO));
    for (int s = 0; s < run.holders().size(); s++) {
      Q w = run.weights().get(s);
      run.share().forEach((m, q) -> deviation.merge(m, w.times(q), Q::plus));
      deviation.merge(run.holders().get(s), w, Q::minus);
      for (Map.Entry<MemberId, Q> e : deviation.entrySet()) {
        assertThat(e.getValue().abs().compareTo(bound)).as("%s is %s from their share after turn %s (bound %s) in %s",
            e.getKey(), e.getValue(), s, bound, c).isLessThanOrEqualTo(0);
        assertThat(e.getValue().abs().compareTo(run.largest())).as("below the largest weight").isLessThan(0);
      }
    }
  }

  /** Proportional up to one task: nobody's load, less the heaviest turn they hold, exceeds their share. */
  @Property(tries = 1000, seed = "20261198")
  void nobodyCarriesMoreThanTheirShareBeyondOneOfTheirTurns(@ForAll("cases") Case c) {
    Run run = run(c);
    Map<MemberId, Q> entitled = new HashMap<>();
    Map<MemberId, Q> load = new HashMap<>();
    Map<MemberId, Q> heaviest = new HashMap<>();
    for (int s = 0; s < run.holders().size(); s++) {
      Q w = run.weights().get(s);
      run.share().forEach((m, q) -> entitled.merge(m, w.times(q), Q::plus));
      MemberId h = run.holders().get(s);
      load.merge(h, w, Q::plus);
      heaviest.merge(h, w, (a, b) -> a.compareTo(b) >= 0 ? a : b);
      for (MemberId m : load.keySet()) {
        assertThat(load.get(m).minus(heaviest.get(m)).compareTo(entitled.get(m))).as("%s after turn %s in %s", m, s, c)
            .isLessThanOrEqualTo(0);
      }
    }
  }

  /** EF1 at equal capacities: nobody's load, less one of their turns, exceeds anyone else's. */
  @Property(tries = 1000, seed = "20261197")
  void envyFreeUpToOneTaskAtEqualCapacities(@ForAll("equalCapacities") Case c) {
    Run run = run(c);
    Map<MemberId, Q> load = new HashMap<>();
    Map<MemberId, Q> heaviest = new HashMap<>();
    run.share().keySet().forEach(m -> load.put(m, Q.ZERO));
    for (int s = 0; s < run.holders().size(); s++) {
      MemberId h = run.holders().get(s);
      load.merge(h, run.weights().get(s), Q::plus);
      heaviest.merge(h, run.weights().get(s), (a, b) -> a.compareTo(b) >= 0 ? a : b);
      for (MemberId i : heaviest.keySet()) {
        for (MemberId j : load.keySet()) {
          assertThat(load.get(i).minus(heaviest.get(i)).compareTo(load.get(j))).as("%s envies %s after turn %s in %s",
              i, j, s, c).isLessThanOrEqualTo(0);
        }
      }
    }
  }

  /**
   * The issue's case: 12 members, two at capacity 0.25, two roles of weight 1.5 on the same day for
   * 11 weeks. The earlier largest-deficit rule reached the largest weight exactly; within
   * Tijdeman's bound it stays below.
   */
  @Example
  void twelveMembersTwoAtAQuarterStayBelowTheLargestWeight() {
    prefixDeviationStaysWithinTijdemansBoundBelowTheLargestWeight(new Case(12, List.of("1.5", "1.5"),
        List.of("1", "1", "1", "0.25", "1", "0.5", "0.25", "1", "1", "1", "1", "1"), 11));
  }

  /**
   * With capacity shares EF1 fails by design (a member at 0.25 carries a quarter of a full
   * member's load), and so does its weighted form: here someone's load less their heaviest turn,
   * per unit of capacity, exceeds someone else's.
   */
  @Example
  void withCapacitySharesEvenWeightedEf1DoesNotHold() {
    Case c = new Case(3, List.of("1"), List.of("1", "0.25", "0.25"), 4);
    Run run = run(c);
    Map<MemberId, Q> load = new HashMap<>();
    Map<MemberId, Q> heaviest = new HashMap<>();
    run.share().keySet().forEach(m -> load.put(m, Q.ZERO));
    boolean plain = true;
    boolean weighted = true;
    for (int s = 0; s < run.holders().size(); s++) {
      MemberId h = run.holders().get(s);
      load.merge(h, run.weights().get(s), Q::plus);
      heaviest.merge(h, run.weights().get(s), (a, b) -> a.compareTo(b) >= 0 ? a : b);
      for (MemberId i : heaviest.keySet()) {
        Q rest = load.get(i).minus(heaviest.get(i));
        for (MemberId j : load.keySet()) {
          plain &= rest.compareTo(load.get(j)) <= 0;
          weighted &= rest.over(run.share().get(i)).compareTo(load.get(j).over(run.share().get(j))) <= 0;
        }
      }
    }
    assertThat(plain).as("EF1").isFalse();
    assertThat(weighted).as("weighted EF1").isFalse();
  }
}
