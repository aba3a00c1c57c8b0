package coop.lattice.merkle;

import java.util.List;

/**
 * Proof that the tree of {@code size1} leaves is a prefix of the tree of {@code size2} leaves:
 * nothing that was in the older tree has changed (RFC 9162 section 2.1.4).
 *
 * <p>This is what a collective's peers ask for when they hold an older signed checkpoint: a
 * ledger that rewrote its history cannot produce one.
 */
public record ConsistencyProof(long size1, long size2, List<Hash> path) {
  public ConsistencyProof {
    path = List.copyOf(path);
  }

  /** True exactly when {@code root1} at {@link #size1} is a prefix of {@code root2} at {@link #size2}. */
  public boolean verify(Hash root1, Hash root2) {
    return MerkleVerifier.verifyConsistency(size1, size2, root1.bytes, root2.bytes, InclusionProof.raw(path));
  }
}
