package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.MemberIds;
import coop.lattice.ledger.PreparingVisitor;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The boundary between what the collective knows and what its open ledger says: a command goes
 * out with every member as their handle or tag and every appearance as its seal ({@link
 * #publish}); an entry comes back as the command it was, with the app's ids and the appearances
 * from the private {@link Profiles} ({@link #resolve}). The collective checks and folds commands;
 * the ledger, its followers and partners' mirrors only ever see what {@code publish} made.
 */
final class Pseudonymizer {
  /** An entry's author and event as the open ledger records them. */
  record Published(MemberId author, Event event) {}

  private final Profiles profiles;

  Pseudonymizer(Profiles profiles) {
    this.profiles = profiles;
  }

  Profiles profiles() {
    return profiles;
  }

  /** Keeps what the profiles must know before {@code event} is recorded (who joins, how they appear), durably. */
  void before(Event event) {
    if (event instanceof Event.MemberJoined j && j.appearance() != null) {
      profiles.admit(j.member(), j.appearance());
    } else if (event instanceof Event.AppearanceChanged a && a.appearance() != null) {
      profiles.change(a.member(), a.appearance());
    }
  }

  /** What the ledger records for {@code author}'s {@code event} at {@code sequence}. */
  Published publish(MemberId author, Event event, long sequence) {
    Event sealed = event;
    if (event instanceof Event.MemberJoined j && j.appearance() != null) {
      sealed = new Event.MemberJoined(j.member(), null, profiles.pseudonyms().seal(j.appearance(), sequence));
    } else if (event instanceof Event.AppearanceChanged a && a.appearance() != null) {
      sealed = new Event.AppearanceChanged(a.member(), null, profiles.pseudonyms().seal(a.appearance(), sequence));
    }
    return new Published(profiles.onLedger(author, sequence),
        MemberIds.map(sealed, m -> profiles.onLedger(m, sequence)));
  }

  /**
   * The command {@code recorded} was: the app's ids for handles and tags, appearances from the
   * profiles for seals. An entry from before seals teaches the profiles the appearance it carries.
   */
  Entry resolve(Entry recorded) {
    return appearances(members(recorded));
  }

  /**
   * Replays a ledger's entries as their commands into {@code fold} while the ledger opens: the
   * members of each entry are resolved ahead, on the threads that decode the entries (they need
   * only the profiles, which nothing changes while a ledger in today's format opens); an entry
   * whose turn comes after the profiles changed (learning from a ledger from before seals) is
   * resolved again in its turn. The appearances are taken in order.
   */
  PreparingVisitor<Entry> replayInto(Fold fold) {
    long unchanged = profiles.changes();
    return new PreparingVisitor<>() {
      @Override
      public Entry prepare(Entry recorded) {
        return members(recorded);
      }

      @Override
      public void visit(Entry recorded, Entry members) {
        fold.replay(appearances(profiles.changes() == unchanged ? members : members(recorded)));
      }
    };
  }

  /** {@code recorded} with the app's ids for its handles and tags: reads the profiles, changes nothing. */
  private Entry members(Entry recorded) {
    long sequence = recorded.sequence();
    Resolved once = new Resolved(sequence);
    MemberId author = once.apply(recorded.author());
    Event event = MemberIds.map(recorded.event(), once);
    if (author.equals(recorded.author()) && event == recorded.event()) {
      return recorded;
    }
    return new Entry(sequence, recorded.time(), recorded.collective(), author, event, recorded.previous());
  }

  /** {@code entry} with the appearance of a member who joins or changes how they appear, from the profiles or the entry. */
  private Entry appearances(Entry entry) {
    Event event = entry.event();
    if (event instanceof Event.MemberJoined j) {
      event = new Event.MemberJoined(j.member(), appearance(j.member(), j.appearance()));
    } else if (event instanceof Event.AppearanceChanged a) {
      event = new Event.AppearanceChanged(a.member(), appearance(a.member(), a.appearance()));
    } else {
      return entry;
    }
    return new Entry(entry.sequence(), entry.time(), entry.collective(), entry.author(), event, entry.previous());
  }

  /** The members of one entry, each resolved once: an author is often also its event's giver or receiver. */
  private final class Resolved implements UnaryOperator<MemberId> {
    private final long sequence;
    private @Nullable MemberId lastRecorded;
    private @Nullable MemberId lastResolved;

    Resolved(long sequence) {
      this.sequence = sequence;
    }

    @Override
    public MemberId apply(MemberId recorded) {
      if (!recorded.equals(lastRecorded)) {
        lastResolved = profiles.resolve(recorded, sequence);
        lastRecorded = recorded;
      }
      return Objects.requireNonNull(lastResolved);
    }
  }

  private Appearance appearance(MemberId member, @Nullable Appearance onLedger) {
    if (onLedger != null) {
      profiles.learn(member, onLedger);
      return onLedger;
    }
    return profiles.get(member).map(Profiles.Profile::appearance).orElse(Appearance.onlyInAggregates());
  }
}
