package coop.lattice.examples.readme;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
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
import coop.lattice.rotation.Slot;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** The README's responsibility map snippet: a fair plan, published, and a swap both members agree to. */
final class Rotation {
  private Rotation() {}

  // snippet:start rotation
  static Collective planTheRoles() {
    SteppingClock clock = SteppingClock.startingAt("2027-02-15T18:00:00Z", Duration.ofMinutes(1));
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    MemberId cy = MemberId.of("cy");
    Collective coop = Collective.found(CollectiveId.of("fixit-cafe"), "Fixit Repair Café", ana,
        Appearance.byName("Ana"), LedgerStore.inMemory(), CollectiveKey.generate(), clock);
    coop.admit(ana, bo, Appearance.byName("Bo"));
    coop.admit(ana, cy, Appearance.byName("Cy"));

    LocalDate firstMeeting = LocalDate.of(2027, 3, 1);
    List<Participant> roster = List.of(
        Participant.of(ana, LocalDate.of(2027, 2, 15)).tags("first-aid"),
        Participant.of(bo, LocalDate.of(2027, 2, 15)).capacity("0.5").away(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 14)),
        Participant.of(cy, LocalDate.of(2027, 2, 15)));
    RoleId facilitation = RoleId.of("facilitation");
    List<Role> roles = List.of(
        Role.of(facilitation, "Facilitation", Cadence.weekly(firstMeeting)),
        Role.of(RoleId.of("notes"), "Notes", Cadence.weekly(firstMeeting)).exclusiveWith(facilitation),
        Role.of(RoleId.of("dishes"), "Dishes", Cadence.weekly(firstMeeting)).chore());
    long seed = 20270301L;   // published before the draw: anyone can re-derive the plan
    PlanRequest request = coop.rotations().request(roster, roles, firstMeeting, firstMeeting.plusWeeks(8));
    Plan plan = coop.rotations().plan(RotationPolicy.fair(seed), request);   // FairnessChecks.all(request, plan) checks it
    coop.rotations().publish(ana, plan);

    Slot slot = plan.slotsOf(ana).stream().filter(s -> s.role().equals(facilitation)).findFirst().orElseThrow();
    Slot slotBoHolds = plan.slotsOf(bo).stream().filter(s -> s.role().equals(facilitation)).findFirst().orElseThrow();
    long swap = coop.rotations().proposeHandOver(ana, slot, bo, slotBoHolds, "my sister's wedding");
    coop.rotations().acceptHandOver(bo, swap);   // nothing changes until the other member agrees
    System.out.println(slot + " now goes to " + coop.rotations().current().orElseThrow().at(slot).orElseThrow().member());
    return coop;
  }
  // snippet:end
}
