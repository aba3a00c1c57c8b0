package coop.lattice.collective;

import coop.lattice.LatticeException;
import coop.lattice.MemberId;
import coop.lattice.PrivateDataException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.ledger.Entry;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A collective's polls, as ledger entries from opening to tally: more ways to decide than the
 * decision rules for agreements (consent, consensus, majority, advice), for choosing among options.
 * Obtained from {@link Collective#polls()}.
 *
 * <p>Any member opens a poll with its {@link PollTerms}; the agreements in force set its rules
 * (dots per member, the highest score, how long it stays open at least, whether ballots may or
 * must be secret). Each member votes once, before it closes. An open poll's ballots are on the
 * ledger, each under its voter's handle (or, for a member who appears only in aggregates, a tag of
 * that entry alone); a secret poll's stay encrypted in the collective's private state beside the
 * journal, and the ledger holds a salted commitment to each. After the closing time any member asks
 * the collective to close it, and the collective records the tally its ballots give, on its own
 * behalf. A ballot that does not fit, a second ballot, a late one or one from a non-member is
 * refused and changes nothing.
 *
 * <p>Results order options, never members: nothing here lists voters, and a poll's ballots come
 * back in an order of their own content, not of who cast them or when.
 *
 * <pre>{@code
 * long poll = coop.polls().open(ana, PollTerms.builder("Where is the spring fair?", PollMethod.SCHULZE,
 *     List.of("park", "hall", "school"), closes, 20270310L).build());
 * coop.polls().vote(bo, poll, Ballot.ranking(List.of("hall", "park")));
 * Tally tally = coop.polls().close(ana, poll);   // after it closes: tally.chosen()
 * }</pre>
 */
public final class Polls {
  private final Collective collective;

  Polls(Collective collective) {
    this.collective = collective;
  }

  /**
   * {@code by} opens a poll; its dots (for a dot vote) and highest score (for score voting) are the
   * ones the agreements in force set now, whatever the terms say.
   *
   * @return the poll's reference: the index of its entry
   */
  public long open(MemberId by, PollTerms terms) {
    Parameters p = collective.agreements().parameters();
    PollTerms ruled = terms.toBuilder()
        .dots(terms.method() == PollMethod.DOT_VOTE ? p.get(Parameter.POLL_DOTS) : 0)
        .maxScore(terms.method() == PollMethod.SCORE_VOTE ? p.get(Parameter.POLL_SCORE_MAX) : 0).build();
    return collective.submit(by, new PollEvents.PollOpened(ruled)).sequence();
  }

  /**
   * {@code voter} casts {@code ballot} in the poll at entry {@code poll}, once, before it closes: on
   * the ledger for an open poll; for a secret one, kept privately with only its commitment on the
   * ledger.
   *
   * @throws coop.lattice.InvalidPollException if the ballot does not fit the poll ({@link Counting#check})
   * @throws coop.lattice.ConflictException if {@code voter} already voted in it
   * @throws coop.lattice.ExpiredException at or after its closing time
   * @throws coop.lattice.UnknownMemberException if {@code voter} is not a member
   */
  public Entry vote(MemberId voter, long poll, Ballot ballot) {
    PollTerms t = terms(poll).orElseThrow(() -> new UnknownReferenceException("There is no poll opened at entry "
        + poll + " to vote in."));
    if (!t.secret()) {
      return collective.submit(voter, new PollEvents.BallotCast(poll, ballot));
    }
    Counting.check(t, ballot); // before anything is kept
    SecretBallots secret = collective.read(Fold::secretBallots);
    return collective.appendKeeping(voter, sequence -> {
      SealedBallot kept = new SealedBallot(poll, ballot, collective.pseudonymizer().profiles().pseudonyms()
          .salt(sequence));
      secret.put(kept);
      return new Collective.Kept(new PollEvents.BallotSealed(poll, kept.commitment()),
          () -> secret.remove(kept.commitment()));
    });
  }

  /**
   * {@code by}, a member, has the collective close the poll at entry {@code poll} after its closing
   * time: the collective counts the ballots and records the tally on its own behalf.
   *
   * @throws coop.lattice.TooEarlyException before the closing time
   * @throws coop.lattice.ExpiredException if the poll was already closed
   * @throws PrivateDataException if this collective does not hold every ballot of a secret poll
   *     (its private file was lost): nothing is recorded
   */
  public Tally close(MemberId by, long poll) {
    Tally tally = collective.read(f -> {
      f.membership.activeMember(by, "close a poll");
      PollTerms t = f.polls.polls.get(poll);
      if (t == null) {
        throw new UnknownReferenceException("There is no poll opened at entry " + poll + " to close.");
      }
      return Counting.count(t, f.polls.ballots(f.secretBallots(), poll).orElseThrow(() -> new PrivateDataException(
          "This collective does not hold every secret ballot of poll " + poll + ", so it cannot count them: restore"
              + " private/" + SecretBallots.FILE + " from the backup taken with the journal.")));
    });
    collective.appendKeeping(Collective.ITSELF, sequence -> new Collective.Kept(new PollEvents.PollClosed(poll, tally),
        () -> {}));
    return tally;
  }

  /** The terms of the poll opened at entry {@code poll}. */
  public Optional<PollTerms> terms(long poll) {
    return collective.read(f -> Optional.ofNullable(f.polls.polls.get(poll)));
  }

  /** The recorded tally of the poll at entry {@code poll}, once closed. */
  public Optional<Tally> tally(long poll) {
    return collective.read(f -> Optional.ofNullable(f.polls.closed.get(poll)));
  }

  /** How many members have voted in the poll at entry {@code poll}: a count, never a list. */
  public int turnout(long poll) {
    return collective.read(f -> f.polls.votedAt.getOrDefault(poll, Map.of()).size());
  }

  /**
   * The ballots of the open poll at entry {@code poll}, in an order of their own marks (never of who
   * cast them or when); empty for a secret poll, whose ballots nobody reads one by one.
   */
  public List<Ballot> ballots(long poll) {
    return collective.read(f -> {
      PollTerms t = f.polls.polls.get(poll);
      if (t == null || t.secret()) {
        return List.of();
      }
      List<Ballot> out = new ArrayList<>(f.polls.cast.getOrDefault(poll, Map.of()).values());
      out.sort(Comparator.comparing(Ballot::toString));
      return List.copyOf(out);
    });
  }

  /** {@code voter}'s own ballot in the poll at entry {@code poll}, open or secret. */
  public Optional<Ballot> ballotOf(MemberId voter, long poll) {
    return collective.read(f -> Optional.ofNullable(f.polls.cast.getOrDefault(poll, Map.of()).get(voter))
        .or(() -> sealedBallot(f, voter, poll).map(SealedBallot::ballot)));
  }

  /**
   * {@code voter}'s receipt for their ballot in the secret poll at entry {@code poll}: the ballot and
   * the salt, which give the commitment on the ledger ({@link SealedBallot#commitment()}).
   */
  public Optional<SealedBallot> receipt(MemberId voter, long poll) {
    return collective.read(f -> sealedBallot(f, voter, poll));
  }

  private static Optional<SealedBallot> sealedBallot(Fold f, MemberId voter, long poll) {
    return Optional.ofNullable(f.polls.sealed.getOrDefault(poll, Map.of()).get(voter)).flatMap(f.secretBallots()::get);
  }

  /**
   * Everything wrong with the recorded tally of the poll at entry {@code poll}, counted again from
   * its ballots: an open poll's on the ledger, a secret one's kept privately, each checked against
   * its commitment (after a restart too). Empty means it verifies.
   */
  public List<String> verify(long poll) {
    return collective.read(f -> {
      Tally recorded = f.polls.closed.get(poll);
      if (recorded == null) {
        return List.of("the poll at entry " + poll + " has no recorded tally");
      }
      List<String> problems = new ArrayList<>();
      for (Hash c : f.polls.sealed.getOrDefault(poll, Map.of()).values()) {
        Optional<SealedBallot> b = f.secretBallots().get(c);
        if (b.isEmpty() || !b.get().commitment().equals(c) || b.get().poll() != poll) {
          problems.add("no kept ballot matches the commitment " + c);
        }
      }
      problems.addAll(f.polls.problems(f.secretBallots(), poll, recorded));
      return problems;
    });
  }

  // ---------------------------------------------------------------------------------- outsiders

  /**
   * Everything wrong with the tally a copy of the ledger records for the poll at entry {@code poll},
   * from the copy alone (check it against a signed checkpoint first): for an open poll, counted
   * again from the ballots on it; for a secret poll, against the number of commitments on it and
   * for consistency ({@link TallyCheck#consistency}), since its ballots never leave the collective.
   * Empty means it verifies.
   */
  public static List<String> verify(List<Entry> ledger, long poll) {
    Replica replica = new Replica();
    try {
      for (Entry e : ledger) {
        replica.apply(e);
      }
    } catch (LatticeException e) {
      return List.of(e.getMessage());
    }
    boolean closed = ledger.stream().map(Entry::event).anyMatch(e -> isClosing(e, poll));
    return closed ? List.of() : List.of("the copy records no tally of the poll at entry " + poll);
  }

  private static boolean isClosing(Event e, long poll) {
    return e instanceof PollEvents.PollClosed c && c.poll() == poll;
  }
}
