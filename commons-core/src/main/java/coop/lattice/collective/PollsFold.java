package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidPollException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.TooEarlyException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.PollEvents;
import coop.lattice.merkle.Hash;
import coop.lattice.poll.Ballot;
import coop.lattice.poll.Counting;
import coop.lattice.poll.PollMethod;
import coop.lattice.poll.PollTerms;
import coop.lattice.poll.SealedBallot;
import coop.lattice.poll.Tally;
import coop.lattice.poll.TallyCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Polls as a part of the fold: opened under the agreements in force, a ballot per member (on the
 * ledger, or a commitment to one kept in {@link SecretBallots}), closed by the collective itself
 * with the one tally the ballots give. A mirror, which has no secret ballots, checks a secret
 * poll's tally against the number of commitments and for consistency ({@link TallyCheck}); the
 * collective checks it against the ballots. Not thread-safe: the collective guards it.
 */
final class PollsFold implements SubFold {
  /** Every poll's terms, by the entry that opened it. */
  final Map<Long, PollTerms> polls = new LinkedHashMap<>();
  /** Each open poll's ballots, by member (by id, never by when they voted). */
  final Map<Long, Map<MemberId, Ballot>> cast = new HashMap<>();
  /** Each secret poll's commitments, by member. */
  final Map<Long, Map<MemberId, Hash>> sealed = new HashMap<>();
  /** Each member's ballot entry in each poll. */
  final Map<Long, Map<MemberId, Long>> votedAt = new HashMap<>();
  final Map<Long, Tally> closed = new LinkedHashMap<>();

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.Voting;
  }

  @Override
  public void check(Step s) {
    Event event = s.event();
    if (event instanceof PollEvents.PollOpened o) {
      s.fold().membership.activeMember(s.author(), "open a poll");
      checkTerms(s, o.terms());
    } else if (event instanceof PollEvents.BallotCast b) {
      PollTerms t = checkVoter(s, b.poll());
      if (t.secret()) {
        throw new NotPermittedException("Poll " + b.poll() + " is secret: its ballots stay off the ledger. Vote with"
            + " polls().vote, which keeps the ballot private and records only its commitment.");
      }
      Counting.check(t, b.ballot());
    } else if (event instanceof PollEvents.BallotSealed b) {
      PollTerms t = checkVoter(s, b.poll());
      if (!t.secret()) {
        throw new NotPermittedException("Poll " + b.poll() + " is open: its ballots are on the ledger, not sealed.");
      }
      checkSealed(s, t, b);
    } else if (event instanceof PollEvents.PollClosed c) {
      checkClose(s, c);
    }
  }

  private static void checkTerms(Step s, PollTerms t) {
    Parameters p = s.parameters();
    int minHours = p.get(Parameter.POLL_MIN_HOURS);
    Instant earliest = s.time().plus(Duration.ofHours(minHours));
    if (t.closes().isBefore(earliest)) {
      throw new InvalidPollException("A poll stays open at least " + minHours + " hours, so that every member can"
          + " vote (" + Parameter.POLL_MIN_HOURS.name() + ", " + p.describeSource(Parameter.POLL_MIN_HOURS)
          + "): close it at " + earliest + " or later.");
    }
    int dots = t.method() == PollMethod.DOT_VOTE ? p.get(Parameter.POLL_DOTS) : 0;
    int maxScore = t.method() == PollMethod.SCORE_VOTE ? p.get(Parameter.POLL_SCORE_MAX) : 0;
    if (t.dots() != dots || t.maxScore() != maxScore) {
      throw new InvalidPollException("The agreements in force give each member " + p.get(Parameter.POLL_DOTS)
          + " dots in a dot vote and scores up to " + p.get(Parameter.POLL_SCORE_MAX) + " (" + Parameter.POLL_DOTS.name()
          + ", " + Parameter.POLL_SCORE_MAX.name() + "); these terms say " + t.dots() + " and " + t.maxScore()
          + ". Open the poll with polls().open, which sets them.");
    }
    String secrecy = p.get(Parameter.POLL_SECRET_BALLOTS);
    if (t.secret() && secrecy.equals("refuse") || !t.secret() && secrecy.equals("require")) {
      throw new NotPermittedException("The agreements in force " + (t.secret() ? "keep every ballot on the ledger"
          : "keep every poll's ballots secret") + " (" + Parameter.POLL_SECRET_BALLOTS.name() + " = " + secrecy + ", "
          + p.describeSource(Parameter.POLL_SECRET_BALLOTS) + "): open the poll " + (t.secret() ? "open" : "secret")
          + ", or change the agreement.");
    }
  }

  /** The terms of the poll at {@code poll}, if the step's author may vote in it now. */
  private PollTerms checkVoter(Step s, long poll) {
    PollTerms t = open(poll, "vote in");
    s.fold().membership.activeMember(s.author(), "vote");
    if (!s.time().isBefore(t.closes())) {
      throw new ExpiredException("Voting in poll " + poll + " closed at " + t.closes() + "; it is now " + s.time()
          + ", so this ballot would not count.");
    }
    Long before = votedAt.getOrDefault(poll, Map.of()).get(s.author());
    if (before != null) {
      throw new ConflictException(s.author() + " already voted in poll " + poll + " (entry " + before + "); a ballot"
          + " is cast once and cannot be changed.");
    }
    return t;
  }

  private void checkSealed(Step s, PollTerms t, PollEvents.BallotSealed b) {
    if (sealed.getOrDefault(b.poll(), Map.of()).containsValue(b.commitment())) {
      throw new ConflictException("This commitment is already on the ledger for poll " + b.poll() + "; each ballot has"
          + " its own.");
    }
    SecretBallots secret = s.fold().secretBallots();
    Optional<SealedBallot> kept = secret.get(b.commitment());
    if (kept.isPresent()) {
      if (kept.get().poll() != b.poll()) {
        throw new ConflictException("This commitment belongs to a ballot in poll " + kept.get().poll() + ", not "
            + b.poll() + ".");
      }
      Counting.check(t, kept.get().ballot());
    } else if (s.isCommand() && secret.kept()) {
      throw new NotPermittedException("A secret ballot is cast with polls().vote, which keeps the ballot private and"
          + " records its commitment; this commitment is not of a ballot the collective keeps.");
    }
  }

  private void checkClose(Step s, PollEvents.PollClosed c) {
    PollTerms t = open(c.poll(), "close");
    if (!s.author().equals(Collective.ITSELF)) {
      throw new NotPermittedException("A poll's tally is recorded by the collective itself, which counts it: close"
          + " poll " + c.poll() + " with polls().close.");
    }
    if (s.time().isBefore(t.closes())) {
      throw new TooEarlyException("Poll " + c.poll() + " is open for votes until " + t.closes() + "; close it after"
          + " that.");
    }
    List<String> problems = problems(s.fold().secretBallots(), c.poll(), c.tally());
    if (!problems.isEmpty()) {
      throw new ConflictException("The tally is not the one the ballots of poll " + c.poll() + " give: "
          + String.join("; ", problems) + ".");
    }
  }

  /**
   * Everything wrong with {@code tally} as the tally of {@code poll}: against its ballots, or for a
   * secret poll whose ballots {@code secret} does not hold, against the number of its commitments
   * and for consistency.
   */
  List<String> problems(SecretBallots secret, long poll, Tally tally) {
    PollTerms t = polls.get(poll);
    Optional<List<Ballot>> ballots = ballots(secret, poll);
    if (ballots.isPresent()) {
      return TallyCheck.differences(Counting.count(t, ballots.get()), tally);
    }
    List<String> problems = new ArrayList<>(TallyCheck.consistency(t, tally));
    int commitments = sealed.getOrDefault(poll, Map.of()).size();
    if (tally.ballots() != commitments) {
      problems.add(0, "the ledger holds " + commitments + " commitments, and the tally counts " + tally.ballots()
          + " ballots");
    }
    return problems;
  }

  /** The ballots of {@code poll}: an open poll's from the ledger, a secret one's if {@code secret} holds every one. */
  Optional<List<Ballot>> ballots(SecretBallots secret, long poll) {
    if (!polls.get(poll).secret()) {
      return Optional.of(List.copyOf(cast.getOrDefault(poll, Map.of()).values()));
    }
    List<Ballot> out = new ArrayList<>();
    for (Hash c : sealed.getOrDefault(poll, Map.of()).values()) {
      Optional<SealedBallot> b = secret.get(c);
      if (b.isEmpty()) {
        return Optional.empty();
      }
      out.add(b.get().ballot());
    }
    return Optional.of(out);
  }

  /** The poll opened at {@code poll}, not yet closed. */
  private PollTerms open(long poll, String verb) {
    PollTerms t = polls.get(poll);
    if (t == null) {
      throw new UnknownReferenceException("There is no poll opened at entry " + poll + " to " + verb + ".");
    }
    if (closed.containsKey(poll)) {
      throw new ExpiredException("Poll " + poll + " was closed and counted; it takes no more ballots and no second"
          + " tally.");
    }
    return t;
  }

  @Override
  public void apply(Step s) {
    Event event = s.event();
    if (event instanceof PollEvents.PollOpened o) {
      polls.put(s.sequence(), o.terms());
    } else if (event instanceof PollEvents.BallotCast b) {
      cast.computeIfAbsent(b.poll(), k -> new TreeMap<>()).put(s.author(), b.ballot());
      votedAt.computeIfAbsent(b.poll(), k -> new HashMap<>()).put(s.author(), s.sequence());
    } else if (event instanceof PollEvents.BallotSealed b) {
      sealed.computeIfAbsent(b.poll(), k -> new TreeMap<>()).put(s.author(), b.commitment());
      votedAt.computeIfAbsent(b.poll(), k -> new HashMap<>()).put(s.author(), s.sequence());
    } else if (event instanceof PollEvents.PollClosed c) {
      closed.put(c.poll(), c.tally());
    }
  }
}
