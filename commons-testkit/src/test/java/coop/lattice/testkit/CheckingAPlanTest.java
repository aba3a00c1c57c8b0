package coop.lattice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Parameter;
import coop.lattice.collective.Collective;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.PlanRequest;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.RotationPolicy;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Example;

/**
 * A user checks a plan their collective made (issue 20, item 9): the request the collective plans
 * is theirs to keep and hand to {@code FairnessChecks}, and the planning order that defines who
 * could hold a role after exclusivity is public.
 */
class CheckingAPlanTest {
  static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

  @Example
  void theRequestACollectivePlansCanBeCheckedWithTheTestkit() {
    SteppingClock clock = SteppingClock.startingAt("2027-01-10T18:00:00Z", Duration.ofMinutes(1));
    MemberId ana = MemberId.of("ana");
    Collective coop = Collective.found(CollectiveId.of("fixit-cafe"), "Fixit Repair Café", ana,
        Appearance.byName("Ana"), LedgerStore.inMemory(), CollectiveKey.generate(), clock);
    for (String name : List.of("bo", "cy", "di", "ed")) {
      coop.admit(ana, MemberId.of(name), Appearance.byName(name));
    }
    // The collective agrees on a one-meeting newcomer guarantee: the request carries it.
    long p = coop.agreements().propose(ana, AgreementTerms.builder(AgreementId.of("newcomers"), "Newcomers")
        .text("A newcomer holds a real role at their first meeting.").scope("rotations")
        .reviewOn(LocalDate.of(2027, 12, 1)).rule(DecisionRule.consent(Duration.ofHours(1)))
        .set(Parameter.NEWCOMER_GUARANTEE_CYCLES, 1).build(), "for the spring");
    clock.advance(Duration.ofHours(2));
    coop.agreements().decide(ana, p, "adopted");

    List<Participant> roster = coop.rotations().roster().stream().map(m -> m.member().value().equals("ed")
        ? Participant.of(m.member(), MONDAY.plusWeeks(2)) : m).toList();
    List<Role> roles = List.of(Role.of(RoleId.of("facilitation"), "Facilitation", Cadence.weekly(MONDAY)),
        Role.of(RoleId.of("notes"), "Notes", Cadence.weekly(MONDAY)).exclusiveWith(RoleId.of("facilitation")),
        Role.of(RoleId.of("kitchen"), "Kitchen", Cadence.weekly(MONDAY)).seats(3).chore());
    PlanRequest request = coop.rotations().request(roster, roles, MONDAY, MONDAY.plusWeeks(8));
    assertThat(request.newcomerCycles()).isEqualTo(1);

    Plan plan = coop.rotations().plan(RotationPolicy.fair(20270301L), request);
    assertThat(plan).isEqualTo(coop.rotations().plan(RotationPolicy.fair(20270301L), roster, roles, MONDAY,
        MONDAY.plusWeeks(8)));
    assertThat(FairnessChecks.all(request, plan)).isEmpty();
    assertThat(plan.slotsOf(MemberId.of("ed"))).anySatisfy(s -> assertThat(s.date()).isEqualTo(MONDAY.plusWeeks(2)));
  }

  @Example
  void thePlanningOrderIsRealRolesBeforeChoresThenById() {
    Role dishes = Role.of(RoleId.of("dishes"), "Dishes", Cadence.weekly(MONDAY)).chore();
    Role bins = Role.of(RoleId.of("bins"), "Bins", Cadence.weekly(MONDAY)).chore();
    Role notes = Role.of(RoleId.of("notes"), "Notes", Cadence.weekly(MONDAY));
    Role facilitation = Role.of(RoleId.of("facilitation"), "Facilitation", Cadence.weekly(MONDAY));
    assertThat(FairnessChecks.planningOrder(List.of(dishes, bins, notes, facilitation)))
        .containsExactly(facilitation, notes, bins, dishes);
  }
}
