package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.RejectedCommandException;
import coop.lattice.Unit;
import coop.lattice.circle.CircleId;
import coop.lattice.circle.CircleOutcome;
import coop.lattice.circle.SpeakingReport;
import coop.lattice.circle.Tension;
import coop.lattice.circle.Turn;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Event;
import coop.lattice.metrics.Need;
import coop.lattice.metrics.SovereigntyMetrics;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.RotationPolicy;
import coop.lattice.rotation.Slot;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CirclesTest {
  static final CircleId CARE = CircleId.of("care-circle");
  static final LocalDate THURSDAY = LocalDate.of(2026, 4, 2);
  SteppingClock clock;
  LedgerStore store;
  Collective coop;
  MemberId keeper;

  @BeforeEach
  void found() {
    clock = SteppingClock.startingAt("2026-04-03T09:00:00Z", Duration.ofMinutes(1)); // the day after the first meeting
    store = LedgerStore.inMemory();
    coop = Collective.found(CollectiveId.of("childcare-coop"), "Childcare Co-op", ANA, Appearance.byName("Ana"), store,
        KEY, clock);
    coop.admit(ANA, BO, Appearance.byName("Bo"));
    coop.admit(ANA, CY, Appearance.byName("Cy"));
    coop.rotations().publish(ANA, coop.rotations().plan(RotationPolicy.fair(9),
        List.of(ANA, BO, CY).stream().map(m -> Participant.of(m, LocalDate.of(2025, 1, 1))).toList(),
        List.of(Role.of(RoleId.of("circle-keeper"), "Circle keeper", Cadence.monthly(THURSDAY))), THURSDAY,
        THURSDAY.plusMonths(3)));
    coop.circles().form(ANA, CARE, "Care circle", RoleId.of("circle-keeper"));
    keeper = coop.rotations().current().orElseThrow().at(new Slot(THURSDAY, RoleId.of("circle-keeper"), 1))
        .orElseThrow().member();
  }

  Event.CircleMeetingHeld meeting(LocalDate date, List<Turn> turns, List<CircleOutcome> outcomes) {
    return new Event.CircleMeetingHeld(CARE, date, List.of(ANA, BO, CY), 300, turns, outcomes);
  }

  void rejected(ThrowingCallable command, Class<? extends RuntimeException> type, String says) {
    Rejections.rejected(coop, command, type, says);
  }

  @Test
  void aTensionGoesOnTheAgendaUntilTheCircleMeetsAndTheReportShowsTheSpreadNotARanking() {
    coop.circles().raiseTension(BO, CARE, new Tension("pick-ups keep running late", List.of(CY),
        Tension.Visibility.PUBLIC_SUMMARY, "late pick-ups"));
    coop.circles().raiseTension(CY, CARE, new Tension("something private", List.of(BO), Tension.Visibility.CIRCLE_ONLY, ""));
    assertThat(coop.agenda(clock.instant())).filteredOn(i -> i.kind() == AgendaItem.Kind.TENSION_RAISED)
        .extracting(AgendaItem::detail).containsExactly(
            "For the care-circle circle: \"late pick-ups\", with 1 member(s) invited.",
            "For the care-circle circle: a tension (circle only), with 1 member(s) invited.");

    long m = coop.circles().recordMeeting(keeper, meeting(THURSDAY, List.of(new Turn(ANA, 0, 120), new Turn(BO, 120, 240),
        Turn.pass(CY, 240), new Turn(CY, 250, 370)), List.of(CircleOutcome.resolvedInternally("a pick-up rota"),
        CircleOutcome.repair("Bo calls if late", THURSDAY.plusWeeks(2)))));
    assertThat(coop.agenda(clock.instant())).noneMatch(i -> i.kind() == AgendaItem.Kind.TENSION_RAISED);
    SpeakingReport r = coop.circles().speakingReport(m).orElseThrow();
    assertThat(r.secondsSorted()).containsExactly(120L, 120L, 120L);
    assertThat(r.gini()).isZero();
    assertThat(r.toString()).doesNotContain("ana").doesNotContain("bo");

    SovereigntyMetrics metrics = SovereigntyMetrics.compute(coop.ledger().entries(0, coop.ledger().size()), ZoneOffset.UTC);
    assertThat(metrics.report(YearMonth.of(2026, 4)).of(Need.DISPUTE_RESOLUTION, Unit.ITEMS)).isEqualByComparingTo("1");
    assertThat(coop.health(clock.instant()).indicator("speaking-concentration").crossed()).isFalse();
  }

  @Test
  void aMeetingNeedsTheRotationsKeeperAndTurnsThatDoNotOverlap() {
    MemberId other = keeper.equals(ANA) ? BO : ANA;
    rejected(() -> coop.circles().recordMeeting(other, meeting(THURSDAY, List.of(), List.of())), NotPermittedException.class,
        "The keeper, " + keeper + ", records the meeting");
    rejected(() -> coop.circles().recordMeeting(keeper, meeting(THURSDAY.plusDays(1), List.of(), List.of())),
        RejectedCommandException.class, "A circle meeting needs a keeper: the rotation names no circle-keeper for 2026-04-03");
    rejected(() -> coop.circles().recordMeeting(keeper, meeting(THURSDAY.plusMonths(1), List.of(), List.of())),
        RejectedCommandException.class, "has not happened yet");
    rejected(() -> coop.circles().recordMeeting(keeper, meeting(THURSDAY, List.of(new Turn(ANA, 0, 100),
        new Turn(BO, 90, 200)), List.of())), RejectedCommandException.class, "Two turns overlap at second 90");
    rejected(() -> coop.circles().recordMeeting(keeper, meeting(THURSDAY, List.of(new Turn(ANA, 2, 0, 100),
        new Turn(BO, 1, 100, 200)), List.of())), RejectedCommandException.class, "Turns go round by round");
    rejected(() -> coop.circles().recordMeeting(keeper, meeting(THURSDAY, List.of(new Turn(MemberId.of("zed"), 0, 10)),
        List.of())), RejectedCommandException.class, "zed had a turn but is not listed");
    rejected(() -> coop.circles().recordMeeting(keeper, meeting(THURSDAY, List.of(), List.of(new CircleOutcome(
        CircleOutcome.Kind.PROPOSAL, "amend the rota", null, 999L)))), RejectedCommandException.class,
        "names proposal 999, which does not exist");
    assertThatThrownBy(() -> new Turn(ANA, 10, 5)).isInstanceOf(RejectedCommandException.class);
    assertThatThrownBy(() -> new CircleOutcome(CircleOutcome.Kind.REPAIR, "x", null, null))
        .isInstanceOf(RejectedCommandException.class).hasMessageContaining("needs a follow-up date");
  }

  @Test
  void aDominatedCircleCrossesTheSpeakingThresholdAndReplayKeepsEverything() {
    coop.circles().recordMeeting(keeper, meeting(THURSDAY, List.of(new Turn(ANA, 0, 900), Turn.pass(BO, 900),
        new Turn(CY, 900, 930)), List.of()));
    assertThat(coop.health(clock.instant()).indicator("speaking-concentration").crossed()).isTrue();
    coop.checkpoint();
    assertThat(Collective.open(store, KEY, clock).state()).isEqualTo(coop.state());
  }
}
