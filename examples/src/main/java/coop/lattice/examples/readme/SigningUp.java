package coop.lattice.examples.readme;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.RoleId;
import coop.lattice.signup.Activity;
import coop.lattice.signup.Availability;
import coop.lattice.signup.Occurrence;
import coop.lattice.signup.PlannedSlot;
import coop.lattice.signup.SignupTerms;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The README's sign-up snippet: two Saturdays of pickups, two members choose, the rotation fills the rest. */
final class SigningUp {
  private SigningUp() {}

  // snippet:start signups
  static List<PlannedSlot> signUpThenRotate() {
    SteppingClock clock = SteppingClock.startingAt("2027-03-01T09:00:00Z", Duration.ofMinutes(1));
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    MemberId cy = MemberId.of("cy");
    MemberId dee = MemberId.of("dee");
    Collective coop = Collective.found(CollectiveId.of("food-coop"), "Riverside Food Co-op", ana,
        Appearance.byName("Ana"), LedgerStore.inMemory(), CollectiveKey.generate(), clock);
    coop.admit(ana, bo, Appearance.byName("Bo"));
    coop.admit(ana, cy, Appearance.byName("Cy"));
    coop.admit(ana, dee, Appearance.onlyInAggregates());

    RoleId pickup = RoleId.of("pickup");
    long round = coop.signups().open(ana, new SignupTerms("March pickups", List.of(
        Activity.of("pickup", "Saturday pickup", Cadence.weekly(LocalDate.of(2027, 3, 13))).seats(2)),
        LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 22),            // two Saturdays, two people each
        Instant.parse("2027-03-05T18:00:00Z"), 20270308L));              // the window closes; the seed
    coop.signups().state(dee, round, Availability.ANY_TIME.ratherNot(DayOfWeek.SATURDAY));   // a wish
    coop.signups().take(ana, round, new Occurrence(pickup, LocalDate.of(2027, 3, 13)));
    coop.signups().take(bo, round, new Occurrence(pickup, LocalDate.of(2027, 3, 13)));
    clock.advance(Duration.ofDays(5));                    // the window has closed
    coop.signups().close(cy, round);                      // the rotation fills what nobody chose

    List<PlannedSlot> plan = coop.signups().plan(round);
    for (PlannedSlot s : plan) {
      System.out.println(s.slot().date() + " " + s.member() + " " + s.how());
    }
    return plan;
  }
  // snippet:end
}
