package coop.lattice.examples.readme;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.LocalDate;

/** The README's time bank snippet: hours move once the other side confirms them. */
final class TimeBank {
  private TimeBank() {}

  // snippet:start timebank
  static Collective giveTwoHours() {
    SteppingClock clock = SteppingClock.startingAt("2027-03-01T09:00:00Z", Duration.ofMinutes(1));
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    Collective coop = Collective.found(CollectiveId.of("little-hands"), "Little Hands Childcare Co-op", ana,
        Appearance.byName("Ana"), LedgerStore.inMemory(), CollectiveKey.generate(), clock);
    coop.admit(ana, bo, Appearance.byName("Bo"));

    long t = coop.timeBank().record(bo, bo, ana, Quantity.hours("2"), LocalDate.now(clock), "childcare");
    coop.timeBank().confirm(ana, t);                  // bo +2, ana -2, within the limits in force
    System.out.println(coop.timeBank().balance(bo).total() + " / " + coop.timeBank().balance(ana).total());  // 2 / -2
    return coop;
  }
  // snippet:end
}
