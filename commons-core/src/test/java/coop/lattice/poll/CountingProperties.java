package coop.lattice.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.InvalidPollException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 17, item 3: every method's tally equals the reference model ({@link CountingModel}), counts
 * are whole numbers, and the tie-break depends on the published seed alone: permuting the options
 * or the ballots changes nothing.
 */
class CountingProperties {
  static final Instant CLOSES = Instant.parse("2027-03-10T18:00:00Z");
  static final List<String> NAMES = List.of("park", "hall", "school", "garden", "library", "cafe");
  static final List<String> TIMES = List.of("2027-03-04T18:00:00Z", "2027-03-05T18:00:00Z", "2027-03-06T10:00:00Z",
      "2027-03-07T10:00:00Z", "2027-03-08T19:30:00Z");
  static final int DOTS = 3;
  static final int MAX_SCORE = 5;

  /** A poll and its ballots. */
  record Poll(PollTerms terms, List<Ballot> ballots) {}

  static PollTerms terms(PollMethod method, List<String> options, long seed) {
    return PollTerms.builder("Which?", method, options, CLOSES, seed)
        .dots(method == PollMethod.DOT_VOTE ? DOTS : 0).maxScore(method == PollMethod.SCORE_VOTE ? MAX_SCORE : 0)
        .build();
  }

  @Provide
  Arbitrary<Poll> polls() {
    return Arbitraries.of(PollMethod.values()).flatMap(m -> polls(m, 0, 30));
  }

  /** Polls of {@code method} with few ballots: ties, elimination ties included, are common. */
  @Provide
  Arbitrary<Poll> smallPolls() {
    return Arbitraries.of(PollMethod.values()).flatMap(m -> polls(m, 0, 5));
  }

  static Arbitrary<Poll> polls(PollMethod method, int minBallots, int maxBallots) {
    List<String> pool = method == PollMethod.TIME_POLL ? TIMES : NAMES;
    Arbitrary<List<String>> options = Arbitraries.shuffle(pool).flatMap(s -> Arbitraries.integers().between(2, 5)
        .map(n -> List.copyOf(s.subList(0, n))));
    return Combinators.combine(options, Arbitraries.longs()).as((o, seed) -> terms(method, o, seed))
        .flatMap(t -> ballot(t).list().ofMinSize(minBallots).ofMaxSize(maxBallots).map(b -> new Poll(t, b)));
  }

  static Arbitrary<Ballot> ballot(PollTerms t) {
    List<String> o = t.options();
    return switch (t.method()) {
      case DOT_VOTE -> Arbitraries.of(o).list().ofMaxSize(DOTS).map(picks -> {
        Map<String, Integer> dots = new LinkedHashMap<>();
        picks.forEach(p -> dots.merge(p, 1, Integer::sum));
        return Ballot.dots(dots);
      });
      case SCORE_VOTE -> Arbitraries.maps(Arbitraries.of(o), Arbitraries.integers().between(0, MAX_SCORE))
          .map(Ballot::scores);
      case TIME_POLL -> Arbitraries.maps(Arbitraries.of(o), Arbitraries.of(Ballot.Availability.values()))
          .map(Ballot::times);
      case INSTANT_RUNOFF, SCHULZE -> Arbitraries.shuffle(o).flatMap(s -> Arbitraries.integers().between(0, s.size())
          .map(k -> Ballot.ranking(s.subList(0, k))));
    };
  }

  @Group
  class TheReferenceModel {
    @Property(tries = 1500, seed = "20261201")
    void everyMethodEqualsIt(@ForAll("polls") Poll p) {
      Tally t = Counting.count(p.terms(), p.ballots());
      assertThat(t).as("%s", p).isEqualTo(CountingModel.count(p.terms(), p.ballots()));
      assertThat(t.ballots()).isEqualTo(p.ballots().size());
    }

    @Property(tries = 1500, seed = "20261202")
    void soWithFewBallotsWhereTiesAreCommon(@ForAll("smallPolls") Poll p) {
      Tally t = Counting.count(p.terms(), p.ballots());
      Statistics.label("seed decided").collect(!t.bySeed().isEmpty())
          .coverage(c -> c.check(true).percentage(share -> share > 20));
      Statistics.label("an elimination tie").collect(t.rounds().stream().anyMatch(Tally.Round::bySeed))
          .coverage(c -> c.check(true).count(n -> n > 30));
      assertThat(t).as("%s", p).isEqualTo(CountingModel.count(p.terms(), p.ballots()));
    }

    /** Ballots that are rotations of one order (a > b > c, b > c > a, c > a > b): majorities that go round in a cycle. */
    @Provide
    Arbitrary<Poll> cycles() {
      Arbitrary<List<String>> options = Arbitraries.shuffle(NAMES).flatMap(s -> Arbitraries.integers().between(3, 5)
          .map(n -> List.copyOf(s.subList(0, n))));
      return Combinators.combine(options, Arbitraries.longs(), Arbitraries.of(PollMethod.SCHULZE,
          PollMethod.INSTANT_RUNOFF)).as((o, seed, m) -> terms(m, o, seed)).flatMap(t -> {
            List<Ballot> rotations = new ArrayList<>();
            for (int r = 0; r < t.options().size(); r++) {
              List<String> order = new ArrayList<>(t.options());
              Collections.rotate(order, r);
              rotations.add(Ballot.ranking(order));
            }
            return Arbitraries.of(rotations).list().ofMinSize(3).ofMaxSize(40).map(b -> new Poll(t, b));
          });
    }

    @Property(tries = 800, seed = "20261203")
    void schulzeAndInstantRunoffOnCondorcetCycles(@ForAll("cycles") Poll p) {
      Tally t = Counting.count(p.terms(), p.ballots());
      Statistics.label("a majority cycle").collect(hasCycle(p)).coverage(c -> c.check(true).percentage(share -> share > 10));
      assertThat(t).as("%s", p).isEqualTo(CountingModel.count(p.terms(), p.ballots()));
    }

    @Example
    void theSchulzeExampleOf45Voters() {
      // Schulze (2011), section 3.1, and the English Wikipedia's example: E > A > C > B > D.
      List<Ballot> ballots = new ArrayList<>();
      add(ballots, 5, "a", "c", "b", "e", "d");
      add(ballots, 5, "a", "d", "e", "c", "b");
      add(ballots, 8, "b", "e", "d", "a", "c");
      add(ballots, 3, "c", "a", "b", "e", "d");
      add(ballots, 7, "c", "a", "e", "b", "d");
      add(ballots, 2, "c", "b", "a", "d", "e");
      add(ballots, 7, "d", "c", "e", "b", "a");
      add(ballots, 8, "e", "b", "a", "d", "c");
      Tally t = Counting.count(terms(PollMethod.SCHULZE, List.of("a", "b", "c", "d", "e"), 1), ballots);
      assertThat(t.order()).containsExactly("e", "a", "c", "b", "d");
      assertThat(t.bySeed()).isEmpty();
      assertThat(t.preferences()).contains(new Tally.Preference("a", "b", 20), new Tally.Preference("b", "a", 25),
          new Tally.Preference("b", "d", 33), new Tally.Preference("e", "d", 31));
    }

    @Example
    void anEvenCycleIsDecidedByTheSeedAlone() {
      List<Ballot> ballots = new ArrayList<>();
      add(ballots, 2, "a", "b", "c");
      add(ballots, 2, "b", "c", "a");
      add(ballots, 2, "c", "a", "b");
      Set<List<String>> orders = new HashSet<>();
      for (long seed = 0; seed < 12; seed++) {
        Tally t = Counting.count(terms(PollMethod.SCHULZE, List.of("a", "b", "c"), seed), ballots);
        assertThat(t.bySeed()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(t).isEqualTo(CountingModel.count(terms(PollMethod.SCHULZE, List.of("a", "b", "c"), seed), ballots));
        orders.add(t.order());
      }
      assertThat(orders).as("different seeds choose differently").hasSizeGreaterThan(1);
    }

    @Example
    void anEliminationTieIsBrokenByTheSeedAndSaysSo() {
      List<Ballot> ballots = new ArrayList<>();
      add(ballots, 1, "a", "c");
      add(ballots, 1, "b", "c");
      add(ballots, 2, "c");
      Set<String> eliminatedFirst = new HashSet<>();
      for (long seed = 0; seed < 12; seed++) {
        PollTerms t = terms(PollMethod.INSTANT_RUNOFF, List.of("a", "b", "c"), seed);
        Tally tally = Counting.count(t, ballots);
        assertThat(tally.rounds().get(0).bySeed()).isTrue();
        assertThat(tally.rounds().get(0).eliminated()).isIn("a", "b");
        assertThat(tally.chosen()).isEqualTo("c");
        assertThat(tally).isEqualTo(CountingModel.count(t, ballots));
        eliminatedFirst.add(tally.rounds().get(0).eliminated());
      }
      assertThat(eliminatedFirst).containsExactlyInAnyOrder("a", "b");
    }
  }

  @Example
  void everyCountIsAWholeNumber() {
    Set<Class<?>> allowed = Set.of(int.class, long.class, boolean.class, String.class, List.class, PollMethod.class);
    for (Class<?> record : List.of(Tally.class, Tally.Total.class, Tally.Round.class, Tally.Preference.class)) {
      for (java.lang.reflect.RecordComponent c : record.getRecordComponents()) {
        assertThat(allowed).as(record.getSimpleName() + "." + c.getName()).contains(c.getType());
      }
    }
  }

  @Group
  class TheSeedAlone {
    @Property(tries = 800, seed = "20261204")
    void permutingOptionsOrBallotsChangesNothing(@ForAll("smallPolls") Poll p, @ForAll long shuffle) {
      Random r = new Random(shuffle);
      List<String> options = new ArrayList<>(p.terms().options());
      Collections.shuffle(options, r);
      List<Ballot> ballots = new ArrayList<>(p.ballots());
      Collections.shuffle(ballots, r);
      PollTerms t = p.terms();
      PollTerms permuted = new PollTerms(t.question(), t.method(), options, t.closes(), t.secret(), t.seed(), t.dots(),
          t.maxScore());
      assertThat(Counting.count(permuted, ballots)).isEqualTo(Counting.count(p.terms(), p.ballots()));
    }

    @Property(tries = 300, seed = "20261205")
    void withNoBallotsTheOrderIsTheSeedsAndNotTheList(@ForAll("polls") Poll p) {
      Tally t = Counting.count(p.terms(), List.of());
      TieBreak seed = TieBreak.of(p.terms().seed(), p.terms().options());
      List<String> bySeed = new ArrayList<>(p.terms().options());
      bySeed.sort(java.util.Comparator.comparingInt(seed::place));
      assertThat(t.order()).isEqualTo(bySeed);
      assertThat(t.bySeed()).isEqualTo(bySeed);
    }

    @Example
    void theTieBreakIsAShuffleOfTheNamesThatOnlyTheSeedMoves() {
      List<String> options = List.of("park", "hall", "school", "garden");
      Set<List<Integer>> shuffles = new HashSet<>();
      for (long seed = 0; seed < 20; seed++) {
        TieBreak a = TieBreak.of(seed, options);
        TieBreak b = TieBreak.of(seed, List.of("garden", "school", "park", "hall"));
        List<Integer> places = options.stream().map(a::place).toList();
        assertThat(options.stream().map(b::place).toList()).isEqualTo(places);
        assertThat(new HashSet<>(places)).containsExactlyInAnyOrder(0, 1, 2, 3);
        shuffles.add(places);
      }
      assertThat(shuffles).as("20 seeds give several of the 24 orders").hasSizeGreaterThan(5);
    }
  }

  @Group
  class WhatCanBeCheckedWithoutBallots {
    @Property(tries = 800, seed = "20261206")
    void everyTallyIsConsistentWithItsCounts(@ForAll("polls") Poll p) {
      assertThat(TallyCheck.consistency(p.terms(), Counting.count(p.terms(), p.ballots()))).isEmpty();
    }

    @Property(tries = 800, seed = "20261207")
    void anOrderThatDoesNotFollowFromTheCountsIsFound(@ForAll("polls") Poll p) {
      Tally t = Counting.count(p.terms(), p.ballots());
      List<String> swapped = new ArrayList<>(t.order());
      Collections.swap(swapped, 0, 1);
      Tally wrong = new Tally(t.method(), t.ballots(), swapped, t.totals(), t.rounds(), t.preferences(), t.bySeed());
      assertThat(TallyCheck.consistency(p.terms(), wrong)).isNotEmpty();
    }

    @Property(tries = 500, seed = "20261208")
    void countsThatSoManyBallotsCannotGiveAreFound(@ForAll("polls") Poll p) {
      Tally t = Counting.count(p.terms(), p.ballots());
      Tally fewer = new Tally(t.method(), t.ballots() + 1, t.order(), t.totals(), t.rounds(), t.preferences(),
          t.bySeed());
      Tally inflated = switch (t.method()) {
        case DOT_VOTE, SCORE_VOTE, TIME_POLL -> new Tally(t.method(), t.ballots(), t.order(),
            inflate(t.totals(), t.ballots() * (long) (DOTS + MAX_SCORE) + 1), t.rounds(), t.preferences(), t.bySeed());
        case INSTANT_RUNOFF -> fewer;
        case SCHULZE -> new Tally(t.method(), t.ballots(), t.order(), t.totals(), t.rounds(),
            List.of(new Tally.Preference(t.order().get(0), t.order().get(1), t.ballots() + 1L)), t.bySeed());
      };
      assertThat(TallyCheck.consistency(p.terms(), inflated)).isNotEmpty();
    }

    private List<Tally.Total> inflate(List<Tally.Total> totals, long by) {
      List<Tally.Total> out = new ArrayList<>(totals);
      Tally.Total first = out.get(0);
      out.set(0, new Tally.Total(first.option(), first.count() + by, first.ifNeedBe()));
      return out;
    }
  }

  @Group
  class BallotsThatDoNotFit {
    final PollTerms ranked = terms(PollMethod.SCHULZE, List.of("park", "hall", "school"), 7);

    @Example
    void unknownOptionsDuplicateRanksTooManyDotsAndScoresOutOfRangeAreRefusedSayingWhy() {
      assertThatThrownBy(() -> Counting.check(ranked, Ballot.ranking(List.of("park", "beach"))))
          .isInstanceOf(InvalidPollException.class)
          .hasMessage("\"beach\" is not one of this poll's options (park, hall, school): mark only the options it"
              + " offers.");
      assertThatThrownBy(() -> Counting.check(ranked, new Ballot(List.of(new Mark("park", 1), new Mark("hall", 1)))))
          .isInstanceOf(InvalidPollException.class).hasMessage("\"park\" and \"hall\" share rank 1: give each option a"
              + " rank of its own (1 for your first preference, 2 for the next, and so on).");
      assertThatThrownBy(() -> Counting.check(ranked, new Ballot(List.of(new Mark("park", 1), new Mark("hall", 3)))))
          .isInstanceOf(InvalidPollException.class).hasMessageContaining("skips rank 2");
      assertThatThrownBy(() -> Counting.check(ranked, Ballot.ranking(List.of("park", "park"))))
          .isInstanceOf(InvalidPollException.class).hasMessageContaining("marks \"park\" more than once");
      PollTerms dots = terms(PollMethod.DOT_VOTE, List.of("park", "hall"), 7);
      assertThatThrownBy(() -> Counting.check(dots, Ballot.dots(Map.of("park", 3, "hall", 1))))
          .isInstanceOf(InvalidPollException.class)
          .hasMessage("This ballot places 4 dots, and each member has 3 in this poll (poll-dots): take 1 off.");
      PollTerms scores = terms(PollMethod.SCORE_VOTE, List.of("park", "hall"), 7);
      assertThatThrownBy(() -> Counting.check(scores, Ballot.scores(Map.of("park", 6))))
          .isInstanceOf(InvalidPollException.class).hasMessageContaining("from 0 to 5 (poll-score-max); \"park\" has 6");
      assertThatThrownBy(() -> Counting.count(ranked, List.of(Ballot.ranking(List.of("park")),
          Ballot.ranking(List.of("nowhere"))))).isInstanceOf(InvalidPollException.class);
    }

    @Example
    void pollsNeedTwoDistinctOptionsAndTimePollsTimes() {
      assertThatThrownBy(() -> terms(PollMethod.DOT_VOTE, List.of("park"), 1)).isInstanceOf(InvalidPollException.class)
          .hasMessageContaining("2 to 100 options");
      assertThatThrownBy(() -> terms(PollMethod.DOT_VOTE, List.of("park", "hall", "park"), 1))
          .isInstanceOf(InvalidPollException.class).hasMessage("\"park\" is offered more than once: name each option once.");
      assertThatThrownBy(() -> terms(PollMethod.TIME_POLL, List.of("2027-03-04T18:00:00Z", "Thursday evening"), 1))
          .isInstanceOf(InvalidPollException.class).hasMessageContaining("\"Thursday evening\" is not one");
    }
  }

  static void add(List<Ballot> ballots, int times, String... order) {
    for (int i = 0; i < times; i++) {
      ballots.add(Ballot.ranking(List.of(order)));
    }
  }

  /** Whether some three options' pairwise majorities go round in a cycle. */
  static boolean hasCycle(Poll p) {
    List<String> o = p.terms().options();
    for (String a : o) {
      for (String b : o) {
        for (String c : o) {
          if (beats(p, a, b) && beats(p, b, c) && beats(p, c, a)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean beats(Poll p, String a, String b) {
    long ab = 0;
    long ba = 0;
    for (Ballot x : p.ballots()) {
      Map<String, Integer> m = CountingModel.marks(x);
      ab += m.containsKey(a) && (!m.containsKey(b) || m.get(a) < m.get(b)) ? 1 : 0;
      ba += m.containsKey(b) && (!m.containsKey(a) || m.get(b) < m.get(a)) ? 1 : 0;
    }
    return ab > ba;
  }
}
