package coop.lattice.ledger;

import coop.lattice.merkle.Hash;
import coop.lattice.poll.Ballot;
import coop.lattice.poll.PollTerms;
import coop.lattice.poll.Tally;

/**
 * A poll's events ({@link Event.Voting}): opened with its terms, a ballot per member (on the ledger
 * for an open poll, as a salted commitment for a secret one), closed with its tally. Like every
 * event, the record and component names are part of the ledger format.
 */
public final class PollEvents {
  private PollEvents() {}

  /**
   * A poll opens: its question, method, options, closing time, whether ballots are secret, the seed
   * that breaks ties and the limits the agreements in force set, all fixed before any ballot.
   */
  public record PollOpened(PollTerms terms) implements Event.Voting {}

  /** The author casts {@code ballot} in the open poll opened at entry {@code poll}; once, before it closes. */
  public record BallotCast(long poll, Ballot ballot) implements Event.Voting {}

  /**
   * The author casts a ballot in the secret poll opened at entry {@code poll}: the ledger holds only
   * its {@linkplain coop.lattice.poll.SealedBallot#commitment() commitment}; the ballot and its salt
   * stay in the collective's private state. Once, before the poll closes.
   */
  public record BallotSealed(long poll, Hash commitment) implements Event.Voting {}

  /** The poll opened at entry {@code poll} is closed with the tally its ballots give. */
  public record PollClosed(long poll, Tally tally) implements Event.Voting {}
}
