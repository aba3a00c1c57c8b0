package coop.lattice.ledger;

import coop.lattice.MemberId;
import coop.lattice.agreement.AgreementId;
import coop.lattice.circle.CircleId;
import coop.lattice.circle.CircleOutcome;
import coop.lattice.circle.Tension;
import coop.lattice.circle.Turn;
import coop.lattice.cycle.Campaign;
import coop.lattice.cycle.Debrief;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.Outcome;
import coop.lattice.agreement.ProposalKind;
import coop.lattice.agreement.Response;
import coop.lattice.internal.Names;
import coop.lattice.merkle.Hash;
import coop.lattice.rotation.Lottery;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.Slot;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What happened: the payload of every {@link Entry}. A sealed set of records: the cases are
 * closed, so a fold that handles each of them handles every ledger.
 *
 * <p>The record names and component names are part of the ledger format: they are written into
 * the canonical bytes that every node hashes. Renaming one is a format change.
 *
 * <p>Nothing is updated in place: a correction is a new event that names the entry it corrects.
 */
public sealed interface Event {

  /** Entry 0 of every ledger: the collective comes into being with its name and public key. */
  record CollectiveFounded(String name, String publicKey) implements Event {
    public CollectiveFounded {
      Names.text("a collective's name", name, 120);
      com.google.common.base.Preconditions.checkArgument(!name.isBlank(), "a collective needs a name");
    }
  }

  /** A member joins; the join date makes them a newcomer for a while. */
  record MemberJoined(MemberId member, Appearance appearance) implements Event {}

  /** A member leaves. Their past entries stay; the ledger never forgets, it only adds. */
  record MemberLeft(MemberId member) implements Event {}

  /** A member changes how they appear publicly. */
  record AppearanceChanged(MemberId member, Appearance appearance) implements Event {}

  /** A contribution is recorded by its giver. It stays pending until its receiver acknowledges it. */
  record ContributionRecorded(Contribution contribution) implements Event {}

  /** The receiver acknowledges the contribution recorded at entry {@code contribution}. */
  record ContributionAcknowledged(long contribution) implements Event {}

  /**
   * The giver corrects the contribution recorded at entry {@code corrects}. The corrected
   * details replace the old ones and need a fresh acknowledgement.
   */
  record ContributionCorrected(long corrects, Contribution contribution) implements Event {}

  /**
   * A member proposes to adopt, amend or renew an agreement. An amendment or renewal names the
   * version it changes by its hash; {@code major} asks every member to accept the new version;
   * {@code affected} names the members an advice process must hear.
   */
  record ProposalMade(ProposalKind kind, AgreementTerms terms, @Nullable Hash amends, boolean major, String note,
      List<MemberId> affected) implements Event {
    public ProposalMade {
      Names.text("a proposal's note", note, 2000);
      affected = List.copyOf(affected);
    }
  }

  /** The proposer revises an open proposal (for example to resolve an objection); its window starts again. */
  record ProposalRevised(long proposal, AgreementTerms terms, String note) implements Event {
    public ProposalRevised {
      Names.text("a revision note", note, 2000);
    }
  }

  /** A member responds to the proposal at entry {@code proposal}; a later response replaces an earlier one. */
  record ResponseGiven(long proposal, Response response, String reason) implements Event {
    public ResponseGiven {
      Names.text("a reason", reason, 2000);
    }
  }

  /** An objector withdraws their objection to the proposal at entry {@code proposal}. */
  record ObjectionWithdrawn(long proposal) implements Event {}

  /** The proposal at entry {@code proposal} is decided (or withdrawn by its proposer), with a public note. */
  record ProposalDecided(long proposal, Outcome outcome, String note) implements Event {
    public ProposalDecided {
      Names.text("a decision note", note, 2000);
    }
  }

  /** A member accepts the current version of an agreement (after a major amendment, or on joining). */
  record AgreementAccepted(AgreementId agreement, long version) implements Event {}

  /** A member publishes the responsibility map for a horizon; it replaces any earlier one. */
  record PlanPublished(Plan plan) implements Event {}

  /**
   * The holder of {@code slot} asks {@code to} to take it: as cover, or as a swap for {@code
   * inReturn}, a slot {@code to} holds. It counts only once {@code to} accepts.
   */
  record HandOverProposed(Slot slot, MemberId to, @Nullable Slot inReturn, String note) implements Event {
    public HandOverProposed {
      Names.text("a hand-over note", note, 500);
    }
  }

  /** The member asked accepts the hand-over proposed at entry {@code proposal}. */
  record HandOverAccepted(long proposal) implements Event {}

  /**
   * A lottery is announced: candidates, seats, procedure, deadlines and the future ledger height
   * whose root will join the seed, all fixed before any randomness exists.
   */
  record LotteryAnnounced(Lottery.Announcement announcement) implements Event {}

  /** The transcript of the lottery announced at entry {@code announcement}; anyone can verify it. */
  record LotteryDrawn(long announcement, Lottery.Transcript transcript) implements Event {}

  /** A standing restorative circle; its keeper comes from the rotation role {@code keeperRole}. */
  record CircleFormed(CircleId circle, String name, RoleId keeperRole) implements Event {
    public CircleFormed {
      Names.text("a circle's name", name, 120);
    }
  }

  /** A member raises a tension for the circle. */
  record TensionRaised(CircleId circle, Tension tension) implements Event {}

  /**
   * A circle meeting as the keeper's timer recorded it: who took part, the equal time budget
   * each had, every turn (passes included), and the outcomes. Recorded by the keeper.
   */
  record CircleMeetingHeld(CircleId circle, LocalDate date, List<MemberId> participants, long budgetSeconds,
      List<Turn> turns, List<CircleOutcome> outcomes) implements Event {
    public CircleMeetingHeld {
      participants = List.copyOf(participants);
      turns = List.copyOf(turns);
      outcomes = List.copyOf(outcomes);
    }
  }

  /** A campaign starts: its phases of intensity, rest and reflection are fixed in advance. */
  record CampaignStarted(Campaign campaign) implements Event {}

  /** A member opts in to taking turns during the campaign's rest phases. */
  record RestOptedIn(String campaign) implements Event {}

  /** The campaign's debrief: it closes the campaign. */
  record DebriefRecorded(String campaign, Debrief debrief) implements Event {}
}
