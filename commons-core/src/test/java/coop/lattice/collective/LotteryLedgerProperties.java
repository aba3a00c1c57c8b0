package coop.lattice.collective;

import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.ExpiredException;
import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.TooEarlyException;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.merkle.Hash;
import coop.lattice.rotation.Lottery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 20, item 2: the last revealer cannot steer the lottery, and nobody can drop a member.
 * Every lottery here is played through a collective, commitment by commitment and reveal by
 * reveal, and its draw is checked against the ledger as an outsider would check it.
 */
class LotteryLedgerProperties {
  /** The longest offset into the reveal window (a day) a test reveal takes, in milliseconds. */
  static final long WINDOW = 86_399_000L;

  /**
   * A lottery: {@code n} members, {@code seats} drawn, who commits and who of them reveals,
   * two schedules of reveal times (offsets into the reveal window), and whether the agreements
   * allow a draw from the anchor alone.
   */
  record Case(int n, int seats, long seed, List<Boolean> commits, List<Boolean> reveals, List<Long> timesA,
      List<Long> timesB, boolean anchorOnly) {
    List<Integer> committers() {
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (commits.get(i)) {
          out.add(i);
        }
      }
      return out;
    }

    List<Integer> revealers() {
      return committers().stream().filter(reveals::get).toList();
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.integers().between(2, 7).flatMap(n -> Combinators.combine(
        Arbitraries.integers().between(1, n), Arbitraries.longs(), flags(n, 0.7), flags(n, 0.7), times(n), times(n),
        Arbitraries.of(true, false)).as((k, seed, commits, reveals, a, b, anchorOnly) ->
        new Case(n, k, seed, commits, reveals, a, b, anchorOnly)));
  }

  /** Each of {@code n} flags true with probability {@code p}. */
  static Arbitrary<List<Boolean>> flags(int n, double p) {
    return Arbitraries.doubles().between(0, 1).map(x -> x < p).list().ofSize(n);
  }

  static Arbitrary<List<Long>> times(int n) {
    return Arbitraries.longs().between(0, WINDOW).list().ofSize(n);
  }

  /** Plays {@code c} up to the end of its reveal window: reveals in order of {@code times}, at those offsets. */
  static LotteryPlay play(Case c, boolean anchorOnly, List<Long> times) {
    LotteryPlay p = new LotteryPlay(c.n(), c.seed(), anchorOnly);
    p.announce(c.seats());
    c.committers().forEach(p::commit);
    p.reachAnchor();
    List<Integer> order = new ArrayList<>(c.revealers());
    order.sort(Comparator.comparing(times::get));
    for (int i : order) {
      p.clock.at(max(p.commitBy().plusMillis(times.get(i)), p.clock.peek()));
      p.reveal(i);
    }
    return p;
  }

  static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * The draw, checked as an outsider checks it: re-derived from a copy of the entries and verified
   * against them and against the collective's own ledger.
   */
  static Lottery.Transcript drawAndCheck(LotteryPlay p) {
    Lottery.Transcript t = p.draw();
    List<Entry> copy = p.entries();
    Lottery.Transcript recorded = LotteryPlay.recorded(copy, p.lottery);
    assertThat(Lotteries.derive(copy, p.lottery)).isEqualTo(recorded);
    LotteryPlay.sameDraw(t, recorded);
    assertThat(p.coop.lotteries().verify(p.lottery, t)).isEmpty();
    return t;
  }

  /** As {@link #drawAndCheck}, and a replica folding the copy holds the same draw. */
  static Lottery.Transcript drawAndReplicate(LotteryPlay p) {
    Lottery.Transcript t = drawAndCheck(p);
    List<Entry> copy = p.entries();
    assertThat(Lotteries.verify(copy, p.lottery)).isEmpty();
    Replica replica = new Replica();
    copy.forEach(replica::apply);
    assertThat(replica.state().lotteries()).containsEntry(p.lottery, LotteryPlay.recorded(copy, p.lottery));
    return t;
  }

  @Property(tries = 1000, seed = "2020201", edgeCases = EdgeCasesMode.NONE)
  void anyChangeToWhenOrInWhichOrderRevealsArriveLeavesTheOutcomeUnchanged(@ForAll("cases") Case c) {
    Lottery.Transcript a = drawAndReplicate(play(c, true, c.timesA()));
    Lottery.Transcript b = drawAndReplicate(play(c, true, c.timesB()));
    assertThat(b.seed()).isEqualTo(a.seed());
    assertThat(b.drawn()).isEqualTo(a.drawn());
    assertThat(b.withheld()).isEqualTo(a.withheld());
    assertThat(b.anchorOnly()).isEqualTo(a.anchorOnly()).isEqualTo(c.revealers().isEmpty());
    assertThat(b.anchorRoot()).isEqualTo(a.anchorRoot());
    assertThat(b.reveals()).extracting(Lottery.Reveal::nonce).isEqualTo(a.reveals().stream().map(Lottery.Reveal::nonce)
        .toList());
  }

  @Property(tries = 1000, seed = "2020202", edgeCases = EdgeCasesMode.NONE)
  void droppingAMembersCommitmentOrRevealFailsVerificationAndCannotBeRecorded(@ForAll("cases") Case c,
      @ForAll @IntRange(min = 0, max = 6) int pick) {
    int x = pick % c.n();
    MemberId dropped = MemberId.of(String.format("m%02d", x));
    List<Boolean> commits = new ArrayList<>(c.commits());
    commits.set(x, true); // the member dropped committed; whether they revealed is the case's
    Case withThem = new Case(c.n(), c.seats(), c.seed(), commits, c.reveals(), c.timesA(), c.timesB(), true);
    LotteryPlay p = play(withThem, true, c.timesA());
    p.clock.at(p.revealBy().plusSeconds(1));
    Lottery.Transcript honest = p.derived();
    Lottery.Transcript withoutThem = Lottery.draw(p.announcement, without(honest.commitments(), dropped,
        Lottery.Commitment::member), without(honest.reveals(), dropped, Lottery.Reveal::member), honest.anchorRoot());
    assertThat(Lottery.verify(withoutThem)).isEmpty(); // consistent in itself: only the ledger shows what is missing
    rejected(p.coop, () -> p.coop.submit(p.members.get(0), new Event.LotteryClosed(p.lottery, withoutThem)),
        InvalidRotationException.class, "the ledger holds " + dropped + "'s commitment at entry");
    assertThat(p.coop.lotteries().verify(p.lottery, withoutThem)).anySatisfy(problem -> assertThat(problem)
        .contains(dropped + "'s commitment").contains("leaves out"));
    if (withThem.revealers().contains(x)) {
      Lottery.Transcript revealDropped = Lottery.draw(p.announcement, honest.commitments(),
          without(honest.reveals(), dropped, Lottery.Reveal::member), honest.anchorRoot());
      assertThat(revealDropped.withheld()).contains(dropped);
      rejected(p.coop, () -> p.coop.submit(p.members.get(0), new Event.LotteryClosed(p.lottery, revealDropped)),
          InvalidRotationException.class, "the ledger holds " + dropped + "'s reveal at entry");
    }
    Lottery.Transcript t = drawAndCheck(p);
    assertThat(t).isEqualTo(honest);
    assertThat(p.coop.lotteries().verify(p.lottery, withoutThem)).isNotEmpty();
  }

  static <T> List<T> without(List<T> items, MemberId member, Function<T, MemberId> of) {
    return items.stream().filter(i -> !of.apply(i).equals(member)).toList();
  }

  @Property(tries = 1000, seed = "2020203", edgeCases = EdgeCasesMode.NONE)
  void everySingleChangeToARecordedTranscriptIsCaughtAgainstTheLedger(@ForAll("cases") Case c,
      @ForAll @IntRange(min = 0, max = 11) int what) {
    LotteryPlay p = play(c, true, c.timesA());
    Lottery.Transcript t = drawAndCheck(p);
    // Each change, to the draw as the collective knows it and to the draw as its ledger records it.
    Lottery.Transcript changed = changed(t, what);
    if (changed != null && !changed.equals(t)) {
      assertThat(p.coop.lotteries().verify(p.lottery, changed)).as("change %s", what).isNotEmpty();
    }
    Lottery.Transcript recorded = p.recorded();
    Lottery.Transcript changedOnLedger = changed(recorded, what);
    if (changedOnLedger != null && !changedOnLedger.equals(recorded)) {
      assertThat(Lotteries.verify(p.entries(), p.lottery, changedOnLedger)).as("change %s", what).isNotEmpty();
    }
  }

  static Lottery.Transcript changed(Lottery.Transcript t, int what) {
    Lottery.Announcement a = t.announcement();
    UnaryOperator<String> flip = h -> (h.charAt(0) == '0' ? "1" : "0") + h.substring(1);
    return switch (what) {
      case 0 -> t.commitments().isEmpty() ? null : withCommitments(t, replaceFirst(t.commitments(),
          x -> new Lottery.Commitment(x.entry(), x.at().minusNanos(1), x.member(), x.hash())));
      case 1 -> t.commitments().isEmpty() ? null : withCommitments(t, replaceFirst(t.commitments(),
          x -> new Lottery.Commitment(x.entry() + 1, x.at(), x.member(), x.hash())));
      case 2 -> t.commitments().isEmpty() ? null : withCommitments(t, replaceFirst(t.commitments(),
          x -> new Lottery.Commitment(x.entry(), x.at(), x.member(), flip.apply(x.hash()))));
      case 3 -> t.reveals().isEmpty() ? null : withReveals(t, replaceFirst(t.reveals(),
          x -> new Lottery.Reveal(x.entry(), x.at().plusNanos(1), x.member(), x.nonce())));
      case 4 -> t.reveals().isEmpty() ? null : withReveals(t, replaceFirst(t.reveals(),
          x -> new Lottery.Reveal(x.entry() + 1, x.at(), x.member(), x.nonce())));
      case 5 -> t.reveals().isEmpty() ? null : withReveals(t, replaceFirst(t.reveals(),
          x -> new Lottery.Reveal(x.entry(), x.at(), x.member(), flip.apply(x.nonce()))));
      case 6 -> new Lottery.Transcript(a, t.commitments(), t.reveals(), Hash.sha256(t.anchorRoot().toByteArray()),
          t.withheld(), t.anchorOnly(), t.seed(), t.drawn());
      case 7 -> new Lottery.Transcript(a, t.commitments(), t.reveals(), t.anchorRoot(), List.of(MemberId.of("m00")),
          t.anchorOnly(), t.seed(), t.drawn());
      case 8 -> new Lottery.Transcript(a, t.commitments(), t.reveals(), t.anchorRoot(), t.withheld(), !t.anchorOnly(),
          t.seed(), t.drawn());
      case 9 -> new Lottery.Transcript(a, t.commitments(), t.reveals(), t.anchorRoot(), t.withheld(), t.anchorOnly(),
          Hash.sha256(t.seed().toByteArray()), t.drawn());
      case 10 -> {
        MemberId outsider = a.candidates().stream().filter(m -> !t.drawn().contains(m)).findFirst().orElse(null);
        if (outsider == null) {
          yield null; // everyone is drawn: no other result exists
        }
        List<MemberId> other = new ArrayList<>(t.drawn());
        other.set(0, outsider);
        yield new Lottery.Transcript(a, t.commitments(), t.reveals(), t.anchorRoot(), t.withheld(), t.anchorOnly(),
            t.seed(), other);
      }
      default -> new Lottery.Transcript(new Lottery.Announcement(a.purpose() + "!", a.candidates(), a.seats(),
          a.anchorHeight(), a.commitBy(), a.revealBy(), a.procedure()), t.commitments(), t.reveals(), t.anchorRoot(),
          t.withheld(), t.anchorOnly(), t.seed(), t.drawn());
    };
  }

  static <T> List<T> replaceFirst(List<T> list, UnaryOperator<T> f) {
    List<T> out = new ArrayList<>(list);
    out.set(0, f.apply(out.get(0)));
    return out;
  }

  static Lottery.Transcript withCommitments(Lottery.Transcript t, List<Lottery.Commitment> cs) {
    return new Lottery.Transcript(t.announcement(), cs, t.reveals(), t.anchorRoot(), t.withheld(), t.anchorOnly(),
        t.seed(), t.drawn());
  }

  static Lottery.Transcript withReveals(Lottery.Transcript t, List<Lottery.Reveal> rs) {
    return new Lottery.Transcript(t.announcement(), t.commitments(), rs, t.anchorRoot(), t.withheld(), t.anchorOnly(),
        t.seed(), t.drawn());
  }

  /**
   * The grinding test. An adversary controls one member's reveal: its value, its time (first or
   * last of all), or whether it appears at all (after trying it early, late, wrong and malformed,
   * each refused without a trace). Whatever it does, the recorded draw is either the one with its
   * nonce or the documented fallback without it (the others' nonces; with none, the anchor alone
   * if the agreements allow, else no draw), both fixed before it acts, and the transcript says
   * which: the adversary is listed as withheld exactly in the fallback.
   */
  @Property(tries = 1000, seed = "2020204", edgeCases = EdgeCasesMode.NONE)
  void anAdversaryControllingOneRevealChoosesAtMostBetweenWithItAndTheFallback(@ForAll("cases") Case c,
      @ForAll @IntRange(min = 0, max = 6) int pick) {
    int z = pick % c.n();
    MemberId adversary = MemberId.of(String.format("m%02d", z));
    List<Boolean> commits = new ArrayList<>(c.commits());
    commits.set(z, true);
    List<Boolean> reveals = new ArrayList<>(c.reveals());
    reveals.set(z, false); // the others' reveals; the adversary's is played below
    Case others = new Case(c.n(), c.seats(), c.seed(), commits, reveals, c.timesA(), c.timesB(), c.anchorOnly());
    List<Integer> committed = others.committers();
    List<Integer> withIt = new ArrayList<>(others.revealers());
    withIt.add(z);

    // First of all reveals, and last of all: the same outcome, the one with its nonce.
    for (long offset : new long[] {0, WINDOW + 900}) {
      List<Long> times = new ArrayList<>(c.timesA());
      times.set(z, offset);
      List<Boolean> all = new ArrayList<>(reveals);
      all.set(z, true);
      LotteryPlay p = play(new Case(c.n(), c.seats(), c.seed(), commits, all, times, times, c.anchorOnly()),
          c.anchorOnly(), times);
      Lottery.Transcript with = p.expected(committed, withIt);
      Lottery.Transcript t = drawAndCheck(p);
      assertThat(t.seed()).isEqualTo(with.seed());
      assertThat(t.drawn()).isEqualTo(with.drawn());
      assertThat(t.withheld()).doesNotContain(adversary);
      assertThat(t.anchorOnly()).isFalse();
    }

    // Every other try is refused and leaves nothing; what remains is not revealing: the fallback.
    LotteryPlay p = new LotteryPlay(c.n(), c.seed(), c.anchorOnly());
    p.announce(c.seats());
    committed.forEach(p::commit);
    p.reachAnchor();
    rejected(p.coop, () -> p.reveal(z), TooEarlyException.class, "open when commitments close");
    List<Integer> order = new ArrayList<>(others.revealers());
    order.sort(Comparator.comparing(c.timesA()::get));
    for (int i : order) {
      p.clock.at(max(p.commitBy().plusMillis(c.timesA().get(i)), p.clock.peek()));
      p.reveal(i);
    }
    p.clock.at(max(p.commitBy().plusMillis(WINDOW + 100), p.clock.peek())); // last of all, in the window
    String someOtherNonce = p.nonce(z + 100);
    rejected(p.coop, () -> p.coop.lotteries().reveal(adversary, p.lottery, someOtherNonce),
        InvalidRotationException.class, "does not match " + adversary + "'s commitment");
    rejected(p.coop, () -> p.coop.lotteries().reveal(adversary, p.lottery, "ab"), InvalidRotationException.class,
        "exactly 32 random bytes");
    String shouted = p.nonce(z).toUpperCase(Locale.ROOT);
    if (!shouted.equals(p.nonce(z))) {
      rejected(p.coop, () -> p.coop.lotteries().reveal(adversary, p.lottery, shouted), InvalidRotationException.class,
          "uppercase");
    }
    p.clock.at(p.revealBy());
    rejected(p.coop, () -> p.reveal(z), ExpiredException.class, adversary + " is listed as withheld");
    Lottery.Transcript with = p.expected(committed, withIt);
    if (others.revealers().isEmpty() && !c.anchorOnly()) {
      Statistics.label("fallback").collect("no draw (lottery-anchor-only = refuse)");
      p.clock.at(p.revealBy().plusSeconds(60));
      rejected(p.coop, () -> p.coop.lotteries().draw(p.members.get(0), p.lottery), InvalidRotationException.class,
          "lottery-anchor-only is refuse");
      return; // the fallback: no draw at all, and the lottery announced again
    }
    Lottery.Transcript without = p.expected(committed, others.revealers());
    Statistics.label("fallback").collect(others.revealers().isEmpty() ? "the anchor alone" : "the others' nonces");
    Statistics.label("choice").collect(with.drawn().equals(without.drawn()) ? "the same draw either way"
        : "two different draws");
    Lottery.Transcript t = drawAndCheck(p);
    assertThat(t.seed()).isEqualTo(without.seed());
    assertThat(t.drawn()).isEqualTo(without.drawn());
    assertThat(t.withheld()).contains(adversary);
    assertThat(t.anchorOnly()).isEqualTo(others.revealers().isEmpty());
  }
}
