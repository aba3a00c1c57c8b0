package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.DEE;
import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.Response;
import coop.lattice.health.HealthReport;
import coop.lattice.health.Indicator;
import coop.lattice.ledger.Appearance;
import coop.lattice.rotation.Assignment;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.RotationPolicy;
import coop.lattice.rotation.Slot;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health indicators on constructed collectives: they cross when power concentrates and stay under when it rotates. */
class HealthTest {
  static final LocalDate MONDAY = LocalDate.of(2026, 4, 6);
  SteppingClock clock;
  Collective coop;

  @BeforeEach
  void found() {
    clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(1));
    coop = Collective.found(CollectiveId.of("food-coop"), "Food Co-op", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), KEY, clock);
    for (MemberId m : List.of(BO, CY, DEE)) {
      coop.admit(ANA, m, Appearance.byName(m.value()));
    }
  }

  List<Role> roles() {
    return List.of(Role.of(RoleId.of("facilitation"), "Facilitation", Cadence.weekly(MONDAY)),
        Role.of(RoleId.of("notes"), "Notes", Cadence.weekly(MONDAY)).exclusiveWith(RoleId.of("facilitation")));
  }

  List<Participant> roster() {
    return List.of(ANA, BO, CY, DEE).stream().map(m -> Participant.of(m, LocalDate.of(2025, 1, 1))).toList();
  }

  @Test
  void aBalancedRotationStaysUnderEveryThreshold() {
    coop.rotations().publish(ANA, coop.rotations().plan(RotationPolicy.fair(3), roster(), roles(), MONDAY, MONDAY.plusWeeks(8)));
    HealthReport h = coop.health(Instant.parse("2026-04-01T00:00:00Z"));
    assertThat(h.indicator("role-concentration").crossed()).isFalse();
    assertThat(h.indicator("role-gini").value()).isZero();
    assertThat(h.indicator("facilitation-concentration").crossed()).isFalse();
    assertThat(h.crossed()).extracting(Indicator::name)
        .doesNotContain("role-concentration", "facilitation-concentration", "role-gini");
  }

  @Test
  void oneDominantFacilitatorCrossesAndGoesOnTheAgenda() {
    Plan fair = coop.rotations().plan(RotationPolicy.fair(3), roster(), roles(), MONDAY, MONDAY.plusWeeks(8));
    List<Assignment> skewed = new ArrayList<>();
    for (Assignment a : fair.assignments()) {
      boolean facilitation = a.slot().role().equals(RoleId.of("facilitation"));
      skewed.add(new Assignment(a.slot(), facilitation ? ANA : (a.member().equals(ANA) ? BO : a.member()), "by habit"));
    }
    coop.rotations().publish(ANA, new Plan("by-habit", "", fair.from(), fair.until(), skewed));
    Instant at = Instant.parse("2026-04-01T00:00:00Z");
    HealthReport h = coop.health(at);
    assertThat(h.indicator("facilitation-concentration").crossed()).isTrue();
    assertThat(h.indicator("facilitation-concentration").value()).isEqualTo(0.5); // one of four holds it all: 1 / 2
    assertThat(h.indicator("role-gini").crossed()).isFalse(); // total turns can look even while one person holds the room
    assertThat(coop.agenda(at)).anySatisfy(i -> {
      assertThat(i.kind()).isEqualTo(AgendaItem.Kind.HEALTH_WARNING);
      assertThat(i.subject()).isEqualTo("facilitation-concentration");
      assertThat(i.detail()).contains("facilitation has stopped rotating").doesNotContain("ana");
    });
  }

  @Test
  void oldDissentAndOneAuthorCross() {
    long p = 0;
    for (int i = 0; i < 4; i++) {
      p = coop.agreements().propose(ANA, AgreementTerms.builder(AgreementId.of("a" + i), "A" + i)
          .reviewOn(LocalDate.of(2027, 1, 1)).build(), "");
    }
    coop.agreements().respond(BO, p, Response.OBJECTION, "not without the parents");
    clock.advance(Duration.ofDays(5));
    Instant soon = clock.instant();
    assertThat(coop.health(soon).indicator("unresolved-dissent").crossed()).isFalse();
    assertThat(coop.health(soon).indicator("proposal-authorship").crossed()).isTrue();
    Instant later = soon.plus(Duration.ofDays(40));
    assertThat(coop.health(later).indicator("unresolved-dissent").crossed()).isTrue();
    assertThat(coop.health(later).indicator("unresolved-dissent").explanation()).contains("1 objection(s) raised, 0 addressed");
  }

  @Test
  void newcomersLeftOutOfTheMapCross() {
    clock.advance(Duration.ofDays(120)); // the founders are no longer newcomers
    LocalDate later = LocalDate.of(2026, 8, 3);
    coop.rotations().publish(ANA, coop.rotations().plan(RotationPolicy.fair(3), roster(), roles(), later, later.plusWeeks(8)));
    coop.admit(ANA, MemberId.of("eve"), Appearance.byName("Eve"));
    HealthReport h = coop.health(clock.instant());
    assertThat(h.indicator("newcomer-inclusion").value()).isLessThan(1.0);
    assertThat(h.indicator("newcomer-inclusion").crossed()).isTrue();
    Slot some = coop.rotations().current().orElseThrow().assignments().get(0).slot();
    MemberId holder = coop.rotations().current().orElseThrow().assignments().get(0).member();
    coop.rotations().acceptHandOver(MemberId.of("eve"),
        coop.rotations().proposeHandOver(holder, some, MemberId.of("eve"), null, "welcome"));
    assertThat(coop.health(clock.instant()).indicator("newcomer-inclusion").crossed()).isFalse();
  }
}
