package coop.lattice.examples;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.agreement.AcknowledgementRule;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.circle.CircleId;
import coop.lattice.circle.CircleOutcome;
import coop.lattice.circle.Tension;
import coop.lattice.circle.Turn;
import coop.lattice.collective.AgendaItem;
import coop.lattice.collective.Collective;
import coop.lattice.health.Indicator;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Event;
import coop.lattice.metrics.SovereigntyMetrics;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.RotationPolicy;
import coop.lattice.rotation.Slot;
import coop.lattice.store.LedgerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A season in a childcare co-op, on a deterministic clock: the collective adopts an agreement by
 * consent, plans its responsibility map fairly, swaps a turn, holds a restorative circle, and
 * then reads its agenda, its health report and the needs it met for itself.
 *
 * <p>{@code mvn -q -pl examples -am package exec:java -DskipTests
 * -Dexec.mainClass=coop.lattice.examples.SeasonTour}
 */
public final class SeasonTour {
  private SeasonTour() {}

  public static void main(String[] args) {
    run(new MovableClock(Instant.parse("2027-02-01T18:00:00Z")));
  }

  /** Runs the season and returns the collective, so that a test can check it. */
  static Collective run(MovableClock clock) {
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    MemberId cy = MemberId.of("cy");
    MemberId dee = MemberId.of("dee");
    Collective coop = Collective.found(CollectiveId.of("sunflower-childcare"), "Sunflower Childcare Co-op", ana,
        Appearance.byName("Ana"), LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), clock);
    coop.admit(ana, bo, Appearance.byName("Bo"));
    coop.admit(ana, cy, Appearance.pseudonym("cy-from-3b"));
    say("Founded " + coop.name() + " with " + coop.members().size() + " members.");

    // An agreement, by consent: any member may acknowledge care given to another member's child.
    AgreementTerms terms = AgreementTerms.builder(AgreementId.of("acknowledgements"), "Who confirms care")
        .text("Any member who saw the care given may confirm it.").scope("care hours")
        .reviewOn(LocalDate.of(2027, 9, 1)).rule(DecisionRule.consent(Duration.ofDays(7)))
        .set(Parameter.ACKNOWLEDGED_BY, AcknowledgementRule.ANY_OTHER_MEMBER).build();
    long proposal = coop.agreements().propose(ana, terms, "as discussed at the February meeting");
    coop.agreements().respond(bo, proposal, Response.CONSENT, "");
    coop.agreements().respond(cy, proposal, Response.CONCERN, "let us see how it goes");
    clock.advance(Duration.ofDays(8));
    coop.agreements().decide(ana, proposal, "adopted; cy's concern noted for the review");
    say("Adopted \"" + terms.title() + "\": acknowledged-by = "
        + Parameter.ACKNOWLEDGED_BY.format(coop.agreements().parameters().get(Parameter.ACKNOWLEDGED_BY)));

    // Care given and confirmed.
    long care = coop.record(Contribution.toMember(bo, ana, ContributionKind.CARE, Quantity.hours("3"))
        .servedFor("Tuesday pick-up"));
    coop.acknowledge(cy, care);
    coop.admit(ana, dee, Appearance.byName("Dee"));

    // The responsibility map: facilitation and notes rotate; Dee is new and gets a real role early.
    LocalDate monday = LocalDate.of(2027, 3, 1);
    List<Participant> roster = coop.rotations().roster().stream()
        .map(p -> p.member().equals(bo) ? p.capacity("0.5") : p)                                  // Bo works nights
        .map(p -> p.member().equals(cy) ? p.away(monday.plusWeeks(2), monday.plusWeeks(3)) : p)  // Cy is away
        .toList();
    List<Role> roles = List.of(
        Role.of(RoleId.of("facilitation"), "Facilitation", Cadence.weekly(monday)),
        Role.of(RoleId.of("notes"), "Notes", Cadence.weekly(monday)).exclusiveWith(RoleId.of("facilitation")),
        Role.of(RoleId.of("tidying"), "Tidying up", Cadence.weekly(monday)).chore());
    Plan plan = coop.rotations().plan(RotationPolicy.fair(20270301L), roster, roles, monday, monday.plusWeeks(8));
    coop.rotations().publish(ana, plan);
    say("Published the map: " + plan.assignments().size() + " slots, " + plan.unfilled().size() + " unfilled.");
    plan.assignments().stream().limit(3).forEach(a -> say("  " + a.slot() + ": " + a.member() + " (" + a.reason() + ")"));

    // A swap, agreed by both.
    Slot first = new Slot(monday, RoleId.of("facilitation"), 1);
    MemberId holder = plan.at(first).orElseThrow().member();
    MemberId other = plan.slotsOf(ana).contains(new Slot(monday.plusWeeks(1), RoleId.of("facilitation"), 1)) ? ana
        : plan.at(new Slot(monday.plusWeeks(1), RoleId.of("facilitation"), 1)).orElseThrow().member();
    if (!holder.equals(other)) {
      long swap = coop.rotations().proposeHandOver(holder, first, other,
          new Slot(monday.plusWeeks(1), RoleId.of("facilitation"), 1), "a family visit");
      coop.rotations().acceptHandOver(other, swap);
      say("Swapped the first two facilitation turns: "
          + coop.rotations().current().orElseThrow().at(first).orElseThrow().reason());
    }

    // A restorative circle, kept by whoever facilitates that day.
    CircleId circle = CircleId.of("care-circle");
    coop.circles().form(ana, circle, "Care circle", RoleId.of("facilitation"));
    coop.circles().raiseTension(bo, circle, new Tension("pick-ups keep running late", List.of(cy),
        Tension.Visibility.PUBLIC_SUMMARY, "late pick-ups"));
    LocalDate meetingDay = monday.plusWeeks(1);
    clock.advance(Duration.between(clock.instant(), meetingDay.atTime(20, 0).toInstant(ZoneOffset.UTC)));
    MemberId keeper = coop.rotations().current().orElseThrow().at(new Slot(meetingDay, RoleId.of("facilitation"), 1))
        .orElseThrow().member();
    long meeting = coop.circles().recordMeeting(keeper, new Event.CircleMeetingHeld(circle, meetingDay,
        List.of(ana, bo, cy, dee), 240, List.of(new Turn(bo, 1, 0, 200), new Turn(cy, 1, 200, 380),
            Turn.pass(dee, 380), new Turn(ana, 1, 380, 500), new Turn(dee, 2, 510, 600)),
        List.of(CircleOutcome.resolvedInternally("a pick-up rota with a call ahead"))));
    say("Circle meeting: speaking time Gini " + String.format(java.util.Locale.ROOT, "%.2f",
        coop.circles().speakingReport(meeting).orElseThrow().gini()) + " (0 is even).");

    // What the meeting after should take up, the collective's health, and what it did for itself.
    clock.advance(Duration.ofDays(14));
    Instant now = clock.instant();
    say("Agenda for " + now + ":");
    for (AgendaItem item : coop.agenda(now)) {
      say("  [" + item.kind() + "] " + item.detail());
    }
    List<Indicator> crossed = coop.health(now).crossed();
    say("Health warnings: " + (crossed.isEmpty() ? "none" : crossed.stream().map(Indicator::name).toList()));
    SovereigntyMetrics metrics = SovereigntyMetrics.compute(coop.ledger().entries(0, coop.ledger().size()),
        ZoneOffset.UTC);
    say("Met for ourselves in February 2027: " + metrics.report(YearMonth.of(2027, 2)).met());
    say("Gained in March 2027: " + metrics.report(YearMonth.of(2027, 3)).gained());
    say("Ledger: " + coop.ledger().size() + " entries, root " + coop.ledger().root());
    return coop;
  }

  private static void say(String line) {
    System.out.println(line);
  }

  /** A clock the tour moves forward by hand, so every run gives the same ledger. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      now = now.plusSeconds(60);
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
