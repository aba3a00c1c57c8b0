package coop.lattice.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Proof that one leaf is in a tree of a given size: the RFC 9162 audit path, ordered from the
 * leaf up.
 *
 * @param leafIndex index of the leaf
 * @param treeSize size of the tree the proof is for
 * @param path the sibling hashes from the leaf to the root
 */
public record InclusionProof(long leafIndex, long treeSize, List<Hash> path) {
  public InclusionProof {
    path = List.copyOf(path);
  }

  /** True exactly when the proof shows {@code leafHash} at {@link #leafIndex} under {@code root}. */
  public boolean verify(Hash leafHash, Hash root) {
    return MerkleVerifier.verifyInclusion(leafIndex, treeSize, leafHash.bytes, root.bytes, raw(path));
  }

  static List<Hash> wrapAll(List<byte[]> hashes) {
    List<Hash> out = new ArrayList<>(hashes.size());
    for (byte[] h : hashes) {
      out.add(Hash.wrap(h));
    }
    return out;
  }

  static List<byte[]> raw(List<Hash> hashes) {
    List<byte[]> out = new ArrayList<>(hashes.size());
    for (Hash h : hashes) {
      out.add(h.bytes);
    }
    return out;
  }
}
