package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.InvalidRotationException;
import coop.lattice.cycle.Campaign;
import coop.lattice.cycle.Debrief;
import coop.lattice.ledger.Appearance;
import coop.lattice.merkle.Hash;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.RotationPolicy;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignsTest {
  static final LocalDate START = LocalDate.of(2026, 4, 6);
  SteppingClock clock;
  Collective coop;
  Campaign harvest;

  @BeforeEach
  void found() {
    clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(1));
    coop = Collective.found(CollectiveId.of("food-coop"), "Food Co-op", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), KEY, clock);
    coop.admit(ANA, BO, Appearance.byName("Bo"));
    harvest = new Campaign("harvest", "Harvest push", List.of(
        new Campaign.Phase(Campaign.Phase.Kind.INTENSITY, START, START.plusWeeks(8).minusDays(1)),
        new Campaign.Phase(Campaign.Phase.Kind.REST, START.plusWeeks(8), START.plusWeeks(10).minusDays(1)),
        new Campaign.Phase(Campaign.Phase.Kind.REFLECTION, START.plusWeeks(10), START.plusWeeks(10).plusDays(2))));
    coop.campaigns().start(ANA, harvest);
  }

  @Test
  void aDebriefClosesACampaignOnlyOnceItEndedAndItsFindingsGoOnTheAgenda() {
    long size = coop.ledger().size();
    Hash root = coop.ledger().root();
    Debrief debrief = new Debrief(List.of("we fed 300 families"), List.of("Bo's burnout"), List.of("cap at 8 hours"));
    assertThatThrownBy(() -> coop.campaigns().debrief(ANA, "harvest", debrief)).isInstanceOf(InvalidRotationException.class)
        .hasMessageContaining("still open until 2026-06-17");
    assertThat(coop.ledger().size()).isEqualTo(size);
    assertThat(coop.ledger().root()).isEqualTo(root);

    clock.advance(Duration.ofDays(120));
    assertThat(coop.agenda(clock.instant())).extracting(AgendaItem::kind).contains(AgendaItem.Kind.DEBRIEF_DUE);
    coop.campaigns().debrief(ANA, "harvest", debrief);
    assertThat(coop.agenda(clock.instant())).filteredOn(i -> i.kind() == AgendaItem.Kind.DEBRIEF_FINDING)
        .extracting(AgendaItem::detail).containsExactly(
            "From the debrief of \"Harvest push\", to refine at the next agreement review: cap at 8 hours");
    assertThat(coop.agenda(clock.instant())).noneMatch(i -> i.kind() == AgendaItem.Kind.DEBRIEF_DUE);
    assertThatThrownBy(() -> coop.campaigns().debrief(BO, "harvest", debrief)).hasMessageContaining("already debriefed");
  }

  @Test
  void plansRestDuringRestUnlessSomeoneOptsInAndTheGuardWarnsOfLongIntensity() {
    List<Role> roles = List.of(Role.of(RoleId.of("stall"), "Market stall", Cadence.weekly(START)).weight("3"));
    List<Participant> roster = List.of(ANA, BO).stream().map(m -> Participant.of(m, LocalDate.of(2025, 1, 1))).toList();
    Plan plan = coop.rotations().plan(RotationPolicy.fair(1), roster, roles, START, START.plusWeeks(10));
    assertThat(plan.assignments().stream().filter(a -> !a.slot().date().isBefore(START.plusWeeks(8))))
        .allSatisfy(a -> assertThat(a.member()).isNull());
    coop.campaigns().optIntoRest(BO, "harvest");
    Plan withBo = coop.rotations().plan(RotationPolicy.fair(1), roster, roles, START, START.plusWeeks(10));
    assertThat(withBo.assignments().stream().filter(a -> !a.slot().date().isBefore(START.plusWeeks(8))))
        .allSatisfy(a -> assertThat(a.member()).isEqualTo(BO));

    Instant now = clock.instant();
    assertThat(coop.campaigns().burnoutWarnings(now, roles)).anySatisfy(w -> assertThat(w)
        .contains("intense phase of 8 weeks").contains("longer than the agreed 6"));
  }
}
