package coop.lattice.collective;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.LedgerDamagedException;
import coop.lattice.collective.ContributionRecord.Status;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveId;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.ContributionKind;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.MemberId;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.ledger.Unit;
import coop.lattice.store.LedgerStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A collective: its members, their contributions, and the open ledger underneath.
 *
 * <p>Every change is a command that the collective checks against its current state and rules; an
 * accepted command becomes one ledger entry, a rejected one throws a {@link
 * coop.lattice.RejectedCommandException} subclass whose message says what was wrong and changes
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
 * {@snippet :
 * Collective coop = Collective.found(CollectiveId.of("riverside-food-coop"), "Riverside Food Co-op",
 *     MemberId.of("ana"), Appearance.byName("Ana"), LedgerStore.fileJournal(dir), key, Clock.systemUTC());
 * coop.admit(MemberId.of("ana"), MemberId.of("bo"), Appearance.pseudonym("bo-the-baker"));
 * long ref = coop.record(Contribution.toCollective(MemberId.of("bo"), ContributionKind.FOOD,
 *     Quantity.kilograms("12.5")).servedFor("Thursday pantry"));
 * coop.acknowledge(MemberId.of("ana"), ref);
 * }
 */
public final class Collective {
  private final Ledger ledger;
  private final CollectiveKey key;
  private final Clock clock;
  private final Fold fold;
  private final Object lock = new Object();
  private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();

  private Collective(Ledger ledger, CollectiveKey key, Clock clock, Fold fold) {
    this.ledger = ledger;
    this.key = key;
    this.clock = clock;
    this.fold = fold;
  }

  /**
   * Founds a new collective in an empty {@code store}: entry 0 records its name and public key,
   * entry 1 the founder joining.
   */
  public static Collective found(CollectiveId id, String name, MemberId founder, Appearance appearance,
      LedgerStore store, CollectiveKey key, Clock clock) {
    Ledger ledger = Ledger.create(store, id, key.verificationKey());
    Collective c = new Collective(ledger, key, clock, new Fold());
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
    Fold fold = new Fold();
    Ledger ledger = Ledger.open(store, key.verificationKey(), e -> {
      fold.check(e.author(), e.event());
      fold.apply(e);
    });
    Optional<LedgerStore.Damage> damage = ledger.damage();
    if (damage.isPresent()) {
      throw new LedgerDamagedException(damage.get().firstBadIndex(), "the ledger in " + store
          + " failed verification at entry " + damage.get().firstBadIndex() + ": " + damage.get().reason());
    }
    checkArgument(ledger.size() > 0, "the store is empty: found a collective first");
    return new Collective(ledger, key, clock, fold);
  }

  // ---------------------------------------------------------------------------------- commands

  /**
   * The one path in: checks {@code event} as a command by {@code author}, appends it, waits until
   * it is durable, and tells the listeners.
   *
   * @throws coop.lattice.RejectedCommandException if it breaks a rule; nothing is appended
   */
  public Entry submit(MemberId author, Event event) {
    Entry entry;
    synchronized (lock) {
      fold.check(author, event);
      entry = ledger.append(clock.instant(), author, event);
      fold.apply(entry);
    }
    ledger.sync(); // outside the lock: concurrent commands share one flush
    for (Consumer<Entry> l : listeners) {
      l.accept(entry);
    }
    return entry;
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

  /** Signs and stores a checkpoint of the ledger as it is now. */
  public SignedCheckpoint checkpoint() {
    synchronized (lock) {
      return ledger.checkpoint(key, clock.instant());
    }
  }

  /** Calls {@code listener} with each new entry once it is durable, on the thread that submitted it. */
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
    synchronized (lock) {
      return Optional.ofNullable(fold.members.get(id));
    }
  }

  /** Current members, in alphabetical order of their ids. */
  public List<Member> members() {
    synchronized (lock) {
      return fold.members.values().stream().filter(Member::active)
          .sorted(Comparator.comparing(Member::id)).toList();
    }
  }

  public Optional<ContributionRecord> contribution(long entry) {
    synchronized (lock) {
      return Optional.ofNullable(fold.contributions.get(entry));
    }
  }

  /** Contributions still waiting for their receiver, oldest first. */
  public List<ContributionRecord> pending() {
    synchronized (lock) {
      return fold.contributions.values().stream().filter(c -> c.status() == Status.PENDING)
          .sorted(Comparator.comparingLong(ContributionRecord::entry)).toList();
    }
  }

  /** What was given and received, by kind and unit, for contributions recorded in {@code [from, until)}. */
  public ContributionTotals totals(Instant from, Instant until) {
    checkArgument(!until.isBefore(from), "a period that ends (%s) before it starts (%s)", until, from);
    Map<ContributionKind, Map<Unit, BigDecimal>> sums = new HashMap<>();
    long n = 0;
    synchronized (lock) {
      for (ContributionRecord c : fold.contributions.values()) {
        if (c.counts() && !c.recorded().isBefore(from) && c.recorded().isBefore(until)) {
          add(sums, c);
          n++;
        }
      }
    }
    return new ContributionTotals(sums, n);
  }

  /** Totals per calendar month in {@code zone}, for every month with a counted contribution. */
  public SortedMap<YearMonth, ContributionTotals> monthlyTotals(ZoneId zone) {
    Map<YearMonth, Map<ContributionKind, Map<Unit, BigDecimal>>> sums = new HashMap<>();
    Map<YearMonth, Long> counts = new HashMap<>();
    synchronized (lock) {
      for (ContributionRecord c : fold.contributions.values()) {
        if (c.counts()) {
          YearMonth m = YearMonth.from(c.recorded().atZone(zone));
          add(sums.computeIfAbsent(m, k -> new HashMap<>()), c);
          counts.merge(m, 1L, Long::sum);
        }
      }
    }
    SortedMap<YearMonth, ContributionTotals> out = new TreeMap<>();
    sums.forEach((m, s) -> out.put(m, new ContributionTotals(s, counts.get(m))));
    return java.util.Collections.unmodifiableSortedMap(out);
  }

  private static void add(Map<ContributionKind, Map<Unit, BigDecimal>> sums, ContributionRecord c) {
    sums.computeIfAbsent(c.contribution().kind(), k -> new EnumMap<>(Unit.class))
        .merge(c.contribution().quantity().unit(), c.contribution().quantity().amount(), BigDecimal::add);
  }

  /** A member's own history: what they gave and received, in ledger order, corrections included. */
  public List<ContributionRecord> history(MemberId member) {
    synchronized (lock) {
      return fold.contributions.values().stream()
          .filter(c -> c.contribution().giver().equals(member) || member.equals(c.contribution().receiver()))
          .sorted(Comparator.comparingLong(ContributionRecord::entry)).toList();
    }
  }

  /**
   * The public feed, newest first, at most {@code limit} items, worded with each member's current
   * choice of appearance. Contributions from members who appear only in aggregates are left out;
   * such a receiver is shown as "a member".
   */
  public List<FeedItem> publicFeed(int limit) {
    checkArgument(limit >= 0, "limit < 0: %s", limit);
    List<FeedItem> out = new ArrayList<>();
    synchronized (lock) {
      List<ContributionRecord> live = fold.contributions.values().stream()
          .filter(c -> c.status() != Status.CORRECTED)
          .sorted(Comparator.comparingLong(ContributionRecord::entry).reversed()).toList();
      for (ContributionRecord c : live) {
        if (out.size() == limit) {
          break;
        }
        Contribution what = c.contribution();
        Appearance giver = fold.members.get(what.giver()).appearance();
        if (giver.mode() == Appearance.Mode.AGGREGATES_ONLY) {
          continue;
        }
        String receiver = what.receiver() == null ? "the collective" : shown(fold.members.get(what.receiver()).appearance());
        out.add(new FeedItem(c.entry(), c.recorded(), shown(giver), receiver, what.kind(), what.quantity(),
            what.servedFor(), c.counts()));
      }
    }
    return List.copyOf(out);
  }

  private static String shown(Appearance a) {
    return a.mode() == Appearance.Mode.AGGREGATES_ONLY ? "a member" : java.util.Objects.requireNonNull(a.shownAs());
  }

  /** An immutable snapshot of the whole state (copies it: O(size)). */
  public CollectiveState state() {
    synchronized (lock) {
      return fold.snapshot();
    }
  }
}
