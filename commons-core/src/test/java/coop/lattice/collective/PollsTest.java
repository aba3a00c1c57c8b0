package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.DEE;
import static coop.lattice.collective.People.KEY;
import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidPollException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.PrivateDataException;
import coop.lattice.TooEarlyException;
import coop.lattice.UnknownMemberException;
import coop.lattice.agreement.Parameter;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.PollEvents;
import coop.lattice.merkle.Hash;
import coop.lattice.poll.Ballot;
import coop.lattice.poll.Counting;
import coop.lattice.poll.Mark;
import coop.lattice.poll.PollMethod;
import coop.lattice.poll.PollTerms;
import coop.lattice.poll.SealedBallot;
import coop.lattice.poll.Tally;
import coop.lattice.privacy.Pseudonyms;
import coop.lattice.store.FileJournal;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 3: polls go through the ledger and the fold like every command, under the
 * agreements in force; open ballots are on the ledger, secret ones kept encrypted beside it with a
 * salted commitment on it; bad ballots change nothing; a reopened journal gives the same polls and
 * tallies; a mirror checks what docs/deciding.md says it can.
 */
class PollsTest {
  static final List<String> PLACES = List.of("park", "hall", "school");
  final SteppingClock clock = SteppingClock.startingAt("2027-03-01T09:00:00Z", Duration.ofMinutes(1));
  @TempDir Path dir;

  Collective found(LedgerStore store) {
    return People.fixitCafe(store, clock);
  }

  /** Moves the clock on to just after {@code t}. */
  void advanceTo(Instant t) {
    Duration d = Duration.between(clock.instant(), t);
    if (!d.isNegative()) {
      clock.advance(d);
    }
  }

  Instant inTwoDays() {
    return clock.instant().plus(Duration.ofDays(2));
  }

  PollTerms.Builder terms(PollMethod method) {
    List<String> options = method == PollMethod.TIME_POLL
        ? List.of("2027-03-04T18:00:00Z", "2027-03-05T18:00:00Z", "2027-03-06T10:00:00Z") : PLACES;
    return PollTerms.builder("Where is the spring fair?", method, options, inTwoDays(), 20270310L);
  }

  /** One ballot for each of ana, bo, cy and dee, in a poll of {@code method}. */
  static List<Ballot> ballots(PollMethod method, List<String> o) {
    return switch (method) {
      case DOT_VOTE -> List.of(Ballot.dots(Map.of(o.get(0), 2, o.get(1), 1)), Ballot.dots(Map.of(o.get(1), 3)),
          Ballot.dots(Map.of(o.get(2), 1)), Ballot.abstain());
      case SCORE_VOTE -> List.of(Ballot.scores(Map.of(o.get(0), 5, o.get(1), 1)), Ballot.scores(Map.of(o.get(1), 4)),
          Ballot.scores(Map.of(o.get(2), 3, o.get(0), 2)), Ballot.scores(Map.of(o.get(1), 0)));
      case TIME_POLL -> List.of(Ballot.times(Map.of(o.get(0), Ballot.Availability.YES)),
          Ballot.times(Map.of(o.get(0), Ballot.Availability.IF_NEED_BE, o.get(1), Ballot.Availability.YES)),
          Ballot.times(Map.of(o.get(1), Ballot.Availability.YES)), Ballot.times(Map.of(o.get(2), Ballot.Availability.YES)));
      case INSTANT_RUNOFF, SCHULZE -> List.of(Ballot.ranking(List.of(o.get(0), o.get(1))),
          Ballot.ranking(List.of(o.get(1), o.get(2), o.get(0))), Ballot.ranking(List.of(o.get(2), o.get(1))),
          Ballot.ranking(List.of(o.get(1))));
    };
  }

  /** Opens a poll, has every member vote, closes it after its closing time; returns the poll's entry. */
  long holdPoll(Collective coop, PollTerms terms) {
    long poll = coop.polls().open(ANA, terms);
    List<Ballot> ballots = ballots(terms.method(), terms.options());
    List<MemberId> voters = List.of(ANA, BO, CY, DEE);
    for (int i = 0; i < voters.size(); i++) {
      coop.polls().vote(voters.get(i), poll, ballots.get(i));
    }
    advanceTo(terms.closes().plusSeconds(1));
    coop.polls().close(BO, poll);
    return poll;
  }

  @Test
  void everyMethodGoesThroughTheLedgerAndTheFold() {
    Collective coop = found(LedgerStore.inMemory());
    long first = coop.ledger().size();
    for (PollMethod method : PollMethod.values()) {
      for (boolean secret : List.of(false, true)) {
        PollTerms.Builder b = terms(method);
        long poll = holdPoll(coop, (secret ? b.secret() : b).build());
        PollTerms t = coop.polls().terms(poll).orElseThrow();
        Tally expected = Counting.count(t, ballots(method, t.options()));
        assertThat(coop.polls().tally(poll)).as(method + (secret ? " secret" : " open")).contains(expected);
        assertThat(coop.polls().turnout(poll)).isEqualTo(4);
        assertThat(coop.polls().verify(poll)).isEmpty();

        List<Entry> entries = coop.ledger().entries(poll, coop.ledger().size());
        assertThat(entries.get(0).event()).isInstanceOf(PollEvents.PollOpened.class);
        Class<?> ballotEvent = secret ? PollEvents.BallotSealed.class : PollEvents.BallotCast.class;
        assertThat(entries.subList(1, 5)).allMatch(e -> ballotEvent.isInstance(e.event()));
        assertThat(entries.subList(1, 4)).allMatch(e -> Pseudonyms.isHandle(e.author()));
        assertThat(Pseudonyms.isTag(entries.get(4).author())).as("dee appears only in aggregates").isTrue();
        Entry closing = entries.get(5);
        assertThat(closing.author()).isEqualTo(Collective.ITSELF);
        assertThat(closing.event()).isEqualTo(new PollEvents.PollClosed(poll, expected));
        clock.advance(Duration.ofHours(1));
      }
    }
    List<Entry> copy = coop.ledger().entries(0, coop.ledger().size());
    assertThat(Polls.verify(copy, first)).isEmpty();
  }

  @Test
  void theAgreementsInForceSetDotsScoresHowLongAndWhetherBallotsMayBeSecret() {
    Collective coop = found(LedgerStore.inMemory());
    PollTerms dots = terms(PollMethod.DOT_VOTE).build();
    assertThat(coop.polls().terms(coop.polls().open(ANA, dots)).orElseThrow().dots()).isEqualTo(3);
    Adopt.adopt(coop, clock, ANA, Adopt.terms("polls").set(Parameter.POLL_DOTS, 5).set(Parameter.POLL_SCORE_MAX, 10)
        .set(Parameter.POLL_MIN_HOURS, 72).set(Parameter.POLL_SECRET_BALLOTS, "refuse").build());
    PollTerms later = terms(PollMethod.DOT_VOTE).build();
    PollTerms fourDays = PollTerms.builder("Which?", PollMethod.DOT_VOTE, PLACES, clock.instant().plus(Duration.ofDays(4)),
        1).build();
    assertThat(coop.polls().terms(coop.polls().open(ANA, fourDays)).orElseThrow().dots()).isEqualTo(5);
    PollTerms scores = PollTerms.builder("Which?", PollMethod.SCORE_VOTE, PLACES, clock.instant().plus(Duration.ofDays(4)),
        1).build();
    assertThat(coop.polls().terms(coop.polls().open(ANA, scores)).orElseThrow().maxScore()).isEqualTo(10);

    rejected(coop, () -> coop.polls().open(ANA, later), InvalidPollException.class,
        "A poll stays open at least 72 hours, so that every member can vote (poll-min-hours, agreement \"polls\")");
    rejected(coop, () -> coop.polls().open(ANA, fourDays.toBuilder().secret().build()), NotPermittedException.class,
        "The agreements in force keep every ballot on the ledger (poll-secret-ballots = refuse, agreement \"polls\"):"
            + " open the poll open, or change the agreement.");
    rejected(coop, () -> coop.submit(ANA, new PollEvents.PollOpened(fourDays.toBuilder().dots(9).build())),
        InvalidPollException.class, "Open the poll with polls().open, which sets them.");
  }

  @Test
  void ballotsThatDoNotFitASecondBallotALateOneAndANonMembersAreRefusedAndChangeNothing() {
    Collective coop = found(LedgerStore.inMemory());
    long ranked = coop.polls().open(ANA, terms(PollMethod.INSTANT_RUNOFF).build());
    long dots = coop.polls().open(ANA, terms(PollMethod.DOT_VOTE).secret().build());

    rejected(coop, () -> coop.polls().vote(BO, ranked, Ballot.ranking(List.of("park", "beach"))),
        InvalidPollException.class, "\"beach\" is not one of this poll's options (park, hall, school)");
    rejected(coop, () -> coop.polls().vote(BO, ranked, new Ballot(List.of(new Mark("park", 1), new Mark("hall", 1)))),
        InvalidPollException.class, "\"park\" and \"hall\" share rank 1: give each option a rank of its own");
    rejected(coop, () -> coop.polls().vote(BO, dots, Ballot.dots(Map.of("park", 2, "hall", 2))),
        InvalidPollException.class, "This ballot places 4 dots, and each member has 3 in this poll (poll-dots): take 1 off.");
    assertThat(coop.read(Fold::secretBallots).isEmpty()).as("a refused secret ballot is not kept").isTrue();
    rejected(coop, () -> coop.polls().vote(MemberId.of("eve"), ranked, Ballot.ranking(List.of("park"))),
        UnknownMemberException.class, "eve");

    coop.polls().vote(BO, ranked, Ballot.ranking(List.of("park")));
    coop.polls().vote(BO, dots, Ballot.dots(Map.of("park", 3)));
    rejected(coop, () -> coop.polls().vote(BO, ranked, Ballot.ranking(List.of("hall"))), ConflictException.class,
        "bo already voted in poll " + ranked);
    rejected(coop, () -> coop.polls().vote(BO, dots, Ballot.dots(Map.of("hall", 1))), ConflictException.class,
        "a ballot is cast once and cannot be changed");
    rejected(coop, () -> coop.submit(CY, new PollEvents.BallotCast(dots, Ballot.dots(Map.of("park", 1)))),
        NotPermittedException.class, "Poll " + dots + " is secret");
    Hash borrowed = ((PollEvents.BallotSealed) coop.ledger().entry(coop.ledger().size() - 1).event()).commitment();
    rejected(coop, () -> coop.submit(CY, new PollEvents.BallotSealed(dots, borrowed)), ConflictException.class,
        "This commitment is already on the ledger");
    rejected(coop, () -> coop.submit(CY, new PollEvents.BallotSealed(dots, Hash.sha256(new byte[1]))),
        NotPermittedException.class, "A secret ballot is cast with polls().vote");
    rejected(coop, () -> coop.polls().close(ANA, ranked), TooEarlyException.class, "open for votes until");
    assertThat(coop.agenda()).noneMatch(i -> i.kind() == AgendaItem.Kind.POLL_READY_TO_COUNT);

    advanceTo(inTwoDays());
    assertThat(coop.agenda()).filteredOn(i -> i.kind() == AgendaItem.Kind.POLL_READY_TO_COUNT)
        .extracting(AgendaItem::subject).containsExactly(Long.toString(ranked), Long.toString(dots));
    rejected(coop, () -> coop.polls().vote(CY, ranked, Ballot.ranking(List.of("park"))), ExpiredException.class,
        "Voting in poll " + ranked + " closed at");
    rejected(coop, () -> coop.submit(CY, new PollEvents.PollClosed(ranked, Counting.count(
        coop.polls().terms(ranked).orElseThrow(), List.of(Ballot.ranking(List.of("park")))))),
        NotPermittedException.class, "A poll's tally is recorded by the collective itself");
    coop.polls().close(CY, ranked);
    assertThat(coop.agenda()).filteredOn(i -> i.kind() == AgendaItem.Kind.POLL_READY_TO_COUNT)
        .extracting(AgendaItem::subject).containsExactly(Long.toString(dots));
    rejected(coop, () -> coop.polls().vote(CY, ranked, Ballot.ranking(List.of("park"))), ExpiredException.class,
        "was closed and counted");
    rejected(coop, () -> coop.polls().close(CY, ranked), ExpiredException.class, "no second tally");
  }

  @Test
  void aSecretPollKeepsItsBallotsOffTheLedgerEncryptedBesideIt() throws IOException {
    long poll;
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = found(journal);
      poll = coop.polls().open(ANA, terms(PollMethod.SCORE_VOTE).secret().build());
      coop.polls().vote(BO, poll, Ballot.scores(Map.of("school", 4)));
      Entry sealed = coop.ledger().entry(coop.ledger().size() - 1);
      SealedBallot receipt = coop.polls().receipt(BO, poll).orElseThrow();
      assertThat(sealed.event()).isEqualTo(new PollEvents.BallotSealed(poll, receipt.commitment()));
      assertThat(receipt.ballot()).isEqualTo(Ballot.scores(Map.of("school", 4)));
      assertThat(coop.polls().ballots(poll)).as("nobody reads secret ballots one by one").isEmpty();
      assertThat(new String(coop.ledger().entryBytes(sealed.sequence()), StandardCharsets.UTF_8))
          .doesNotContain("school").doesNotContain(receipt.salt());
    }
    byte[] onDisk = Files.readAllBytes(dir.resolve("private").resolve(SecretBallots.FILE));
    assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).startsWith("LTV1").doesNotContain("school");
  }

  @Test
  void aReopenedJournalGivesTheSamePollsAndTalliesAndASecretTallyStillVerifies() throws IOException {
    long open;
    long secret;
    long countedAfterRestart;
    List<Tally> before = new ArrayList<>();
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = found(journal);
      open = holdPoll(coop, terms(PollMethod.SCHULZE).build());
      secret = holdPoll(coop, terms(PollMethod.INSTANT_RUNOFF).secret().build());
      countedAfterRestart = coop.polls().open(ANA, terms(PollMethod.TIME_POLL).secret().build());
      List<Ballot> ballots = ballots(PollMethod.TIME_POLL, coop.polls().terms(countedAfterRestart).orElseThrow().options());
      coop.polls().vote(CY, countedAfterRestart, ballots.get(0));
      coop.polls().vote(DEE, countedAfterRestart, ballots.get(1));
      before.add(coop.polls().tally(open).orElseThrow());
      before.add(coop.polls().tally(secret).orElseThrow());
    }
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective reopened = Collective.open(journal, KEY, clock);
      assertThat(List.of(reopened.polls().tally(open).orElseThrow(), reopened.polls().tally(secret).orElseThrow()))
          .isEqualTo(before);
      assertThat(reopened.polls().terms(secret).orElseThrow().secret()).isTrue();
      assertThat(reopened.polls().verify(open)).isEmpty();
      assertThat(reopened.polls().verify(secret)).isEmpty();
      assertThat(reopened.polls().ballotOf(DEE, secret)).contains(ballots(PollMethod.INSTANT_RUNOFF, PLACES).get(3));

      PollTerms t = reopened.polls().terms(countedAfterRestart).orElseThrow();
      advanceTo(t.closes());
      Tally tally = reopened.polls().close(ANA, countedAfterRestart);
      assertThat(tally).isEqualTo(Counting.count(t, ballots(PollMethod.TIME_POLL, t.options()).subList(0, 2)));
      assertThat(tally.chosen()).isEqualTo(t.options().get(0)); // both can make it, one only if need be
      assertThat(reopened.polls().verify(countedAfterRestart)).isEmpty();
    }
  }

  @Test
  void withoutItsPrivateFileASecretPollStillOpensButIsNotCounted() throws IOException {
    long poll;
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = found(journal);
      poll = coop.polls().open(ANA, terms(PollMethod.DOT_VOTE).secret().build());
      coop.polls().vote(BO, poll, Ballot.dots(Map.of("hall", 2)));
    }
    Files.delete(dir.resolve("private").resolve(SecretBallots.FILE));
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective reopened = Collective.open(journal, KEY, clock);
      assertThat(reopened.polls().turnout(poll)).isEqualTo(1);
      advanceTo(reopened.polls().terms(poll).orElseThrow().closes());
      rejected(reopened, () -> reopened.polls().close(ANA, poll), PrivateDataException.class,
          "does not hold every secret ballot of poll " + poll + ", so it cannot count them: restore"
              + " private/poll-ballots from the backup");
    }
  }

  @Test
  void aMigratedCollectiveKeepsItsSecretBallots() {
    LedgerStore from = LedgerStore.inMemory();
    Collective coop = found(from);
    long poll = holdPoll(coop, terms(PollMethod.SCORE_VOTE).secret().build());
    Collective migrated = Migration.migrate(from, LedgerStore.inMemory(), KEY, clock);
    assertThat(migrated.polls().tally(poll)).isEqualTo(coop.polls().tally(poll));
    assertThat(migrated.polls().verify(poll)).isEmpty();
    assertThat(migrated.polls().receipt(BO, poll)).isEqualTo(coop.polls().receipt(BO, poll));
  }

  @Test
  void aMirrorRecountsAnOpenPollAndChecksASecretTallyAgainstItsCommitments() {
    Collective coop = found(LedgerStore.inMemory());
    long open = holdPoll(coop, terms(PollMethod.DOT_VOTE).build());
    long secret = holdPoll(coop, terms(PollMethod.SCHULZE).secret().build());
    List<Entry> copy = coop.ledger().entries(0, coop.ledger().size());
    assertThat(Replica.of(coop.ledger()).size()).isEqualTo(copy.size());
    assertThat(Polls.verify(copy, open)).isEmpty();
    assertThat(Polls.verify(copy, secret)).isEmpty();

    // An open tally one dot off: the mirror counts the ballots on the ledger, and refuses it.
    Tally honest = coop.polls().tally(open).orElseThrow();
    List<Tally.Total> totals = new ArrayList<>(honest.totals());
    Tally.Total first = totals.get(0);
    totals.set(0, new Tally.Total(first.option(), first.count() - 1, 0));
    Tally oneOff = new Tally(honest.method(), honest.ballots(), honest.order(), totals, List.of(), List.of(),
        honest.bySeed());
    assertThat(replayWith(copy, open, oneOff)).singleElement().asString().contains("The tally is not the one the ballots of poll " + open
        + " give: the ballots give other counts than the tally records.");

    // A secret tally that counts a ballot more than there are commitments: refused.
    Tally secretTally = coop.polls().tally(secret).orElseThrow();
    Tally extra = new Tally(secretTally.method(), secretTally.ballots() + 1, secretTally.order(), List.of(), List.of(),
        secretTally.preferences(), secretTally.bySeed());
    assertThat(replayWith(copy, secret, extra)).singleElement().asString().contains("the ledger holds 4 commitments, and the tally counts 5"
        + " ballots");
    // An order its own counts do not give: refused.
    List<String> swapped = new ArrayList<>(secretTally.order());
    java.util.Collections.swap(swapped, 0, 1);
    Tally reordered = new Tally(secretTally.method(), secretTally.ballots(), swapped, List.of(), List.of(),
        secretTally.preferences(), secretTally.bySeed());
    assertThat(replayWith(copy, secret, reordered)).singleElement().asString().contains("do not follow from the tally's counts and the seed");
    // Other counts, consistent with themselves and with four ballots: a mirror cannot tell (docs/deciding.md).
    PollTerms t = coop.polls().terms(secret).orElseThrow();
    List<Ballot> others = List.of(Ballot.ranking(List.of("school")), Ballot.ranking(List.of("school")),
        Ballot.ranking(List.of("school")), Ballot.abstain());
    Tally invented = Counting.count(t, others);
    assertThat(invented).isNotEqualTo(secretTally);
    assertThat(replayWith(copy, secret, invented)).isEmpty();
  }

  /** The mirror's verdict on the copy with the tally of {@code poll} replaced by {@code tally}: empty if it folds. */
  static List<String> replayWith(List<Entry> copy, long poll, Tally tally) {
    List<Entry> forged = new ArrayList<>();
    for (Entry e : copy) {
      Event event = e.event() instanceof PollEvents.PollClosed c && c.poll() == poll
          ? new PollEvents.PollClosed(poll, tally) : e.event();
      forged.add(new Entry(e.sequence(), e.time(), e.collective(), e.author(), event, e.previous()));
    }
    return Polls.verify(forged, poll);
  }

  /**
   * No result lists members, so none can order them by how or when they voted: every public query
   * of the facet, called on open and secret polls of every method (a member's own ballot aside,
   * which is asked for by name), names nobody, and the ballots come back in an order of their marks.
   */
  @Test
  void noQueryListsMembersLetAloneOrdersThem() throws Exception {
    Collective coop = found(LedgerStore.inMemory());
    List<Long> polls = new ArrayList<>();
    for (PollMethod method : PollMethod.values()) {
      polls.add(holdPoll(coop, terms(method).build()));
      polls.add(holdPoll(coop, terms(method).secret().build()));
    }
    List<String> called = new ArrayList<>();
    for (Method m : Polls.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class
          || NoRankingByBehaviourTest.isCommand(m) || m.getName().equals("close")) {
        continue;
      }
      for (long poll : polls) {
        Object[] args = Arrays.stream(m.getParameterTypes()).map(t -> t == MemberId.class ? (Object) BO : poll)
            .toArray();
        Object answer = m.invoke(coop.polls(), args);
        assertThat(NoRankingByBehaviourTest.membersIn(answer)).as(m.getName()).isEmpty();
        assertThat(answer.toString()).as(m.getName()).doesNotContain("h-").doesNotContain("t-");
      }
      called.add(m.getName());
    }
    assertThat(called).contains("terms", "tally", "turnout", "ballots", "ballotOf", "receipt", "verify");
    long open = polls.get(4); // Schulze, open
    assertThat(coop.polls().ballots(open)).hasSize(4)
        .isSortedAccordingTo(java.util.Comparator.comparing(Ballot::toString));
  }
}
