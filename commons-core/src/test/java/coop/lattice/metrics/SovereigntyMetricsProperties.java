package coop.lattice.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.InvalidAgreementException;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.RejectedCommandException;
import coop.lattice.Unit;
import coop.lattice.agreement.Setting;
import coop.lattice.collective.Collective;
import coop.lattice.collective.ContributionTotals;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Entry;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Sovereignty metrics: incremental equals full recompute, and both equal the collective's own totals. */
class SovereigntyMetricsProperties {
  static final List<ContributionKind> KINDS = List.of(ContributionKind.FOOD, ContributionKind.CARE,
      ContributionKind.REPAIR, ContributionKind.TOOLS, ContributionKind.of("seed-library"));

  /** One step: who gives to whom, what, how much, whether it is acknowledged or corrected, and days passing. */
  record Step(int giver, int receiver, int kind, int amount, int fate, int days) {}

  @Provide
  Arbitrary<List<Step>> histories() {
    return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, KINDS.size() - 1), Arbitraries.integers().between(1, 40),
        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 20))
        .as(Step::new).list().ofMaxSize(40);
  }

  @Property(tries = 300, seed = "20261401")
  void incrementalEqualsFullRecomputeAndTheCollectivesTotals(@ForAll("histories") List<Step> steps) {
    SteppingClock clock = SteppingClock.startingAt("2026-01-05T10:00:00Z", Duration.ofMinutes(1));
    Collective coop = Collective.found(CollectiveId.of("commons"), "Commons", MemberId.of("m0"), Appearance.byName("M0"),
        LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), clock);
    for (int i = 1; i < 4; i++) {
      coop.admit(MemberId.of("m0"), MemberId.of("m" + i), Appearance.byName("M" + i));
    }
    for (Step s : steps) {
      clock.advance(Duration.ofDays(s.days()));
      MemberId giver = MemberId.of("m" + s.giver());
      MemberId receiver = MemberId.of("m" + (s.receiver() == s.giver() ? (s.giver() + 1) % 4 : s.receiver()));
      Quantity q = s.kind() == 0 ? Quantity.kilograms(s.amount() + ".5") : Quantity.hours(Integer.toString(s.amount()));
      long ref = coop.record(Contribution.toMember(giver, receiver, KINDS.get(s.kind()), q));
      if (s.fate() >= 1) {
        coop.acknowledge(receiver, ref);
      }
      if (s.fate() == 3) {
        long fixed = coop.correct(ref, Contribution.toMember(giver, receiver, KINDS.get(s.kind()),
            s.kind() == 0 ? Quantity.kilograms("1") : Quantity.hours("1")));
        coop.acknowledge(receiver, fixed);
      }
    }
    List<Entry> entries = coop.ledger().entries(0, coop.ledger().size());
    SovereigntyMetrics incremental = new SovereigntyMetrics(ZoneOffset.UTC);
    for (int i = 0; i < entries.size(); i++) {
      incremental.apply(entries.get(i));
      if (i % 7 == 0 || i == entries.size() - 1) {
        SovereigntyMetrics full = SovereigntyMetrics.compute(entries.subList(0, i + 1), ZoneOffset.UTC);
        for (YearMonth m = YearMonth.of(2026, 1); !m.isAfter(YearMonth.of(2027, 2)); m = m.plusMonths(1)) {
          assertThat(incremental.report(m)).isEqualTo(full.report(m));
        }
      }
    }
    SortedMap<YearMonth, ContributionTotals> reference = coop.monthlyTotals(ZoneOffset.UTC);
    for (YearMonth m = YearMonth.of(2026, 1); !m.isAfter(YearMonth.of(2027, 2)); m = m.plusMonths(1)) {
      SovereigntyReport r = incremental.report(m);
      ContributionTotals t = reference.get(m);
      List<String> expected = new ArrayList<>();
      if (t != null) {
        t.amounts().forEach((kind, units) -> units.forEach((unit, v) -> expected.add(kind.value() + " " + unit + " "
            + v.stripTrailingZeros().toPlainString())));
      }
      List<String> actual = new ArrayList<>();
      r.met().forEach((need, units) -> units.forEach((unit, v) -> actual.add(need.value() + " " + unit + " "
          + v.stripTrailingZeros().toPlainString())));
      assertThat(actual).as("month %s", m).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Example
  void sovereigntyGainedIsWhatTheCommunityNowDoesForItselfThatItDidNotBefore() {
    SteppingClock clock = SteppingClock.startingAt("2026-03-02T10:00:00Z", Duration.ofMinutes(1));
    Collective coop = Collective.found(CollectiveId.of("commons"), "Commons", MemberId.of("ana"),
        Appearance.byName("Ana"), LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), clock);
    coop.admit(MemberId.of("ana"), MemberId.of("bo"), Appearance.byName("Bo"));
    coop.acknowledge(MemberId.of("ana"), coop.record(Contribution.toMember(MemberId.of("bo"), MemberId.of("ana"),
        ContributionKind.FOOD, Quantity.kilograms("20"))));
    clock.advance(Duration.ofDays(31));
    coop.acknowledge(MemberId.of("ana"), coop.record(Contribution.toMember(MemberId.of("bo"), MemberId.of("ana"),
        ContributionKind.REPAIR, Quantity.hours("2"))));
    SovereigntyMetrics m = SovereigntyMetrics.compute(coop.ledger().entries(0, coop.ledger().size()), ZoneOffset.UTC);
    SovereigntyReport april = m.report(YearMonth.of(2026, 4));
    assertThat(april.gained()).containsExactly(Need.REPAIR);
    assertThat(april.lost()).containsExactly(Need.FOOD);
    assertThat(april.of(Need.REPAIR, Unit.HOURS)).isEqualByComparingTo("2");
    assertThat(april.change().get(Need.FOOD).get(Unit.KILOGRAMS)).isEqualByComparingTo("-20");
    assertThat(april.change().get(Need.REPAIR).get(Unit.HOURS)).isEqualByComparingTo("2");
    assertThat(m.report(YearMonth.of(2026, 3)).met()).isEqualTo(Map.of(Need.FOOD, Map.of(Unit.KILOGRAMS,
        new BigDecimal("20"))));
    assertThat(m.met(YearMonth.of(2026, 3), YearMonth.of(2026, 4))).containsOnlyKeys(Need.FOOD, Need.REPAIR);
    assertThatThrownBy(() -> m.met(YearMonth.of(2026, 4), YearMonth.of(2026, 3)))
        .isInstanceOf(RejectedCommandException.class).hasMessageContaining("ends before it starts");
    // Thresholds come from agreements, in range or not at all.
    assertThatThrownBy(() -> new Setting("health-gini-percent", "150"))
        .isInstanceOf(InvalidAgreementException.class).hasMessageContaining("from 1 to 100");
    assertThatThrownBy(() -> new Setting("health-dissent-days", "0"))
        .isInstanceOf(InvalidAgreementException.class);
  }
}
