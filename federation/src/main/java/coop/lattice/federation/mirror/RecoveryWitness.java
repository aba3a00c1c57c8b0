package coop.lattice.federation.mirror;

import coop.lattice.ledger.Checkpoint;
import coop.lattice.ledger.KeyHistory;
import coop.lattice.ledger.RecoveryRequest;
import coop.lattice.ledger.SignedCheckpoint;
import java.util.Map;

/**
 * Whether this node's copy of a partner's ledger lets a hosted collective countersign the partner's
 * {@link RecoveryRequest} (its lost ledger key replaced by a new one): the copy must be of that
 * collective, unflagged, with the basis signed by the key in force and at the root the copy holds
 * at that size; and the node must never have seen that key sign a newer checkpoint (then the key is
 * not lost, or someone else holds it). A copy that holds fewer entries than the basis pulls first.
 */
public final class RecoveryWitness {
  /** What to do with a request. */
  public enum Verdict {
    /** The copy holds the ledger up to the basis as the request says: countersign. */
    COUNTERSIGN,
    /** The copy holds fewer entries than the basis: pull, then ask again. */
    PULL_FIRST,
    /** The request does not fit what the node holds of the partner's ledger: refuse, saying why. */
    REFUSE
  }

  /** A verdict, and why. */
  public record Answer(Verdict verdict, String why) {}

  private final Map<String, MirrorCopy> copies;
  private final Flags flags;

  RecoveryWitness(Map<String, MirrorCopy> copies, Flags flags) {
    this.copies = copies;
    this.flags = flags;
  }

  /** What this node's copy of {@code actor}'s ledger says of {@code request}, which {@code actor} sent. */
  public Answer check(String actor, RecoveryRequest request) {
    MirrorCopy c = copies.get(actor);
    KeyHistory keys = c == null ? null : c.keys;
    if (keys == null) {
      return refuse("this node holds no copy of " + actor + "'s ledger: only partners that mirror it countersign");
    }
    if (flags.why(actor).isPresent()) {
      return refuse(actor + " is flagged here: " + flags.why(actor).get());
    }
    SignedCheckpoint basis = request.basis();
    Checkpoint b = basis.checkpoint();
    if (c.collective != null && !c.collective.equals(b.collective())) {
      return refuse("the basis is a checkpoint of " + b.collective() + ", and " + actor + " is " + c.collective);
    }
    synchronized (c) {
      if (c.tree.size() < b.size()) { // it may also not know yet the key that signed the basis
        return new Answer(Verdict.PULL_FIRST, "the copy holds " + c.tree.size() + " entries of the basis's " + b.size());
      }
    }
    if (!keys.verifies(basis) || !keys.at(b.size()).orElseThrow().equals(keys.current())) {
      return refuse("the basis is not signed by the key " + actor + "'s ledger has in force here (" + keys.current()
          + ")");
    }
    for (SignedCheckpoint seen : c.checkpoints.values()) {
      if (seen.checkpoint().size() > b.size() && keys.verifies(seen)) {
        return refuse("the key " + actor + " says it lost signed a checkpoint of " + seen.checkpoint().size()
            + " entries, newer than the basis (" + b.size() + "): the key is not lost, or someone else holds it");
      }
    }
    synchronized (c) {
      if (!c.tree.root(b.size()).equals(b.root())) {
        return refuse("the basis contradicts the ledger of " + actor + " this node holds at " + b.size() + " entries");
      }
    }
    return new Answer(Verdict.COUNTERSIGN, "the copy holds the ledger up to the basis");
  }

  private static Answer refuse(String why) {
    return new Answer(Verdict.REFUSE, why);
  }
}
