package coop.lattice.ledger;

import java.util.Set;

/**
 * Which version of the ledger format an entry is written in, so that nodes of different versions
 * interlock. Format 1 is every event type Lattice had when formats began (listed here, frozen);
 * format 2 is the types added after it up to {@code 251bba6} (frozen too); format 3 the clearing
 * rounds' types, up to {@code e24598c} (frozen too); every event type added since is written in the
 * {@link #CURRENT} format. Entries after format 1 say their format in a
 * {@code "format"} member ({@link Entry#format()}), which format-1 entries leave out: their bytes,
 * and so their hashes, are what they always were.
 *
 * <p>A node that reads an entry in a format newer than its own, with an event it does not know,
 * keeps it as a {@link NewerEvent}: verified at the level of bytes, hashes and signatures, never
 * folded, and marked as such by a copy of the ledger ({@code Replica.unread}). An entry in a format
 * this node knows must be one it can read; anything else is damage, as before.
 *
 * <p>When a new version adds event types, raise {@link #CURRENT} and freeze the types of the
 * previous format here, as formats 1, 2 and 3 are: a node of the previous build reads every type of
 * its own format, and an unknown type in it is damage to that node (the clearing rounds were first
 * written in format 2, and a {@code 251bba6} node refused them: {@code PreviousBuildIT}). An event
 * type never changes its members within a format ({@code EntryFormatTest} holds the shapes of
 * formats 1 and 2).
 */
public final class EntryFormat {
  /** The newest format this version writes and reads: 4, the ledger key's changes ({@link KeyEvents}). */
  public static final int CURRENT = 4;

  /** The event types of format 1, by the name they are written under. */
  static final Set<String> FORMAT_1 = Set.of(
      "AgreementAccepted", "AidApproved", "AidClaimed", "AidDeclined", "AidPaid", "AppearanceChanged",
      "BallotCast", "BallotSealed", "CampaignStarted", "CircleFormed", "CircleMeetingHeld",
      "CollectiveFounded", "ContributionAcknowledged", "ContributionCorrected", "ContributionRecorded",
      "CoverageDeclared", "CycleCleared", "DebriefRecorded", "FundContribution", "FundOpened",
      "HandOverAccepted", "HandOverProposed", "HoldCancelled", "HoldPlaced", "HoursConfirmed", "HoursDeclined",
      "HoursRecorded", "ItemLent", "ItemReturned", "LotteryAnnounced", "LotteryClosed", "LotteryCommitted",
      "LotteryDrawn", "LotteryRevealed", "MemberJoined", "MemberLeft", "NeedPosted", "ObjectionWithdrawn",
      "PartnershipAgreed", "PlanPublished", "PollClosed", "PollOpened", "PostingAnswered", "PostingCommitted",
      "PostingConfirmed", "PostingFulfilled", "ProposalDecided", "ProposalMade", "ProposalRevised",
      "RelayAppointed", "ResponseGiven", "RestOptedIn", "StartingHoursGiven", "TensionRaised", "ToolListed",
      "TradeAccepted", "TradeAcknowledged", "TradeFulfilled", "TradeOffered");

  /**
   * The event types of format 2, frozen: those added after format 1 up to the build that wrote
   * format 2 last ({@code 251bba6}), which reads an unknown type in format 2 as damage and so must
   * never meet a later type in it.
   */
  static final Set<String> FORMAT_2 = Set.of(
      "AccountOpened", "ApplicationDecided", "ApplicationReceived", "ApplicationResponded", "AvailabilityStated",
      "BudgetPlanned", "ExpenseApproved", "ExpenseClaimed", "ExpenseDecided", "ExpenseReimbursed", "ExpenseResponded",
      "IncomeRecorded", "SignupClosed", "SignupOpened", "SlotLeft", "SlotTaken", "TrustGiven");

  /**
   * The event types of format 3, frozen: the clearing rounds' ({@link ClearingEvents}), the types
   * the build {@code e24598c} added and wrote format 3 last with.
   */
  static final Set<String> FORMAT_3 = Set.of(
      "RoundProposed", "RoundJoined", "RoundDeclined", "RoundPrepared", "RoundCommitted", "RoundCompleted",
      "RoundSettled", "RoundLapsed");

  private static final ClassValue<Integer> FORMATS = new ClassValue<>() {
    @Override
    protected Integer computeValue(Class<?> type) {
      String name = type.getSimpleName();
      return FORMAT_1.contains(name) ? 1 : FORMAT_2.contains(name) ? 2 : FORMAT_3.contains(name) ? 3 : CURRENT;
    }
  };

  private EntryFormat() {}

  /** The format an entry holding {@code event} is written in. */
  public static int of(Event event) {
    return event instanceof NewerEvent n ? n.format() : FORMATS.get(event.getClass());
  }
}
