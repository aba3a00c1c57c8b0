package coop.lattice.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
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

/** Clearing random networks of debt: nobody's net position moves, no debt grows or appears, no cycle is left. */
class ClearingProperties {

  @Property(tries = 400, seed = "20261127")
  void clearingKeepsEveryNetPositionAndLeavesNoCycle(@ForAll("networks") List<Debt> debts) {
    Clearing.Result r = Clearing.clear("round", debts);

    assertThat(nonZero(Clearing.netPositions(r.remaining()))).isEqualTo(nonZero(Clearing.netPositions(debts)));

    Map<List<Object>, BigDecimal> before = byPair(debts);
    Map<List<Object>, BigDecimal> after = byPair(r.remaining());
    after.forEach((pair, amount) -> {
      assertThat(before).containsKey(pair);
      assertThat(amount).isLessThanOrEqualTo(before.get(pair));
    });
    for (Unit u : Unit.values()) {
      assertThat(hasCycle(r.remaining(), u)).as("a cycle left in %s", u).isFalse();
    }

    // Each collective's legs, applied to its own balances, give exactly the remaining debts.
    Map<List<Object>, BigDecimal> replayed = new HashMap<>(before);
    Set<CollectiveId> everyone = new HashSet<>();
    debts.forEach(d -> everyone.addAll(List.of(d.debtor(), d.creditor())));
    for (CollectiveId c : everyone) {
      for (Clearing.Leg leg : r.legsFor(c)) {
        assertThat(leg.amount()).isPositive();
        replayed.merge(List.of(c, leg.creditor(), leg.unit()), leg.amount().negate(), BigDecimal::add);
      }
    }
    replayed.values().removeIf(v -> v.signum() == 0);
    assertThat(replayed.keySet()).isEqualTo(after.keySet());
    replayed.forEach((k, v) -> assertThat(v).isEqualByComparingTo(after.get(k)));
  }

  @Property(tries = 100, seed = "20261128")
  void aSimpleRingClearsCompletelyByItsSmallestDebt(@ForAll("ringSizes") int n) {
    List<Debt> ring = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ring.add(new Debt(id(i), id((i + 1) % n), Unit.HOURS, BigDecimal.valueOf(i == n / 2 ? 2 : 5 + i)));
    }
    Clearing.Result r = Clearing.clear("ring", ring);
    assertThat(r.cycles()).singleElement().satisfies(c -> {
      assertThat(c.amount()).isEqualByComparingTo("2");
      assertThat(c.collectives()).hasSize(n);
    });
    assertThat(r.remaining()).hasSize(n - 1);
  }

  @Provide
  Arbitrary<Integer> ringSizes() {
    return Arbitraries.integers().between(2, 40);
  }

  @Provide
  Arbitrary<List<Debt>> networks() {
    Arbitrary<Integer> who = Arbitraries.integers().between(0, 9);
    Arbitrary<Debt> debt = Combinators.combine(who, who, Arbitraries.of(Unit.HOURS, Unit.KILOGRAMS),
        Arbitraries.integers().between(1, 50_000)).filter((a, b, u, m) -> !a.equals(b))
        .as((a, b, u, m) -> new Debt(id(a), id(b), u, BigDecimal.valueOf(m, 3)));
    return debt.list().ofMinSize(0).ofMaxSize(60);
  }

  static CollectiveId id(int i) {
    return CollectiveId.of("c" + i);
  }

  static Map<CollectiveId, Map<Unit, BigDecimal>> nonZero(Map<CollectiveId, Map<Unit, BigDecimal>> m) {
    Map<CollectiveId, Map<Unit, BigDecimal>> out = new HashMap<>();
    m.forEach((c, units) -> units.forEach((u, v) -> {
      if (v.signum() != 0) {
        out.computeIfAbsent(c, k -> new EnumMap<>(Unit.class)).put(u, v.stripTrailingZeros());
      }
    }));
    return out;
  }

  static Map<List<Object>, BigDecimal> byPair(List<Debt> debts) {
    Map<List<Object>, BigDecimal> out = new HashMap<>();
    debts.forEach(d -> out.merge(List.of(d.debtor(), d.creditor(), d.unit()), d.amount(), BigDecimal::add));
    return out;
  }

  /** Kahn's algorithm: a graph has a cycle when some node is never freed of incoming edges. */
  static boolean hasCycle(List<Debt> debts, Unit unit) {
    Map<CollectiveId, Set<CollectiveId>> out = new HashMap<>();
    Map<CollectiveId, Integer> in = new HashMap<>();
    for (Debt d : debts) {
      if (d.unit() == unit && out.computeIfAbsent(d.debtor(), k -> new HashSet<>()).add(d.creditor())) {
        in.merge(d.creditor(), 1, Integer::sum);
        in.putIfAbsent(d.debtor(), 0);
      }
    }
    List<CollectiveId> free = new ArrayList<>(in.keySet().stream().filter(c -> in.get(c) == 0).toList());
    int seen = 0;
    while (!free.isEmpty()) {
      CollectiveId c = free.remove(free.size() - 1);
      seen++;
      for (CollectiveId next : out.getOrDefault(c, Set.of())) {
        if (in.merge(next, -1, Integer::sum) == 0) {
          free.add(next);
        }
      }
    }
    return seen < in.size();
  }
}
