package coop.lattice.examples.readme;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.collective.Polls;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Entry;
import coop.lattice.poll.Ballot;
import coop.lattice.poll.PollMethod;
import coop.lattice.poll.PollTerms;
import coop.lattice.poll.Tally;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The README's poll snippet: a secret Schulze poll, counted by the collective and checked from a copy of the ledger. */
final class Deciding {
  private Deciding() {}

  // snippet:start poll
  static Tally chooseWhereTheFairIs() {
    SteppingClock clock = SteppingClock.startingAt("2027-03-01T18:00:00Z", Duration.ofMinutes(1));
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    MemberId cy = MemberId.of("cy");
    Collective coop = Collective.found(CollectiveId.of("fixit-cafe"), "Fixit Repair Café", ana,
        Appearance.byName("Ana"), LedgerStore.inMemory(), CollectiveKey.generate(), clock);
    coop.admit(ana, bo, Appearance.byName("Bo"));
    coop.admit(ana, cy, Appearance.onlyInAggregates());

    long poll = coop.polls().open(ana, PollTerms.builder("Where is the spring fair?", PollMethod.SCHULZE,
        List.of("park", "hall", "school"), Instant.parse("2027-03-04T18:00:00Z"), 20270304L)   // the seed, published
        .secret().build());                               // ballots stay off the ledger, encrypted beside it
    coop.polls().vote(ana, poll, Ballot.ranking(List.of("park", "hall")));
    coop.polls().vote(bo, poll, Ballot.ranking(List.of("hall", "school", "park")));
    coop.polls().vote(cy, poll, Ballot.ranking(List.of("school", "hall")));
    clock.advance(Duration.ofDays(3));                    // voting has closed
    Tally tally = coop.polls().close(bo, poll);           // the collective counts and records the tally

    List<Entry> copy = coop.ledger().entries(0, coop.ledger().size());   // what a partner's mirror holds
    System.out.println(tally.order() + "; the copy checks out: " + Polls.verify(copy, poll).isEmpty());
    return tally;
  }
  // snippet:end
}
