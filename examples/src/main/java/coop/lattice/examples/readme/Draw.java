package coop.lattice.examples.readme;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.collective.Lotteries;
import coop.lattice.collective.LotteryReceipt;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Entry;
import coop.lattice.rotation.Lottery;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The README's lottery snippet: commitments and reveals as entries, the draw derived from them and checked. */
final class Draw {
  private Draw() {}

  // snippet:start lottery
  static Lottery.Transcript drawTheKeeper() {
    SteppingClock clock = SteppingClock.startingAt("2027-03-01T18:00:00Z", Duration.ofMinutes(1));
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    MemberId cy = MemberId.of("cy");
    CollectiveKey key = CollectiveKey.generate();
    Collective coop = Collective.found(CollectiveId.of("fixit-cafe"), "Fixit Repair Café", ana,
        Appearance.byName("Ana"), LedgerStore.inMemory(), key, clock);
    coop.admit(ana, bo, Appearance.byName("Bo"));
    coop.admit(ana, cy, Appearance.byName("Cy"));

    Instant commitBy = Instant.parse("2027-03-02T18:00:00Z");
    long lottery = coop.lotteries().announce(ana, Lottery.Announcement.of("circle keeper, spring",
        List.of(ana, bo, cy), 1, coop.ledger().size() + 3, commitBy, commitBy.plus(Duration.ofDays(1))));
    Map<MemberId, String[]> secrets = new HashMap<>();
    for (MemberId m : List.of(ana, bo, cy)) {   // each on their own device: {nonce, commitment}
      secrets.put(m, Lottery.nonceAndCommitment(new SecureRandom()));
      coop.lotteries().commit(m, lottery, secrets.get(m)[1]);
    }
    LotteryReceipt receipt = coop.lotteries().receipt(bo, lottery);   // bo's proof the commitment is in
    clock.advance(Duration.ofDays(1));           // commitments have closed: reveals are open
    coop.lotteries().reveal(ana, lottery, secrets.get(ana)[0]);
    coop.lotteries().reveal(bo, lottery, secrets.get(bo)[0]);   // cy withholds: listed, and the draw goes on
    clock.advance(Duration.ofDays(1));           // reveals have closed
    Lottery.Transcript drawn = coop.lotteries().draw(cy, lottery);

    List<Entry> copy = coop.ledger().entries(0, coop.ledger().size());   // what an outsider holds
    System.out.println("withheld " + drawn.withheld() + "; the copy re-derives the draw: "
        + Lotteries.verify(copy, lottery).isEmpty() + "; bo's receipt holds: "
        + receipt.shows(key.verificationKey(), lottery, secrets.get(bo)[1]));
    return drawn;
  }
  // snippet:end
}
