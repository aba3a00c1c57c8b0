package coop.lattice.examples.readme;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.health.HealthReport;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.metrics.SovereigntyMetrics;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** The README's health and sovereignty snippet: group-level warnings, and the needs a collective meets itself. */
final class HealthAndMetrics {
  private HealthAndMetrics() {}

  // snippet:start health
  static SovereigntyMetrics readTheHealthAndTheNeedsMet() {
    SteppingClock clock = SteppingClock.startingAt("2027-02-20T10:00:00Z", Duration.ofMinutes(1));
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    Collective coop = Collective.found(CollectiveId.of("riverside-food-coop"), "Riverside Food Co-op", ana,
        Appearance.byName("Ana"), LedgerStore.inMemory(), CollectiveKey.generate(), clock);
    coop.admit(ana, bo, Appearance.byName("Bo"));
    coop.acknowledge(ana, coop.record(Contribution.toMember(bo, ana, ContributionKind.CARE, Quantity.hours("3"))));
    clock.advance(Duration.ofDays(14));   // into March
    coop.acknowledge(ana, coop.record(Contribution.toCollective(bo, ContributionKind.FOOD, Quantity.kilograms("12.5"))));

    HealthReport health = coop.health();   // now, on the collective's clock
    // Here "newcomer-inclusion: 0 of 2 newcomer(s) hold a role ...": nobody holds a role yet.
    health.crossed().forEach(i -> System.out.println(i.name() + ": " + i.explanation()));
    SovereigntyMetrics metrics = SovereigntyMetrics.compute(coop.ledger().entries(0, coop.ledger().size()),
        ZoneOffset.UTC);
    System.out.println(metrics.report(YearMonth.of(2027, 3)).gained());   // [food]: met by the community since March
    return metrics;
  }
  // snippet:end
}
