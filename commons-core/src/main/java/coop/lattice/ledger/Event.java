package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.Outcome;
import coop.lattice.agreement.ProposalKind;
import coop.lattice.agreement.Response;
import coop.lattice.circle.CircleId;
import coop.lattice.circle.CircleOutcome;
import coop.lattice.circle.Tension;
import coop.lattice.circle.Turn;
import coop.lattice.cycle.Campaign;
import coop.lattice.cycle.Debrief;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.FundId;
import coop.lattice.exchange.ItemId;
import coop.lattice.exchange.Posting;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import coop.lattice.internal.Names;
import coop.lattice.merkle.Hash;
import coop.lattice.rotation.Lottery;
import coop.lattice.rotation.LotteryV1;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.Slot;
import java.math.BigDecimal;
import java.time.Instant;
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
  /**
   * The collective is founded: its name and public key.
   *
   * @param continues for a ledger that continues another (a {@code Migration}), the SHA-256 of that
   *     ledger's last signed checkpoint, which covers every entry it had; null for a new collective
   */
  record CollectiveFounded(String name, String publicKey, @Nullable Hash continues) implements Event {
    public CollectiveFounded {
      Names.text("a collective's name", name, 120);
      checkArgument(!name.isBlank(), "a collective needs a name");
    }

    /** A new collective called {@code name}, whose key's public half is {@code publicKey}. */
    public CollectiveFounded(String name, String publicKey) {
      this(name, publicKey, null);
    }
  }

  /**
   * A member joins; the join date makes them a newcomer for a while. A command carries how they
   * appear; the open ledger carries only its seal ({@link coop.lattice.privacy.Pseudonyms#seal}),
   * the appearance itself staying in the collective's private profiles. Ledgers written before
   * seals carry the appearance.
   *
   * @param appearance how they appear; null exactly when {@code sealed} is not
   * @param sealed the seal of how they appear; null exactly when {@code appearance} is not
   */
  record MemberJoined(MemberId member, @Nullable Appearance appearance, @Nullable Hash sealed) implements Event {
    public MemberJoined {
      checkArgument((appearance == null) != (sealed == null), "a member joins with an appearance or its seal, not %s",
          appearance == null ? "neither" : "both");
    }

    /** The command: {@code member} joins, appearing as {@code appearance}. */
    public MemberJoined(MemberId member, Appearance appearance) {
      this(member, appearance, null);
    }
  }

  /** A member leaves. Their past entries stay; the ledger never forgets, it only adds. */
  record MemberLeft(MemberId member) implements Event {}

  /**
   * A member changes how they appear publicly; on the open ledger, only the seal of the new
   * appearance (see {@link MemberJoined}).
   *
   * @param appearance how they appear now; null exactly when {@code sealed} is not
   * @param sealed its seal; null exactly when {@code appearance} is not
   */
  record AppearanceChanged(MemberId member, @Nullable Appearance appearance, @Nullable Hash sealed) implements Event {
    public AppearanceChanged {
      checkArgument((appearance == null) != (sealed == null), "an appearance changes to an appearance or its seal,"
          + " not %s", appearance == null ? "neither" : "both");
    }

    /** The command: {@code member} now appears as {@code appearance}. */
    public AppearanceChanged(MemberId member, Appearance appearance) {
      this(member, appearance, null);
    }
  }

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

  /**
   * The transcript of a {@code lattice-lottery-v1} lottery announced at entry {@code announcement},
   * as its writer stated it. Kept so that ledgers holding one still open; a collective records no
   * new ones (see {@link LotteryClosed}).
   */
  record LotteryDrawn(long announcement, LotteryV1.Transcript transcript) implements Event {}

  /**
   * The author, a candidate, commits to the lottery announced at entry {@code lottery}: {@code
   * commitment} is the SHA-256 of their secret nonce, in lowercase hex. Before the commit deadline.
   */
  record LotteryCommitted(long lottery, String commitment) implements Event {}

  /**
   * The author reveals the nonce they committed to for the lottery announced at entry {@code
   * lottery}: 32 bytes in lowercase hex. From the commit deadline, before the reveal deadline, once
   * the ledger has reached the anchor height.
   */
  record LotteryRevealed(long lottery, String nonce) implements Event {}

  /**
   * The draw of the lottery announced at entry {@code lottery}, derived from its commitment and
   * reveal entries and the anchor root; anyone holding the ledger derives the same transcript.
   */
  record LotteryClosed(long lottery, Lottery.Transcript transcript) implements Event {}

  /** An event a newer version of Lattice wrote, which this one keeps unread ({@link NewerEvent}). */
  sealed interface Unread extends Event permits NewerEvent {}

  /** A poll's entries, kept together in {@link PollEvents}: its opening, each ballot or its commitment, its tally. */
  sealed interface Voting extends Event
      permits PollEvents.PollOpened, PollEvents.BallotCast, PollEvents.BallotSealed, PollEvents.PollClosed {}

  /** The open finances' entries, kept together in {@link FinanceEvents}: accounts, income, expense claims, budgets. */
  sealed interface Finances extends Event
      permits FinanceEvents.AccountOpened, FinanceEvents.IncomeRecorded, FinanceEvents.ExpenseClaimed,
      FinanceEvents.ExpenseApproved, FinanceEvents.ExpenseResponded, FinanceEvents.ExpenseDecided,
      FinanceEvents.ExpenseReimbursed, FinanceEvents.BudgetPlanned {}

  /** A way in, kept together in {@link JoiningEvents}: applications, responses, decisions, trust. */
  sealed interface Joining extends Event
      permits JoiningEvents.ApplicationReceived, JoiningEvents.ApplicationResponded,
      JoiningEvents.ApplicationDecided, JoiningEvents.TrustGiven {}

  /** A sign-up round's entries, kept together in {@link SignupEvents}: its opening, statements, slots taken and left, its plan. */
  sealed interface SigningUp extends Event permits SignupEvents.SignupOpened, SignupEvents.AvailabilityStated,
      SignupEvents.SlotTaken, SignupEvents.SlotLeft, SignupEvents.SignupClosed {}

  /** A clearing round's entries, kept together in {@link ClearingEvents}: proposal, answers, preparation, commitments, outcome. */
  sealed interface ClearingRounds extends Event permits ClearingEvents.RoundProposed, ClearingEvents.RoundJoined,
      ClearingEvents.RoundDeclined, ClearingEvents.RoundPrepared, ClearingEvents.RoundCommitted,
      ClearingEvents.RoundCompleted, ClearingEvents.RoundSettled, ClearingEvents.RoundLapsed {}

  /** Changes of the ledger's signing key, kept together in {@link KeyEvents}: a rotation, a recovery. */
  sealed interface LedgerKeys extends Event permits KeyEvents.KeyRotated, KeyEvents.KeyRecovered {}

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

  // ------------------------------------------------------------------------------ time bank

  /**
   * A time-bank transfer: {@code provider} gave {@code hours} of their time to {@code receiver} on
   * {@code served}. Recorded by the side the agreements name (by default the provider) and
   * pending until the other side confirms it; only then do balances move.
   */
  record HoursRecorded(MemberId provider, MemberId receiver, Quantity hours, LocalDate served, String note)
      implements Event {
    public HoursRecorded {
      Names.text("a note", note, 500);
    }
  }

  /** The other side confirms the transfer recorded at entry {@code transfer}: the hours move. */
  record HoursConfirmed(long transfer) implements Event {}

  /** The other side declines the transfer recorded at entry {@code transfer}, saying why; nothing moves. */
  record HoursDeclined(long transfer, String reason) implements Event {
    public HoursDeclined {
      Names.text("a reason", reason, 500);
    }
  }

  /** After orientation, the collective's own account gives {@code member} the agreed starting hours. */
  record StartingHoursGiven(MemberId member) implements Event {}

  // ------------------------------------------------------------------------------ offers and requests

  /** A member posts an offer of help or a request for it. */
  record NeedPosted(Posting posting) implements Event {}

  /** A member answers the posting at entry {@code posting}: they would give, or receive, what it says. */
  record PostingAnswered(long posting, String note) implements Event {
    public PostingAnswered {
      Names.text("a note", note, 500);
    }
  }

  /** The poster commits with {@code with}, one who answered, to do it by {@code due}. */
  record PostingCommitted(long posting, MemberId with, LocalDate due) implements Event {}

  /** The giving side says the committed posting at entry {@code posting} was done. */
  record PostingFulfilled(long posting) implements Event {}

  /** The receiving side confirms it; a posting in hours then moves time-bank balances. */
  record PostingConfirmed(long posting) implements Event {}

  // ------------------------------------------------------------------------------ trade between collectives

  /**
   * A bilateral exchange with {@code partner} under the agreement {@code agreement}: the units
   * traded and a credit line in each. A later entry for the same partner replaces the lines.
   */
  record PartnershipAgreed(CollectiveId partner, AgreementId agreement, List<CreditLine> lines) implements Event {
    public PartnershipAgreed {
      lines = List.copyOf(lines);
    }
  }

  /**
   * Appoints {@code relay} to record the steps {@code partner} takes (which arrive over
   * federation) until {@code until}: the explicit, logged delegation those entries need. A later
   * appointment for the same partner replaces it.
   */
  record RelayAppointed(CollectiveId partner, MemberId relay, Instant until) implements Event {}

  /**
   * {@code offeredBy} offers a trade with {@code partner}: {@code gives} hands over {@code
   * quantity} of {@code what}. Open for acceptance until {@code expires}. {@code trade}: on the
   * partner's offer, the trade's identity on the partner's ledger; null on this collective's own
   * offer (its identity is this entry) and on offers recorded before trades had one identity.
   */
  record TradeOffered(CollectiveId partner, Side offeredBy, Side gives, Quantity quantity, String what,
      Instant expires, @Nullable TradeId trade) implements Event {
    public TradeOffered {
      Names.text("what is traded", what, 500);
    }
  }

  /** The side that did not offer accepts the trade offered at entry {@code offer}: a commitment. */
  record TradeAccepted(long offer, Side by) implements Event {}

  /** The giving side says the committed trade at entry {@code offer} was delivered. */
  record TradeFulfilled(long offer, Side by) implements Event {}

  /** The receiving side acknowledges the delivery: only now does the balance with the partner move. */
  record TradeAcknowledged(long offer, Side by) implements Event {}

  /**
   * This collective's part in a cleared cycle of debt: {@code debtor} owes it {@code amount} less
   * and it owes {@code creditor} {@code amount} less, so its net position does not change.
   */
  record CycleCleared(String clearing, Unit unit, BigDecimal amount, CollectiveId debtor,
      CollectiveId creditor) implements Event {
    public CycleCleared {
      Names.slug("a clearing's id", clearing);
    }
  }

  /** Which partner collectives could cover {@code need} if this collective falters; replaces any earlier list. */
  record CoverageDeclared(String need, List<CollectiveId> partners) implements Event {
    public CoverageDeclared {
      Names.slug("need", need);
      partners = List.copyOf(partners);
    }
  }

  // ------------------------------------------------------------------------------ mutual aid fund

  /** A mutual aid fund opens, counted in {@code unit}; its rules are the aid-fund parameters in force. */
  record FundOpened(FundId fund, String name, Unit unit) implements Event {
    public FundOpened {
      Names.text("a fund's name", name, 120);
    }
  }

  /** A member pays into the fund. The fund's totals are public. */
  record FundContribution(FundId fund, Quantity quantity) implements Event {}

  /**
   * A claim on the fund for {@code quantity}. The claimant and their circumstances are sealed:
   * only {@code sealed}, the hash of the salted details, is on the open ledger; the stewards the
   * agreement names can read the details and check them against it.
   */
  record AidClaimed(FundId fund, Quantity quantity, Hash sealed) implements Event {}

  /** A steward approves the claim at entry {@code claim}. */
  record AidApproved(long claim) implements Event {}

  /** A steward declines the claim at entry {@code claim}; the reason is public, so keep details out of it. */
  record AidDeclined(long claim, String reason) implements Event {
    public AidDeclined {
      Names.text("a reason", reason, 500);
    }
  }

  /** A steward pays out the approved claim at entry {@code claim}. */
  record AidPaid(long claim) implements Event {}

  // ------------------------------------------------------------------------------ tool library

  /** An item joins the tool library, lent for {@code loanDays} at a time. */
  record ToolListed(ItemId item, String name, int loanDays) implements Event {
    public ToolListed {
      Names.text("an item's name", name, 120);
      checkArgument(loanDays >= 1 && loanDays <= 365,
          "a loan lasts 1 to 365 days, not %s", loanDays);
    }
  }

  /** The author asks to borrow {@code item} when it is their turn. */
  record HoldPlaced(ItemId item) implements Event {}

  /** The author no longer waits for {@code item}. */
  record HoldCancelled(ItemId item) implements Event {}

  /** {@code item} goes out to {@code borrower}, due back after the item's loan days. */
  record ItemLent(ItemId item, MemberId borrower) implements Event {}

  /** {@code item} comes back. */
  record ItemReturned(ItemId item) implements Event {}
}
