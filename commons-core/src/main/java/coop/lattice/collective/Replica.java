package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.MissingStepException;
import coop.lattice.RejectedCommandException;
import coop.lattice.agreement.Parameters;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Ledger;
import java.time.Instant;
import java.util.List;

/**
 * A read-only copy of a collective's state, folded from its entries as they arrive: what a
 * partner keeps of a collective whose ledger it mirrors, or an auditor of a copy of a ledger.
 * Each entry must come next in sequence and pass the same rules the collective applied when it
 * was a command, so a replica cannot be talked into a state the collective itself would refuse.
 *
 * <p>A replica knows members as the open ledger names them: by handle, each appearing only in
 * aggregates (the ledger holds only seals of appearances), and a member who appears only in
 * aggregates by a different tag in every entry. An entry naming someone it cannot place (a tag,
 * or a handle it never saw join) is folded without the rules that need to know who they are; see
 * {@code docs/privacy.md} for what a replica can and cannot check. An entry a newer version of
 * Lattice wrote is held but not folded ({@link #unread()}).
 *
 * <p>It folds; it does not verify bytes. Check an entry's inclusion in a signed checkpoint (see
 * {@link coop.lattice.ledger.Ledger#verifyInclusion}) before handing it over. Not thread-safe.
 */
public final class Replica {
  private final Fold fold = new Fold();

  public Replica() {}

  /** A replica of every entry of {@code ledger}: what a partner's mirror of that ledger holds. */
  public static Replica of(Ledger ledger) {
    Replica r = new Replica();
    for (Entry e : ledger.entries(0, ledger.size())) {
      r.apply(e);
    }
    return r;
  }

  /** The parameters the collective's agreements in force set at {@code at}, as its ledger says so far. */
  public Parameters parameters(Instant at) {
    return fold.governance.parameters(at);
  }

  /**
   * Folds the next entry.
   *
   * @throws MissingStepException if entries before it have not been applied
   * @throws ConflictException if the replica already holds an entry at its place
   * @throws RejectedCommandException if it breaks another rule; the replica is unchanged
   */
  public void apply(Entry e) {
    if (e.sequence() != fold.size()) {
      String message = "Entry " + e.sequence() + " arrived, but the replica holds " + fold.size()
          + " entries: hand entries over in order, starting at entry " + fold.size() + ".";
      throw e.sequence() > fold.size() ? new MissingStepException(message) : new ConflictException(message);
    }
    fold.replay(e);
  }

  /**
   * An entry a newer version of Lattice wrote, which this copy holds verified (bytes, hash,
   * signature, place) but could not fold: its event's type and its format ({@code EntryFormat}).
   */
  public record Unread(long entry, String type, int format) {}

  /**
   * The entries it holds but could not fold, in ledger order: events of a format newer than this
   * version reads. The state leaves them out; nothing else about the copy is in doubt, and the
   * partner is neither refused nor flagged for them.
   */
  public List<Unread> unread() {
    return List.copyOf(fold.unread);
  }

  /** How many entries it holds, folded or {@linkplain #unread() unread}. */
  public long size() {
    return fold.size();
  }

  /**
   * The state the entries add up to: the same exchanges, balances, agreements and records as the
   * collective's own {@link Collective#state()} at the same size, with members as the ledger names them.
   */
  public CollectiveState state() {
    return fold.snapshot();
  }
}
