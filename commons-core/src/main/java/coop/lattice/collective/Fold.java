package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.NewerFormatException;
import coop.lattice.NotPermittedException;
import coop.lattice.agreement.AgreementId;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.EntryFormat;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.MemberIds;
import coop.lattice.ledger.NewerEvent;
import coop.lattice.merkle.Hash;
import coop.lattice.privacy.Pseudonyms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of a collective as a fold over its entries, and the rules a new entry must keep: one
 * {@link SubFold} per part of the collective's life, each owning its events.
 *
 * <p>{@link #check} runs before anything is appended, so a rejected command changes nothing;
 * {@link #apply} only ever sees entries that passed it. Replay runs both, so a stored entry that
 * breaks the rules is found when the ledger opens. Not thread-safe: the collective guards it.
 */
final class Fold {
  final Membership membership = new Membership();
  final Governance governance = new Governance();
  final RotationsFold rotations = new RotationsFold();
  final CirclesFold circles = new CirclesFold();
  final CampaignsFold campaigns = new CampaignsFold();
  final TimeBankFold timeBank = new TimeBankFold();
  final OffersFold offers = new OffersFold();
  final TradeFold trade = new TradeFold();
  final AidFundFold aidFund = new AidFundFold();
  final ToolLibraryFold toolLibrary = new ToolLibraryFold();
  final LotteriesFold lotteries = new LotteriesFold();
  final PollsFold polls = new PollsFold();
  final FinancesFold finances = new FinancesFold();
  final JoiningFold joining = new JoiningFold();
  final SignupsFold signups = new SignupsFold();
  final ClearingFold clearing = new ClearingFold();
  final KeysFold keys = new KeysFold();
  /** Each event belongs to exactly one part. */
  private final SubFold[] parts = {
      membership, governance, rotations, circles, campaigns, timeBank, offers, trade, aidFund, toolLibrary, lotteries,
      polls, finances, joining, signups, clearing, keys};
  /**
   * Which part (an index into {@link #parts}) owns each event type, learnt the first time a type
   * is seen: a part decides by type alone, and every fold has the same parts in the same order, so
   * one table serves every collective and an entry costs one lookup rather than asking each part.
   */
  private static final Map<Class<?>, Integer> OWNERS = new ConcurrentHashMap<>();
  private long size;
  /** Entries a newer version wrote, kept unread by a copy (never by the collective's own fold). */
  final List<Replica.Unread> unread = new ArrayList<>();
  /** What the ledger leaves out of aid claims, for the rules that need it; none for a mirror. */
  private final SealedClaims sealedClaims;
  /** The ballots the ledger holds only commitments to, for the rules that need them; none for a mirror. */
  private final SecretBallots secretBallots;
  /** The receipts of expense claims, for the rule that a claim's receipt is kept; none for a mirror. */
  private final Receipts receipts;
  /** What the ledger leaves out of applications to join, for the rules that need it; none for a mirror. */
  private final PrivateRecords<Hash, SealedApplication> applications;

  /** Whether this fold knows who members are: the collective's own does; a copy of someone else's ledger does not. */
  private final boolean knowsMembers;

  /**
   * The fold of a collective that holds its sealed claims, secret ballots, receipts and applications
   * and resolves its members.
   */
  Fold(SealedClaims sealedClaims, SecretBallots secretBallots, Receipts receipts,
      PrivateRecords<Hash, SealedApplication> applications) {
    this.sealedClaims = sealedClaims;
    this.secretBallots = secretBallots;
    this.receipts = receipts;
    this.applications = applications;
    this.knowsMembers = true;
  }

  /**
   * The fold of a copy of someone else's ledger: no sealed claims or secret ballots, so the rules needing them are
   * not checked, and members who appear only in aggregates are a different tag in every entry, so
   * an entry that names one is folded without the rules (see {@link #replay}).
   */
  Fold() {
    this.sealedClaims = SealedClaims.none();
    this.secretBallots = SecretBallots.none();
    this.receipts = Receipts.none();
    this.applications = PrivateRecords.none(JoiningFold.FILE, SealedApplication::seal);
    this.knowsMembers = false;
  }

  SealedClaims sealedClaims() {
    return sealedClaims;
  }

  SecretBallots secretBallots() {
    return secretBallots;
  }

  Receipts receipts() {
    return receipts;
  }

  PrivateRecords<Hash, SealedApplication> applications() {
    return applications;
  }

  /** Whether this fold knows who members are: false for a copy of someone else's ledger. */
  boolean knowsMembers() {
    return knowsMembers;
  }

  /**
   * Checks {@code event} as a command by {@code author} at {@code now}, to join {@code ledger};
   * throws if it breaks a rule.
   */
  void check(MemberId author, Event event, Instant now, Ledger ledger) {
    if (event instanceof NewerEvent) {
      throw new NotPermittedException("A NewerEvent is no command: a copy of a partner's ledger keeps one for an"
          + " event a newer version of Lattice wrote. Record what happened with the event for it.");
    }
    Step s = new Step(this, membership.founded(), size, now, author, event, ledger);
    part(event).check(s);
  }

  /** Folds an entry that passed {@link #check}. */
  void apply(Entry e) {
    apply(part(e.event()), Step.of(this, e));
  }

  /**
   * Checks a stored entry as the command it was, then folds it. A copy of someone else's ledger
   * cannot check an entry that names someone it cannot place: a tag (a member who appears only in
   * aggregates, different in every entry), or a handle it never saw join (a member who joined
   * under a tag). Who they are, whether they may, their limits need their identity, which only
   * their collective holds; such an entry is folded unchecked, its bytes, hash, signature and
   * place having been verified before it got here. A change of the ledger's key is checked all the
   * same: its rules are the collective's agreements, not its author's ({@code KeysFold}).
   */
  void replay(Entry e) {
    if (e.event() instanceof NewerEvent n) {
      unread(e, n);
      return;
    }
    Step s = Step.of(this, e);
    SubFold part = part(e.event());
    if (knowsMembers || !namesSomeoneUnplaced(e) || e.event() instanceof Event.LedgerKeys) {
      part.check(s);
    }
    apply(part, s);
  }

  /**
   * An entry a newer version wrote: a copy keeps it unread (its bytes, hash, signature and place
   * were verified); the collective's own fold cannot, as its state would be wrong.
   */
  private void unread(Entry e, NewerEvent n) {
    if (knowsMembers) {
      throw new NewerFormatException(e.sequence(), n.format(), "Entry " + e.sequence() + " of " + e.collective().value()
          + "'s ledger is in format " + n.format() + " (" + n.type() + "), written by a newer version of Lattice;"
          + " this one reads format " + EntryFormat.CURRENT + " at most. Open the collective with a version that"
          + " reads format " + n.format() + ".");
    }
    unread.add(new Replica.Unread(e.sequence(), n.type(), n.format()));
    size = e.sequence() + 1;
  }

  private boolean namesSomeoneUnplaced(Entry e) {
    if (unplaced(e.author())) {
      return true;
    }
    if (e.event() instanceof Event.MemberJoined j) {
      return Pseudonyms.isTag(j.member()); // the one who joins is new, by definition
    }
    return MemberIds.any(e.event(), this::unplaced);
  }

  /** Whether this fold can tell who {@code m} is: always in the collective's own, not for a tag in a copy. */
  boolean canPlace(MemberId m) {
    return knowsMembers || !unplaced(m);
  }

  private boolean unplaced(MemberId m) {
    return Pseudonyms.isTag(m) || Pseudonyms.isHandle(m) && !membership.members.containsKey(m);
  }

  private void apply(SubFold part, Step s) {
    part.apply(s);
    size = s.sequence() + 1;
  }

  private SubFold part(Event e) {
    Integer owner = OWNERS.get(e.getClass());
    return parts[owner != null ? owner : OWNERS.computeIfAbsent(e.getClass(), type -> owner(e))];
  }

  private int owner(Event e) {
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].handles(e)) {
        return i;
      }
    }
    throw new AssertionError("an event type without a part of the fold: " + e.getClass());
  }

  CollectiveId id() {
    return membership.id();
  }

  String name() {
    return membership.name();
  }

  long size() {
    return size;
  }

  CollectiveState snapshot() {
    Map<Long, ProposalRecord> proposals = new HashMap<>();
    governance.proposals.forEach((ref, p) -> proposals.put(ref, p.record()));
    Map<MemberId, Map<AgreementId, Long>> accepted = new HashMap<>();
    governance.accepted.forEach((m, a) -> accepted.put(m, Map.copyOf(a)));
    Map<Long, Boolean> tensions = new HashMap<>();
    circles.tensions.forEach((k, t) -> tensions.put(k, t.takenUp()));
    return new CollectiveState(id(), name(), membership.key(), size, membership.members, membership.contributions,
        governance.agreements, proposals, accepted, rotations.currentPlan(), lotteries.drawn, lotteries.drawnV1,
        circles.meetings, tensions, new ExchangeState(timeBank.balances, timeBank.issued, timeBank.transfers,
            offers.postings, trade.snapshot(), trade.trades, trade.coverage, aidFund.funds, aidFund.claims,
            toolLibrary.snapshot()), unread);
  }
}
