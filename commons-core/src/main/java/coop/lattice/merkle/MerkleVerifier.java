package coop.lattice.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * RFC 9162 proof verification over raw bytes, for proofs that arrive from elsewhere.
 *
 * <p>Fails closed: any malformed input (a hash that is not 32 bytes, an index outside the tree,
 * a proof of the wrong length, sizes out of order) is simply "not valid". It passes every case in
 * the transparency-dev/merkle test vectors.
 */
public final class MerkleVerifier {
  private MerkleVerifier() {}

  /** RFC 9162 section 2.1.3.2. */
  public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, byte[] root, List<byte[]> proof) {
    if (leafIndex < 0 || leafIndex >= treeSize || !is32(leafHash) || !is32(root)) {
      return false;
    }
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0 || !is32(p)) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = Hashing.node(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = Hashing.node(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /** RFC 9162 section 2.1.4.2, with the edge cases of the transparency-dev vectors. */
  public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
    if (size1 <= 0 || size2 < size1) {
      return false; // a consistency check from the empty tree proves nothing
    }
    if (size1 == size2) {
      return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
    }
    if (proof.isEmpty() || !is32(root1) || !is32(root2)) {
      return false;
    }
    for (byte[] p : proof) {
      if (!is32(p)) {
        return false;
      }
    }
    int i = 0;
    byte[] first;
    if (Long.bitCount(size1) == 1) {
      first = root1; // size1 is a complete subtree: its root is the implicit first element
    } else {
      first = proof.get(i++);
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = first;
    byte[] sr = first;
    for (; i < proof.size(); i++) {
      byte[] c = proof.get(i);
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = Hashing.node(c, fr);
        sr = Hashing.node(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = Hashing.node(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
  }

  private static boolean is32(byte[] b) {
    return b.length == Hash.SIZE;
  }
}
