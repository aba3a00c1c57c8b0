package coop.lattice.federation.mirror;

import coop.lattice.CollectiveId;
import coop.lattice.collective.Replica;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.InvalidKeyChangeException;
import coop.lattice.ledger.KeyEvents;
import coop.lattice.ledger.KeyHistory;
import coop.lattice.merkle.MerkleTree;
import coop.lattice.store.LedgerStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A partner's ledger as a node's {@link LedgerMirror} holds it: its state folded, its Merkle tree,
 * and its entries' bytes ({@link MirrorFiles}), which grow together ({@link #append}).
 */
final class MirrorCopy {
  final Replica replica = new Replica();
  final MerkleTree tree = new MerkleTree();
  /** The entries' canonical bytes, in order. */
  final LedgerStore entries;
  /** Each signed checkpoint seen, by size (the first of each size). */
  final Map<Long, SignedCheckpoint> checkpoints = new ConcurrentHashMap<>();
  /** The last good checkpoint of a repair this copy was rebuilt after; the ledger must extend it. */
  volatile @Nullable SignedCheckpoint repairedFrom;
  /**
   * The last checkpoint of the ledger a declared migration replaced; the new ledger's entry 0
   * must commit to it ({@code CollectiveFounded.continues}) instead of extending it.
   */
  volatile @Nullable SignedCheckpoint migratedFrom;
  /** When that repair was declared: proofs about the history it replaced are explained by it. */
  volatile @Nullable Instant repairedAt;
  /** The latest checkpoint the copy was verified against; null before the first. */
  volatile @Nullable SignedCheckpoint verified;
  /**
   * The keys of the partner's ledger, derived from the entries the copy holds ({@link
   * KeyHistory#after}): entry 0's, then each one a rotation or a recovery put in force. Null until
   * the first pull read entry 0.
   */
  volatile @Nullable KeyHistory keys;
  /** The partner's collective, from its entry 0; null until the first pull read it. */
  volatile @Nullable CollectiveId collective;
  /** The largest size of a verified checkpoint of the partner's. */
  volatile long latest;

  /** Whether the node knows a collective that countersigned a recovery of the partner's key ({@link RecoveryVouching}). */
  private final Predicate<KeyEvents.KeyRecovered> vouched;

  /** A copy that keeps its entries in memory and takes any recovery whose countersignatures verify (for tests). */
  MirrorCopy() {
    this(LedgerStore.inMemory(), recovery -> true);
  }

  MirrorCopy(LedgerStore entries, Predicate<KeyEvents.KeyRecovered> vouched) {
    this.entries = entries;
    this.vouched = vouched;
  }

  /**
   * Takes the next entry, {@code e}, whose canonical bytes are {@code bytes}: folds it (which may
   * refuse it, changing nothing), then adds it to the tree and the stored entries. The caller holds
   * the copy's lock and has checked its place and link.
   */
  void append(Entry e, byte[] bytes) {
    if (e.event() instanceof KeyEvents.KeyRecovered r && !vouched.test(r)) {
      throw new InvalidKeyChangeException("Entry " + e.sequence() + " recovers the ledger key with countersignatures of"
          + " no collective this node hosts or mirrors: the copy stops before it. Mirror one of the partners that"
          + " countersigned, or ask the collective's people.");
    }
    take(e, bytes);
    entries.append(List.of(bytes));
  }

  /**
   * Folds {@code e} and adds it to the tree, as {@link #append} does, without storing it: it is
   * stored already, the copy is read back, and a recovery in it was vouched for when it was
   * appended. A change of key must be signed as it must be ({@link KeyHistory#after}); then the
   * copy's keys follow it, and a checkpoint seen that the new keys do not verify (signed beyond its
   * sizes by a retired or lost key) is forgotten.
   */
  void take(Entry e, byte[] bytes) {
    KeyHistory k = keys;
    KeyHistory next = k == null ? null : k.after(e, tree::root);
    replica.apply(e);
    tree.append(bytes);
    keys = next;
    if (next != null && next != k) {
      checkpoints.values().removeIf(cp -> !next.verifies(cp));
    }
  }

  /** Entries this copy lacks of the latest checkpoint seen. */
  long lag() {
    return Math.max(0, latest - replica.size());
  }

  /**
   * A checkpoint seen of the partner (pushed, pulled, or remembered across a restart) that the
   * copy's ledger contradicts: its entries up to that size hash to another root. Null if none.
   */
  @Nullable SignedCheckpoint contradicted() {
    KeyHistory k = keys;
    for (SignedCheckpoint seen : checkpoints.values()) {
      long m = seen.checkpoint().size();
      if (m <= tree.size() && !tree.root(m).equals(seen.checkpoint().root()) && (k == null || k.verifies(seen))) {
        return seen;
      }
    }
    return null;
  }
}
