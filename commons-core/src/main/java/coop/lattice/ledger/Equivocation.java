package coop.lattice.ledger;

import coop.lattice.merkle.ConsistencyProof;
import coop.lattice.merkle.Hash;
import coop.lattice.merkle.MerkleTree;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Proof, checkable by anyone who knows a collective's key, that it signed two checkpoints no single
 * append-only ledger has: two of one size with different roots, or an earlier one (size m, root r)
 * and a later one (size n) whose ledger had, at size m, another root. For the second kind the
 * proof carries that root ({@code laterRootAtEarlierSize}) and the consistency proof (RFC 9162)
 * from it to the later checkpoint's root, computed from the entries the collective served: it
 * verifies, so the later ledger's first m entries hash to that root, and it differs from r, which
 * the collective also signed for its first m entries. Both signatures are checked with one key.
 *
 * <p>A node that finds one keeps it as evidence, flags the collective and passes it on; a node
 * that receives it verifies it before believing it.
 *
 * @param earlier the checkpoint of the smaller (or equal) size
 * @param later the other checkpoint
 * @param laterRootAtEarlierSize the root the later ledger had at the earlier size; null when the sizes are equal
 * @param path the consistency proof from that root to the later root; empty when the sizes are equal
 */
public record Equivocation(SignedCheckpoint earlier, SignedCheckpoint later, @Nullable Hash laterRootAtEarlierSize,
    List<Hash> path) {

  public Equivocation {
    path = List.copyOf(path);
  }

  /** Two checkpoints of one size with different roots. */
  public static Equivocation ofSameSize(SignedCheckpoint a, SignedCheckpoint b) {
    return new Equivocation(a, b, null, List.of());
  }

  /**
   * From {@code earlier} and {@code later} (signed by one collective) and {@code laterTree}, the
   * Merkle tree of the entries served under {@code later}: the proof, if they disagree.
   */
  public static @Nullable Equivocation between(SignedCheckpoint earlier, SignedCheckpoint later, MerkleTree laterTree) {
    long m = earlier.checkpoint().size();
    long n = later.checkpoint().size();
    if (m > n || laterTree.size() < n || !laterTree.root(n).equals(later.checkpoint().root())) {
      return null; // not an ordered pair, or the tree is not the later ledger
    }
    if (m == n) {
      return earlier.checkpoint().root().equals(later.checkpoint().root()) ? null : ofSameSize(earlier, later);
    }
    Hash atM = laterTree.root(m);
    if (atM.equals(earlier.checkpoint().root())) {
      return null; // consistent
    }
    return new Equivocation(earlier, later, atM, laterTree.consistencyProof(m, n).path());
  }

  /** True exactly when this proves that the collective whose key is {@code key} equivocated. */
  public boolean verify(VerificationKey key) {
    return earlier.verify(key) && later.verify(key) && shows();
  }

  /**
   * True exactly when this proves that the collective whose ledger's keys are {@code keys}
   * equivocated: each checkpoint signed by the key of its size.
   */
  public boolean verify(KeyHistory keys) {
    return keys.verifies(earlier) && keys.verifies(later) && shows();
  }

  /** Whether the two checkpoints, taken as signed, cannot both be of one ledger. */
  private boolean shows() {
    Checkpoint a = earlier.checkpoint();
    Checkpoint b = later.checkpoint();
    if (!a.collective().equals(b.collective())) {
      return false;
    }
    if (a.size() == b.size()) {
      return laterRootAtEarlierSize == null && !a.root().equals(b.root());
    }
    if (a.size() > b.size() || laterRootAtEarlierSize == null || laterRootAtEarlierSize.equals(a.root())) {
      return false;
    }
    return new ConsistencyProof(a.size(), b.size(), path).verify(laterRootAtEarlierSize, b.root());
  }

  /** The canonical JSON form, as kept and as sent to other nodes. */
  public byte[] toBytes() {
    return EntryCodec.encode(this);
  }

  /** Parses what {@link #toBytes()} wrote; throws {@link IllegalArgumentException} on anything else. */
  public static Equivocation parse(byte[] bytes) {
    return EntryCodec.decode(bytes, Equivocation.class);
  }
}
