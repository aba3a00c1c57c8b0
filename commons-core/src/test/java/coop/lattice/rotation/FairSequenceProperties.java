package coop.lattice.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.MemberId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * F1, F2, F3, F5 and F6 for one role's sequence, checked with exact rational arithmetic (the
 * implementation uses doubles) over random rosters, availabilities and capacities.
 */
class FairSequenceProperties {

  record Case(int members, List<List<Integer>> eligible, Map<Integer, Integer> quarterShares) {
    /** Everyone eligible and available at every one of {@code length} slots, with equal shares. */
    static Case everyoneAvailable(int members, int length) {
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < members; i++) {
        all.add(i);
      }
      return new Case(members, Collections.nCopies(length, all), Map.of());
    }

    List<MemberId> ids() {
      List<MemberId> out = new ArrayList<>();
      for (int i = 0; i < members; i++) {
        out.add(MemberId.of("m" + i));
      }
      return out;
    }

    List<List<MemberId>> eligibleIds() {
      List<List<MemberId>> out = new ArrayList<>();
      for (List<Integer> slot : eligible) {
        out.add(slot.stream().map(i -> MemberId.of("m" + i)).toList());
      }
      return out;
    }

    Map<MemberId, Double> capacity() {
      Map<MemberId, Double> out = new HashMap<>();
      quarterShares.forEach((i, q) -> out.put(MemberId.of("m" + i), q / 4.0));
      return out;
    }

    int quarters(int i) {
      return quarterShares.getOrDefault(i, 4);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.integers().between(1, 8).flatMap(n -> {
      Arbitrary<List<Integer>> slot = Arbitraries.integers().between(0, n - 1).set().ofMinSize(0).ofMaxSize(n)
          .map(s -> s.stream().sorted().toList());
      Arbitrary<List<List<Integer>>> slots = slot.list().ofMinSize(1).ofMaxSize(40);
      Arbitrary<Map<Integer, Integer>> shares = Arbitraries.maps(Arbitraries.integers().between(0, n - 1),
          Arbitraries.integers().between(1, 4)).ofMaxSize(n);
      Arbitrary<Boolean> weighted = Arbitraries.of(true, false);
      return Combinators.combine(slots, shares, weighted).as((s, w, useWeights) -> new Case(n, s, useWeights ? w : Map.of()));
    });
  }

  /** An exact fraction num/den with den > 0. */
  record Q(BigInteger num, BigInteger den) {
    static Q of(long n, long d) {
      return new Q(BigInteger.valueOf(n), BigInteger.valueOf(d)).norm();
    }

    Q norm() {
      BigInteger g = num.gcd(den);
      return g.signum() == 0 ? new Q(BigInteger.ZERO, BigInteger.ONE) : new Q(num.divide(g), den.divide(g));
    }

    Q plus(Q o) {
      return new Q(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den)).norm();
    }

    Q minus(long k) {
      return new Q(num.subtract(den.multiply(BigInteger.valueOf(k))), den).norm();
    }

    /** True when |this| < 1. */
    boolean underOne() {
      return num.abs().compareTo(den) < 0;
    }

  }

  /** Exact prefix entitlements: X[i][t] after slot t. */
  static Q[][] entitlements(Case c) {
    int slots = c.eligible().size();
    Q[][] x = new Q[c.members()][slots + 1];
    for (int i = 0; i < c.members(); i++) {
      x[i][0] = Q.of(0, 1);
    }
    for (int t = 0; t < slots; t++) {
      long total = 0;
      for (int i : c.eligible().get(t)) {
        total += c.quarters(i);
      }
      for (int i = 0; i < c.members(); i++) {
        x[i][t + 1] = c.eligible().get(t).contains(i) ? x[i][t].plus(Q.of(c.quarters(i), total)) : x[i][t];
      }
    }
    return x;
  }

  static List<MemberId> plan(Case c) {
    return FairSequence.assign(c.eligibleIds(), c.capacity(), c.ids());
  }

  @Property(tries = 1500, seed = "20261143")
  void f1EveryPrefixStaysWithinOneTurnOfTheShare(@ForAll("cases") Case c) {
    List<MemberId> plan = plan(c);
    Q[][] x = entitlements(c);
    long[] held = new long[c.members()];
    for (int t = 0; t < plan.size(); t++) {
      if (plan.get(t) != null) {
        held[Integer.parseInt(plan.get(t).value().substring(1))]++;
      }
      for (int i = 0; i < c.members(); i++) {
        assertThat(x[i][t + 1].minus(held[i]).underOne())
            .as("member %s after slot %s: entitlement %s, held %s, plan %s", i, t, x[i][t + 1], held[i], plan).isTrue();
      }
    }
  }

  @Property(tries = 1500, seed = "20261144")
  void f5OnlyEligibleMembersAndEveryFillableSlotIsFilled(@ForAll("cases") Case c) {
    List<MemberId> plan = plan(c);
    List<List<MemberId>> eligible = c.eligibleIds();
    for (int t = 0; t < plan.size(); t++) {
      if (eligible.get(t).isEmpty()) {
        assertThat(plan.get(t)).isNull();
      } else {
        assertThat(eligible.get(t)).contains(plan.get(t));
      }
    }
  }

  @Property(tries = 1000, seed = "20261145")
  void f6TheSameInputGivesTheSamePlan(@ForAll("cases") Case c) {
    assertThat(plan(c)).isEqualTo(plan(c));
  }

  /**
   * F3 as stated for this policy (F9: F1 wins): no counted back-to-back turn can be removed by
   * handing its slot to another eligible member or by swapping it with another member's slot
   * without breaking F1 or adding a back-to-back turn elsewhere. Checked exhaustively over all
   * such moves with exact arithmetic.
   */
  @Property(tries = 1500, seed = "20261146")
  void f3NoBackToBackTurnThatOneChangeCouldRemove(@ForAll("cases") Case c) {
    List<MemberId> plan = plan(c);
    int[] h = new int[plan.size()];
    for (int t = 0; t < h.length; t++) {
      h[t] = plan.get(t) == null ? -1 : Integer.parseInt(plan.get(t).value().substring(1));
    }
    Q[][] x = entitlements(c);
    int cost = backToBack(c, h);
    for (int t = 1; t < h.length; t++) {
      int i = h[t];
      if (i < 0 || h[t - 1] != i || c.eligible().get(t).size() < 2) {
        continue;
      }
      for (int j : c.eligible().get(t)) {
        if (j == i) {
          continue;
        }
        int[] handed = h.clone();
        handed[t] = j;
        assertThat(backToBack(c, handed) < cost && keepsF1(c, x, handed))
            .as("handing slot %s from m%s to m%s improves %s for %s", t, i, j, plan, c).isFalse();
        for (int u = 0; u < h.length; u++) {
          if (u != t && h[u] == j && c.eligible().get(u).contains(i)) {
            int[] swapped = h.clone();
            swapped[t] = j;
            swapped[u] = i;
            assertThat(backToBack(c, swapped) < cost && keepsF1(c, x, swapped))
                .as("swapping slots %s and %s improves %s for %s", t, u, plan, c).isFalse();
          }
        }
      }
    }
  }

  @Property(tries = 1000, seed = "20261147")
  void f3NoBackToBackAtAllWhenEveryoneIsAlwaysAvailable(@ForAll("constant") int members, @ForAll("lengths") int length) {
    Assume.that(members >= 2);
    List<MemberId> plan = plan(Case.everyoneAvailable(members, length));
    for (int t = 1; t < plan.size(); t++) {
      assertThat(plan.get(t)).as("slot %s of %s", t, plan).isNotEqualTo(plan.get(t - 1));
    }
  }

  static int backToBack(Case c, int[] h) {
    int n = 0;
    for (int t = 1; t < h.length; t++) {
      if (h[t] >= 0 && h[t] == h[t - 1] && c.eligible().get(t).size() > 1) {
        n++;
      }
    }
    return n;
  }

  static boolean keepsF1(Case c, Q[][] x, int[] h) {
    long[] held = new long[c.members()];
    for (int t = 0; t < h.length; t++) {
      if (h[t] >= 0) {
        held[h[t]]++;
      }
      for (int m = 0; m < c.members(); m++) {
        if (!x[m][t + 1].minus(held[m]).underOne()) {
          return false;
        }
      }
    }
    return true;
  }

  @Property(tries = 1000, seed = "20261148")
  void f2WithConstantAvailabilityAnyWindowOfAtLeastNIsBalancedWithinOne(
      @ForAll("constant") int members, @ForAll("lengths") int length) {
    Case c = Case.everyoneAvailable(members, length);
    List<MemberId> plan = plan(c);
    for (int w = members; w <= length; w++) {
      for (int start = 0; start + w <= length; start++) {
        Map<MemberId, Integer> counts = new HashMap<>();
        c.ids().forEach(id -> counts.put(id, 0));
        for (int t = start; t < start + w; t++) {
          counts.merge(plan.get(t), 1, Integer::sum);
        }
        int max = counts.values().stream().max(Integer::compare).orElseThrow();
        int min = counts.values().stream().min(Integer::compare).orElseThrow();
        assertThat(max - min).as("window %s..%s of %s", start, start + w, plan).isLessThanOrEqualTo(1);
      }
    }
  }

  @Provide
  Arbitrary<Integer> constant() {
    return Arbitraries.integers().between(1, 9);
  }

  @Provide
  Arbitrary<Integer> lengths() {
    return Arbitraries.integers().between(1, 40);
  }

  @Example
  void theFirstMemberInTheListDoesNotCollectEveryTurn() {
    Case c = new Case(3, List.of(List.of(0, 1, 2), List.of(0, 1, 2), List.of(0, 1, 2)), Map.of());
    assertThat(plan(c)).doesNotHaveDuplicates();
  }
}
