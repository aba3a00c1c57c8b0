package coop.lattice.collective;

import coop.lattice.ledger.CollectiveSecret;

import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.ledger.Appearance;
import coop.lattice.privacy.Pseudonyms;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.Entry;
import coop.lattice.rotation.Lottery;
import coop.lattice.store.LedgerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * One lottery played through a collective, step by step, on a clock the test sets: the members
 * {@code m00 ..}, who commit, who reveal and when. Each member's nonce follows from a seed, so two
 * plays with the same seed differ only in what the test changes.
 */
final class LotteryPlay {
  static final Instant START = Instant.parse("2027-03-01T09:00:00Z");

  /** A clock that moves on a millisecond at each reading and jumps where the test says. */
  static final class TestClock extends Clock {
    private Instant next = START;

    @Override
    public synchronized Instant instant() {
      Instant now = next;
      next = next.plusMillis(1);
      return now;
    }

    /** The next reading will be {@code t}. */
    synchronized void at(Instant t) {
      next = t;
    }

    synchronized Instant peek() {
      return next;
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

  final TestClock clock = new TestClock();
  final Collective coop;
  final List<MemberId> members = new ArrayList<>();
  private final long seed;
  long lottery = -1;
  Lottery.Announcement announcement;

  /** {@code n} members; the agreements allow a draw from the anchor alone if {@code anchorOnly}. */
  LotteryPlay(int n, long seed, boolean anchorOnly) {
    this.seed = seed;
    for (int i = 0; i < n; i++) {
      members.add(MemberId.of(String.format("m%02d", i)));
    }
    coop = Collective.found(CollectiveId.of("lottery-play"), "Lottery play", members.get(0), Appearance.byName("M0"),
        LedgerStore.inMemory(), KEY, clock);
    for (int i = 1; i < n; i++) {
      coop.admit(members.get(0), members.get(i), Appearance.byName("M" + i));
    }
    if (anchorOnly) {
      allowAnchorOnly();
    }
  }

  void allowAnchorOnly() {
    AgreementTerms terms = AgreementTerms.builder(AgreementId.of("lotteries"), "Lotteries").text("Draw anyway.")
        .scope("lotteries").reviewOn(LocalDate.of(2028, 12, 1)).rule(DecisionRule.consent(Duration.ofDays(7)))
        .set(Parameter.LOTTERY_ANCHOR_ONLY.name(), "allow").build();
    long p = coop.agreements().propose(members.get(0), terms, "");
    for (MemberId m : members.subList(1, members.size())) {
      coop.agreements().respond(m, p, Response.CONSENT, "");
    }
    clock.at(clock.peek().plus(Duration.ofDays(8)));
    coop.agreements().decide(members.get(0), p, "adopted");
  }

  Instant commitBy() {
    return announcement.commitBy();
  }

  Instant revealBy() {
    return announcement.revealBy();
  }

  /** Announces a draw of {@code seats} of every member, commitments open a day, reveals a day after. */
  long announce(int seats) {
    Instant now = clock.peek();
    announcement = Lottery.Announcement.of("keeper", members, seats, coop.ledger().size() + 2,
        now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)));
    lottery = coop.lotteries().announce(members.get(0), announcement);
    return lottery;
  }

  String nonce(int member) {
    Random r = new Random(seed * 1_000_003L + member);
    byte[] b = new byte[Lottery.NONCE_BYTES];
    r.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  Entry commit(int member) {
    return coop.lotteries().commit(members.get(member), lottery, Lottery.commitmentOf(nonce(member)));
  }

  /** Adds entries (appearance changes) until the ledger has reached the anchor height. */
  void reachAnchor() {
    while (coop.ledger().size() < announcement.anchorHeight()) {
      coop.changeAppearance(members.get(0), Appearance.byName("M0 " + coop.ledger().size()));
    }
  }

  /** The clock to {@code millis} after commitments close (within the reveal window for less than a day). */
  void afterCommitBy(long millis) {
    clock.at(commitBy().plusMillis(millis));
  }

  Entry reveal(int member) {
    return coop.lotteries().reveal(members.get(member), lottery, nonce(member));
  }

  Lottery.Transcript draw() {
    clock.at(revealBy().plusSeconds(60));
    return coop.lotteries().draw(members.get(0), lottery);
  }

  /** The transcript the lottery's entries give, as the collective derives it: members by the app's ids. */
  Lottery.Transcript derived() {
    return coop.read(f -> f.lotteries.derive(lottery, coop::anchorRoot));
  }

  /** The draw this ledger records, as it records it: members by their handles. */
  Lottery.Transcript recorded() {
    return recorded(entries(), lottery);
  }

  static Lottery.Transcript recorded(List<Entry> ledger, long lottery) {
    return ledger.stream().map(Entry::event).filter(e -> e instanceof Event.LotteryClosed c && c.lottery() == lottery)
        .map(e -> ((Event.LotteryClosed) e).transcript()).findFirst().orElseThrow();
  }

  /** What the collective draws, as its ledger names it: the same seed, anchor and places, members by their handles. */
  static void sameDraw(Lottery.Transcript collective, Lottery.Transcript onLedger) {
    Pseudonyms names = Pseudonyms.of(CollectiveSecret.of(KEY));
    assertThat(onLedger.seed()).isEqualTo(collective.seed());
    assertThat(onLedger.anchorRoot()).isEqualTo(collective.anchorRoot());
    assertThat(onLedger.drawn()).isEqualTo(collective.drawn().stream().map(names::handle).toList());
    assertThat(onLedger.withheld()).isEqualTo(collective.withheld().stream().map(names::handle).toList());
  }

  /** The ledger, as the open ledger holds it (what an outsider has). */
  List<Entry> entries() {
    return coop.ledger().entries(0, coop.ledger().size());
  }

  /** The draw from the anchor and the nonces of {@code revealed}, for every member in {@code committed}. */
  Lottery.Transcript expected(List<Integer> committed, List<Integer> revealed) {
    List<Lottery.Commitment> cs = new ArrayList<>();
    List<Lottery.Reveal> rs = new ArrayList<>();
    for (int i : committed) {
      cs.add(new Lottery.Commitment(100 + i, commitBy().minusSeconds(1), members.get(i),
          Lottery.commitmentOf(nonce(i))));
    }
    for (int i : revealed) {
      rs.add(new Lottery.Reveal(1000 + i, commitBy(), members.get(i), nonce(i)));
    }
    return Lottery.draw(announcement, cs, rs, coop.anchorRoot(announcement.anchorHeight()).orElseThrow());
  }
}
