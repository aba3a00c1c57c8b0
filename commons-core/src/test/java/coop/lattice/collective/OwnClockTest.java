package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.collective.AgendaItem.Kind;
import coop.lattice.ledger.Appearance;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The views that ask "now" read the collective's own clock, not the machine's. */
class OwnClockTest {
  @Test
  void theAgendaAndTheHealthReportReadTheCollectivesClock() {
    SteppingClock clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ZERO);
    Collective coop = Collective.found(CollectiveId.of("fixit"), "Fixit", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), KEY, clock);
    coop.admit(ANA, BO, Appearance.byName("Bo"));
    coop.agreements().propose(ANA, Adopt.terms("hours").build(), "");
    assertThat(coop.agenda()).extracting(AgendaItem::kind).contains(Kind.PROPOSAL_OPEN)
        .doesNotContain(Kind.PROPOSAL_READY_TO_DECIDE);

    clock.advance(Duration.ofDays(8)); // a week and a day on the collective's clock; the machine's barely moved
    Instant now = clock.instant();
    assertThat(coop.agenda()).isEqualTo(coop.agenda(now))
        .extracting(AgendaItem::kind).contains(Kind.PROPOSAL_READY_TO_DECIDE);
    assertThat(coop.health()).isEqualTo(coop.health(now));
    assertThat(coop.health().at()).isEqualTo(now);
  }
}
