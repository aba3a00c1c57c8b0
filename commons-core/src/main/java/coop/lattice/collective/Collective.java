package coop.lattice.collective;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.ContributionKind;
import coop.lattice.LedgerDamagedException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.Progress;
import coop.lattice.RejectedCommandException;
import coop.lattice.collective.ContributionRecord.Status;
import coop.lattice.health.HealthReport;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.CollectiveSecret;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Cosignature;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.ledger.RepairStatement;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.merkle.Hash;
import coop.lattice.privacy.Pseudonyms;
import coop.lattice.privacy.Vault;
import coop.lattice.store.LedgerStore;
import coop.lattice.store.PrivateArea;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A collective: its members, their contributions, and the open ledger underneath.
 *
 * <p>Every change is a command that the collective checks against its current state and rules; an
 * accepted command becomes one ledger entry, a rejected one throws a {@link
 * RejectedCommandException} subclass whose message says what was wrong and changes
 * nothing. An app call and an activity arriving from another collective take the same path,
 * {@link #submit}.
 *
 * <p>Visibility without surveillance: the views here aggregate by kind of need and by period
 * ({@link #totals}), give each member their own history ({@link #history}), and word the public
 * feed with each member's chosen {@link Appearance}. Unlike a points system, no method orders or
 * ranks members by what they gave.
 *
 * <p>Thread safety: commands are serialized; each returns once its entry is durable, and
 * concurrent commands share one disk flush (group commit). Views may be read from any thread.
 *
 * <pre>{@code
 * Collective coop = Collective.found(CollectiveId.of("riverside-food-coop"), "Riverside Food Co-op",
 *     MemberId.of("ana"), Appearance.byName("Ana"), LedgerStore.fileJournal(dir), key, Clock.systemUTC());
 * coop.admit(MemberId.of("ana"), MemberId.of("bo"), Appearance.pseudonym("bo-the-baker"));
 * long ref = coop.record(Contribution.toCollective(MemberId.of("bo"), ContributionKind.FOOD,
 *     Quantity.kilograms("12.5")).servedFor("Thursday pantry"));
 * coop.acknowledge(MemberId.of("ana"), ref);
 * }</pre>
 */
public final class Collective {
  private static final Logger LOG = LoggerFactory.getLogger(Collective.class);
  /**
   * The author of the entries a collective records on its own behalf, so that nobody's name is on
   * them: the claims on its mutual aid fund, whoever files them. No member can have this id or act as it.
   */
  public static final MemberId ITSELF = MemberId.of("collective");

  private final Ledger ledger;
  /** The ledger's signing key in force; replaced, under {@link #lock}, when it changes ({@link LedgerKeys}). */
  private volatile CollectiveKey key;
  private final CollectiveSecret secret;
  private volatile Witnessing witnessing = Witnessing.NONE;
  private final Clock clock;
  /** Guarded by {@link #lock}; replaced only when a member is forgotten. */
  private volatile Fold fold;
  private final SealedClaims sealedClaims;
  private final Pseudonymizer pseudonymizer;
  private final PrivateArea privateArea;
  private final Object lock = new Object();
  private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
  private final Agreements agreements = new Agreements(this);
  private final Rotations rotations = new Rotations(this);
  private final Campaigns campaigns = new Campaigns(this);
  private final Circles circles = new Circles(this);
  private final TimeBank timeBank = new TimeBank(this);
  private final Offers offers = new Offers(this);
  private final Trade trade = new Trade(this);
  private final AidFund aidFund = new AidFund(this);
  private final ToolLibrary toolLibrary = new ToolLibrary(this);
  private final Lotteries lotteries = new Lotteries(this);
  private final Polls polls = new Polls(this);
  private final Finances finances = new Finances(this);
  private final Joining joining = new Joining(this);
  private final Signups signups = new Signups(this);
  private final ClearingRounds clearing = new ClearingRounds(this);
  private final Privacy privacy = new Privacy(this);
  private final LedgerKeys ledgerKeys = new LedgerKeys(this);

  private Collective(Ledger ledger, CollectiveSecret secret, CollectiveKey key, Clock clock, Fold fold,
      Pseudonymizer pseudonymizer, PrivateArea privateArea) {
    this.ledger = ledger;
    this.secret = secret;
    this.key = key;
    this.clock = clock;
    this.fold = fold;
    this.sealedClaims = fold.sealedClaims();
    this.pseudonymizer = pseudonymizer;
    this.privateArea = privateArea;
  }

  /** The fold of the collective whose private files are in {@code store}, with its sealed claims. */
  private static Fold fold(LedgerStore store, CollectiveSecret secret) {
    Vault vault = Vault.of(secret);
    return new Fold(SealedClaims.open(store.privateArea(), vault), SecretBallots.open(store.privateArea(), vault),
        Receipts.open(store.privateArea(), vault), JoiningFold.kept(store.privateArea(), vault));
  }

  private static Pseudonymizer pseudonymizer(LedgerStore store, CollectiveSecret secret) {
    return new Pseudonymizer(Profiles.open(store.privateArea(), Vault.of(secret), Pseudonyms.of(secret)));
  }

  /**
   * Founds a new collective in an empty {@code store}: entry 0 records its name and public key,
   * entry 1 the founder joining. The key's seed is also the collective's secret ({@link
   * CollectiveSecret#of}); found it with a secret of its own to keep the two apart from the start.
   */
  public static Collective found(CollectiveId id, String name, MemberId founder, Appearance appearance,
      LedgerStore store, CollectiveKey key, Clock clock) {
    return found(id, name, founder, appearance, store, CollectiveSecret.of(key), key, clock);
  }

  /**
   * As {@link #found(CollectiveId, String, MemberId, Appearance, LedgerStore, CollectiveKey, Clock)},
   * with {@code secret} for the private area and the members' handles, kept apart from the signing
   * {@code key}, so that a lost key is {@linkplain LedgerKeys#recover recovered} without losing them.
   */
  public static Collective found(CollectiveId id, String name, MemberId founder, Appearance appearance,
      LedgerStore store, CollectiveSecret secret, CollectiveKey key, Clock clock) {
    Ledger ledger = Ledger.create(store, id, key.verificationKey());
    Collective c = new Collective(ledger, secret, key, clock, fold(store, secret), pseudonymizer(store, secret),
        store.privateArea());
    c.pseudonymizer.before(new Event.MemberJoined(founder, appearance)); // so entry 0 names the founder as they chose
    c.submit(founder, new Event.CollectiveFounded(name, key.verificationKey().base64Url()));
    c.submit(founder, new Event.MemberJoined(founder, appearance));
    return c;
  }

  /**
   * Opens the collective in {@code store}, re-verifying its whole ledger and rebuilding its state.
   *
   * @throws LedgerDamagedException if any entry fails verification, with the index of the first
   */
  public static Collective open(LedgerStore store, CollectiveKey key, Clock clock) {
    return open(store, key, clock, Progress.none());
  }

  /**
   * As {@link #open(LedgerStore, CollectiveKey, Clock)}, telling {@code progress} how many of the
   * stored entries are verified and folded, every few thousand entries and once at the end.
   *
   * @throws LedgerDamagedException if any entry fails verification, with the index of the first
   */
  public static Collective open(LedgerStore store, CollectiveKey key, Clock clock, Progress progress) {
    if (store.size() > 0 && founding(store) instanceof Event.CollectiveFounded f
        && !f.publicKey().equals(key.verificationKey().base64Url())) {
      throw new IllegalArgumentException("The key given (" + key.verificationKey() + ") is not the key " + store
          + " was founded with. If its key changed since, open it with Collective.open(store, secret, key, clock): the"
          + " key in force, and the collective's secret (CollectiveSecret.of(the founding key), if it was founded with"
          + " one key). Otherwise it is another collective's key.");
    }
    return open(store, CollectiveSecret.of(key), key, clock, progress);
  }

  /** Entry 0's event, or null if it does not read (opening then reports the damage). */
  private static @Nullable Event founding(LedgerStore store) {
    try {
      return LedgerJson.decode(store.read(0), Entry.class).event();
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  /**
   * Opens the collective in {@code store} kept under {@code secret}, whose ledger's key in force is
   * {@code key} (after a {@linkplain LedgerKeys rotation or a recovery}, the new key), re-verifying
   * its whole ledger and rebuilding its state.
   *
   * @throws LedgerDamagedException if any entry fails verification
   * @throws coop.lattice.KeyNotInForceException if {@code key} is not the key in force
   */
  public static Collective open(LedgerStore store, CollectiveSecret secret, CollectiveKey key, Clock clock,
      Progress progress) {
    return open(store, secret, key, true, clock, progress);
  }

  /**
   * Opens the collective in {@code store}, kept under {@code secret}, whose ledger's key in force is
   * lost, to {@linkplain LedgerKeys#recover recover} it with {@code next}: the ledger is verified as
   * ever and takes commands (the members adopt {@code next} in an agreement), and it signs nothing
   * until the recovery puts {@code next} in force.
   */
  public static Collective openToRecover(LedgerStore store, CollectiveSecret secret, CollectiveKey next, Clock clock) {
    return open(store, secret, next, false, clock, Progress.none());
  }

  private static Collective open(LedgerStore store, CollectiveSecret secret, CollectiveKey key, boolean inForce,
      Clock clock, Progress progress) {
    Fold fold = fold(store, secret);
    Pseudonymizer pseudonymizer = pseudonymizer(store, secret);
    Ledger ledger = Ledger.open(store, inForce ? key.verificationKey() : null, pseudonymizer.replayInto(fold), progress);
    Optional<LedgerStore.Damage> damage = ledger.damage();
    if (damage.isPresent()) {
      throw new LedgerDamagedException(damage.get().firstBadIndex(), "the ledger in " + store
          + " failed verification at entry " + damage.get().firstBadIndex() + ": " + damage.get().reason());
    }
    checkArgument(ledger.size() > 0, "the store is empty: found a collective first");
    return new Collective(ledger, secret, key, clock, fold, pseudonymizer, store.privateArea());
  }

  // ---------------------------------------------------------------------------------- commands

  /**
   * The one path in: checks {@code event} as a command by {@code author}, appends it, waits until
   * it is durable, and tells the listeners. The entry returned (and handed to the listeners) is the
   * one the open ledger holds, which names members by their handles or tags and appearances by
   * their seals; {@link Privacy#authorOf} says who recorded it.
   *
   * @throws RejectedCommandException if it breaks a rule; nothing is appended
   */
  public Entry submit(MemberId author, Event event) {
    if (author.equals(ITSELF) || event instanceof Event.MemberJoined j && j.member().equals(ITSELF)) {
      throw new NotPermittedException("'" + ITSELF + "' is the collective's own name on its ledger; no member has it"
          + " or acts as it. Choose another member id, or submit the command as the member who gives it.");
    }
    if (event instanceof Event.AidClaimed) {
      throw new NotPermittedException("A claim on the aid fund is filed through aidFund().claim, which keeps who"
          + " claims and why off the open ledger.");
    }
    if (event instanceof Event.MemberJoined j && (j.appearance() == null || looksRecorded(j.member()))
        || event instanceof Event.AppearanceChanged a && a.appearance() == null) {
      throw new NotPermittedException("A member joins or changes how they appear with the appearance itself, under an"
          + " id of the app's choosing (not shaped like a ledger handle or tag); the collective seals it for the ledger.");
    }
    return append(author, event, () -> {});
  }

  /** An event to append, and what undoes the private state kept for it if it is refused. */
  record Kept(Event event, Runnable undo) {}

  /**
   * Appends, as {@code author}'s, the event {@code keep} makes for the sequence its entry will have,
   * once {@code keep} has kept (durably) what the ledger leaves out of it: a sealed aid claim (filed
   * by the collective itself, {@link #ITSELF}), a secret ballot, a poll's tally (nothing kept).
   */
  Entry appendKeeping(MemberId author, LongFunction<Kept> keep) {
    synchronized (lock) {
      Kept k = keep.apply(ledger.size());
      return append(author, k.event(), k.undo());
    }
  }

  private Entry append(MemberId author, Event event, Runnable onRefusal) {
    Entry entry;
    synchronized (lock) {
      Instant now = clock.instant();
      try {
        fold.check(author, event, now, ledger);
      } catch (RuntimeException refused) {
        onRefusal.run();
        throw refused;
      }
      pseudonymizer.before(event);
      Pseudonymizer.Published published = pseudonymizer.publish(author, event, ledger.size());
      entry = ledger.append(now, published.author(), published.event());
      fold.apply(new Entry(entry.sequence(), now, entry.collective(), author, event, entry.previous()));
    }
    ledger.sync(); // outside the lock: concurrent commands share one flush
    for (Consumer<Entry> l : listeners) {
      try {
        l.accept(entry);
      } catch (RuntimeException failed) {
        // The entry is on the ledger: a listener's failure is the listener's, never the command's.
        LOG.error("A listener of {} failed on entry {}; the entry stands", fold.id(), entry.sequence(), failed);
      }
    }
    return entry;
  }

  SealedClaims sealedClaims() {
    return sealedClaims;
  }

  private static boolean looksRecorded(MemberId id) {
    return Pseudonyms.isHandle(id) || Pseudonyms.isTag(id);
  }

  /** {@code by}, a member, admits {@code newcomer}, who appears as they chose. */
  public Entry admit(MemberId by, MemberId newcomer, Appearance appearance) {
    return submit(by, new Event.MemberJoined(newcomer, appearance));
  }

  /** {@code member} leaves. Their past entries stay. */
  public Entry leave(MemberId member) {
    return submit(member, new Event.MemberLeft(member));
  }

  /** {@code member} changes how they appear publicly; it applies to the public feed at once. */
  public Entry changeAppearance(MemberId member, Appearance appearance) {
    return submit(member, new Event.AppearanceChanged(member, appearance));
  }

  /**
   * The giver records a contribution; it is pending until its receiver acknowledges it.
   *
   * @return the contribution's reference: the index of its entry
   */
  public long record(Contribution contribution) {
    return submit(contribution.giver(), new Event.ContributionRecorded(contribution)).sequence();
  }

  /** The receiver ({@code by}) acknowledges the contribution recorded at entry {@code contribution}. */
  public Entry acknowledge(MemberId by, long contribution) {
    return submit(by, new Event.ContributionAcknowledged(contribution));
  }

  /**
   * The giver corrects the contribution at entry {@code contribution}. The correction is a new
   * entry that names the old one and needs a fresh acknowledgement.
   *
   * @return the corrected contribution's reference
   */
  public long correct(long contribution, Contribution corrected) {
    return submit(corrected.giver(), new Event.ContributionCorrected(contribution, corrected)).sequence();
  }

  /**
   * True while {@code member} is new: within the newcomer window the agreements in force set, or,
   * where they say so ({@code newcomer-until}), until members trust them ({@link Joining}).
   */
  public boolean isNewcomer(MemberId member, Instant at) {
    return read(f -> f.membership.members.containsKey(member) && Trust.isNew(f, f.membership.members.get(member), at));
  }

  /**
   * The health report now, on the collective's own clock: role, facilitation and proposal
   * concentration, unresolved dissent, newcomer inclusion, agreements past review, decisions
   * revisited. Group-level only; thresholds come from the agreements in force. Crossings are also
   * on the {@link #agenda()}.
   */
  public HealthReport health() {
    return health(clock.instant());
  }

  /** The health report as it stood, or will stand, at {@code at}; see {@link #health()}. */
  public HealthReport health(Instant at) {
    return read(f -> Health.of(f, at, witnessing, ledger.size()));
  }

  /**
   * What this collective's witnesses have cosigned, as its node learns it: shown on the health
   * report and the agenda (entries unwitnessed since when), against the agreement's {@code
   * witness-cosignatures}.
   */
  public void witnessed(Witnessing now) {
    this.witnessing = now;
  }

  /**
   * What a meeting now should take up, most urgent first, on the collective's own clock: reviews
   * due or overdue, proposals to decide, objections by age, health crossings.
   */
  public List<AgendaItem> agenda() {
    return agenda(clock.instant());
  }

  /** What a meeting at {@code at} should take up, most urgent first; see {@link #agenda()}. */
  public List<AgendaItem> agenda(Instant at) {
    return read(f -> Agenda.of(f, at, witnessing, ledger.size()));
  }

  // ---------------------------------------------------------------------------------- practices

  /** Explicit agreements, revisited: proposals, responses, decisions, acceptances, the parameters in force. */
  public Agreements agreements() {
    return agreements;
  }

  /** The responsibility map: planned by fair rotation, published, changed by hand-overs both members accept. */
  public Rotations rotations() {
    return rotations;
  }

  /** Campaign cycles: intense and rest phases, rest opt-ins, debriefs, the burnout guard. */
  public Campaigns campaigns() {
    return campaigns;
  }

  /** Restorative circles: keepers from the rotation, tensions, meetings with an equal speaking budget. */
  public Circles circles() {
    return circles;
  }

  /** Lotteries nobody can steer: announced, committed to and revealed member by member, drawn from those entries. */
  public Lotteries lotteries() {
    return lotteries;
  }

  /** Polls that choose among options: a dot vote, instant-runoff, Schulze, score voting, a time poll; open or secret. */
  public Polls polls() {
    return polls;
  }

  /** Open finances: accounts, income, expense claims with receipts, approvals, reimbursements, budgets. */
  public Finances finances() {
    return finances;
  }

  /** A way in: applications to join that answer the collective's questions, and the trust members give newcomers. */
  public Joining joining() {
    return joining;
  }

  /** Sign-up rounds: activities members take voluntarily, the fair rotation filling what nobody chose. */
  public Signups signups() {
    return signups;
  }

  /** The root at {@code height}, once the ledger reached it: the anchor a lottery's seed needs. */
  public Optional<Hash> anchorRoot(long height) {
    return height <= ledger.size() ? Optional.of(ledger.root(height)) : Optional.empty();
  }

  // ---------------------------------------------------------------------------------- exchanges

  /** The time bank: hours given and received, zero-sum, within the limits in force. */
  public TimeBank timeBank() {
    return timeBank;
  }

  /** Offers and requests inside the collective. */
  public Offers offers() {
    return offers;
  }

  /** Trade with partner collectives: credit lines, trades, clearing, the redundancy map. */
  public Trade trade() {
    return trade;
  }

  /** What the open ledger says of members, and what it does not: who recorded an entry, stewards' reading, forgetting. */
  public Privacy privacy() {
    return privacy;
  }

  /** Clearing rounds with partner collectives: proposed, answered, prepared, committed, completed or lapsed. */
  public ClearingRounds clearing() {
    return clearing;
  }

  /** The ledger's signing key: its history, a rotation, a recovery when it is lost, countersigning a partner's. */
  public LedgerKeys ledgerKeys() {
    return ledgerKeys;
  }

  /**
   * Appends, as {@code by}'s, the change of key {@code change} makes for the sequence and previous
   * leaf hash its entry will have, and from then on signs with {@code next}, starting with a
   * checkpoint of the ledger that holds the change.
   */
  Entry changeKey(MemberId by, CollectiveKey next, LedgerKeys.Change change) {
    synchronized (lock) {
      Entry e = appendKeeping(by, seq -> new Kept(change.at(seq, seq == 0 ? null : ledger.leafHash(seq - 1)), () -> {}));
      key = next;
      ledger.checkpoint(next, clock.instant());
      return e;
    }
  }

  /** The ledger's signing key in force. */
  CollectiveKey signingKey() {
    return key;
  }

  /** Mutual aid funds: public totals, sealed claims. */
  public AidFund aidFund() {
    return aidFund;
  }

  /** The tool library with its fair hold queue. */
  public ToolLibrary toolLibrary() {
    return toolLibrary;
  }

  /** Reads the fold under the collective's lock. */
  /** The private file {@code name} kept beside this collective's ledger, opened with its key. */
  Optional<byte[]> privateFile(String name) {
    return Vault.of(secret).read(privateArea, name);
  }

  /** Now, on the collective's own clock. */
  Instant now() {
    return clock.instant();
  }

  Pseudonymizer pseudonymizer() {
    return pseudonymizer;
  }

  /**
   * Runs {@code change} on the fold under the collective's lock, then folds the whole ledger again
   * from its entries, resolved as they are now: for a change to the private profiles that alters
   * what the entries resolve to (a member forgotten).
   */
  void refold(Consumer<Fold> change) {
    synchronized (lock) {
      change.accept(fold);
      Fold again = new Fold(sealedClaims, fold.secretBallots(), fold.receipts(), fold.applications());
      for (Entry e : ledger.entries(0, ledger.size())) {
        again.replay(pseudonymizer.resolve(e));
      }
      fold = again;
    }
  }

  <T> T read(Function<Fold, T> view) {
    synchronized (lock) {
      return view.apply(fold);
    }
  }

  /**
   * Signs and stores a checkpoint of the ledger as it is now.
   *
   * @throws ConflictException while the key in force is lost and not yet recovered
   */
  public SignedCheckpoint checkpoint() {
    synchronized (lock) {
      if (!key.verificationKey().equals(ledger.verificationKey())) {
        throw new ConflictException("The ledger's key in force (" + ledger.verificationKey() + ") is lost, so it signs"
            + " nothing until ledgerKeys().recover puts a new one in force.");
      }
      return ledger.checkpoint(key, clock.instant());
    }
  }

  /**
   * Declares, signed, that the ledger as it is now is the last good one and the history a partner
   * may hold beyond it was replaced on purpose ({@code kind}: truncation or restore): what an
   * operator announces after a restore, so that partners do not take it for equivocation. For a
   * {@code migration}, the last good checkpoint is the one of the ledger this one continues (see
   * {@link Migration}), which its entry 0 commits to: partners rebuild their copy from this ledger
   * and check that it continues that checkpoint.
   *
   * @throws ConflictException for a migration, if this ledger continues no other
   */
  public RepairStatement declareRepair(String kind, String reason) {
    if (!RepairStatement.KINDS.contains(kind)) {
      throw new IllegalArgumentException("a repair is a truncation, a restore or a migration, not " + kind);
    }
    if (kind.equals("migration")) {
      SignedCheckpoint continued = Migration.continued(this).orElseThrow(() -> new ConflictException("This ledger"
          + " continues no other, so there is no migration to declare: Migration.migrate writes one that does."));
      return RepairStatement.sign(continued, kind, reason, clock.instant(), key);
    }
    synchronized (lock) {
      return RepairStatement.sign(ledger.checkpoint(key, clock.instant()), kind, reason, clock.instant(), key);
    }
  }

  /**
   * This collective, as a witness, countersigns a partner's checkpoint its mirror has verified
   * (consistent with every earlier one it saw); {@code witness} is the name it signs under (its
   * actor URL). Signed with this collective's key, the one its entry 0 publishes.
   */
  public Cosignature cosign(SignedCheckpoint partnerCheckpoint, String witness) {
    return Cosignature.sign(partnerCheckpoint, witness, key, clock.instant());
  }

  /**
   * Calls {@code listener} with each new entry once it is durable, on the thread that submitted it.
   * A listener that throws is logged (ERROR) and the command still returns its entry: it was recorded.
   */
  public void onEntry(Consumer<Entry> listener) {
    listeners.add(listener);
  }

  // ---------------------------------------------------------------------------------- views

  public CollectiveId id() {
    return fold.id();
  }

  public String name() {
    return fold.name();
  }

  /** The ledger underneath: size, root, entries, proofs and checkpoints. */
  public Ledger ledger() {
    return ledger;
  }

  public Optional<Member> member(MemberId id) {
    return read(f -> Optional.ofNullable(f.membership.members.get(id)));
  }

  /** Current members, in alphabetical order of their ids. */
  public List<Member> members() {
    return read(f -> f.membership.members.values().stream().filter(Member::active)
        .sorted(Comparator.comparing(Member::id)).toList());
  }

  public Optional<ContributionRecord> contribution(long entry) {
    return read(f -> Optional.ofNullable(f.membership.contributions.get(entry)));
  }

  /** Contributions still waiting for their receiver, oldest first. */
  public List<ContributionRecord> pending() {
    return read(f -> f.membership.contributions.values().stream().filter(c -> c.status() == Status.PENDING)
        .sorted(Comparator.comparingLong(ContributionRecord::entry)).toList());
  }

  /** What was given and received, by kind and unit, for contributions recorded in {@code [from, until)}. */
  public ContributionTotals totals(Instant from, Instant until) {
    checkArgument(!until.isBefore(from), "a period that ends (%s) before it starts (%s)", until, from);
    return read(f -> WallViews.totals(f, from, until));
  }

  /** Totals per calendar month in {@code zone}, for every month with a counted contribution. */
  public SortedMap<YearMonth, ContributionTotals> monthlyTotals(ZoneId zone) {
    return read(f -> WallViews.monthlyTotals(f, zone));
  }

  /** A member's own history: what they gave and received, in ledger order, corrections included. */
  public List<ContributionRecord> history(MemberId member) {
    return read(f -> f.membership.contributions.values().stream()
        .filter(c -> c.contribution().giver().equals(member) || member.equals(c.contribution().receiver()))
        .sorted(Comparator.comparingLong(ContributionRecord::entry)).toList());
  }

  /**
   * The public feed, newest first, at most {@code limit} items, worded with each member's current
   * choice of appearance. Contributions from members who appear only in aggregates are left out;
   * such a receiver is shown as "a member".
   */
  public List<FeedItem> publicFeed(int limit) {
    checkArgument(limit >= 0, "limit < 0: %s", limit);
    return read(f -> WallViews.feed(f, limit));
  }

  /** An immutable snapshot of the whole state (copies it: O(size)). */
  public CollectiveState state() {
    return read(Fold::snapshot);
  }
}
