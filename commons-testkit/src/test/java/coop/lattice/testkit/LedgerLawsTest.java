package coop.lattice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.store.LedgerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The example a user would write: drive a collective with generated input and check the laws. */
class LedgerLawsTest {

  @Property(tries = 60, seed = "20261128")
  void anyRunOfAcknowledgedContributionsKeepsTheLedgerVerifiable(
      @ForAll @Size(max = 12) List<@IntRange(min = 1, max = 168) Integer> hours) {
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    Collective coop = Collective.found(CollectiveId.of("tool-library"), "Tool Library", ana, Appearance.byName("Ana"),
        LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]),
        SteppingClock.startingAt("2026-03-01T09:00:00Z", Duration.ofMinutes(5)));
    coop.admit(ana, bo, Appearance.byName("Bo"));
    for (int h : hours) {
      long ref = coop.record(Contribution.toMember(bo, ana, ContributionKind.TOOLS, Quantity.hours(Integer.toString(h))));
      coop.acknowledge(ana, ref);
    }
    assertThat(LedgerLaws.violations(coop.ledger())).isEmpty();
    assertThat(coop.ledger().size()).isEqualTo(3 + 2L * hours.size());
  }

  @Property(tries = 20, seed = "20261129")
  void theClockStepsDeterministically(@ForAll @IntRange(min = 1, max = 50) int readings) {
    SteppingClock a = SteppingClock.startingAt("2026-01-01T00:00:00Z", Duration.ofSeconds(7));
    SteppingClock b = SteppingClock.startingAt("2026-01-01T00:00:00Z", Duration.ofSeconds(7));
    for (int i = 0; i < readings; i++) {
      Instant t = a.instant();
      assertThat(t).isEqualTo(b.instant())
          .isEqualTo(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(7L * i));
    }
  }
}
