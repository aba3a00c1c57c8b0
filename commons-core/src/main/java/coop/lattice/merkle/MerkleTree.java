package coop.lattice.merkle;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An append-only RFC 9162 Merkle tree: roots at any size, inclusion proofs and consistency
 * proofs between any two sizes.
 *
 * <p>Leaves are hashed as {@code SHA-256(0x00 || data)} and nodes as {@code SHA-256(0x01 || left
 * || right)}. The tree keeps every complete subtree's hash in flat arrays (about 64 bytes per
 * leaf), so a root or a proof at any size costs O(log n) hash lookups plus at most O(log n)
 * hashes along the right edge.
 *
 * <p>Thread safety: one thread appends; any number of threads may read roots and proofs for
 * sizes up to {@link #size()} concurrently with it.
 *
 * <pre>{@code
 * MerkleTree tree = new MerkleTree();
 * tree.append("first".getBytes(UTF_8));
 * tree.append("second".getBytes(UTF_8));
 * InclusionProof proof = tree.inclusionProof(0, 2);
 * boolean ok = proof.verify(MerkleTree.leafHash("first".getBytes(UTF_8)), tree.root());
 * }</pre>
 */
public final class MerkleTree {
  // 8,192 hashes = 256 KiB per chunk: under G1's humongous threshold, so chunks pack regions fully.
  private static final int CHUNK_BITS = 13;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final Hash EMPTY_ROOT = Hash.sha256(new byte[0]);

  /** levels.get(k) holds the hashes of the complete subtrees of 2^k leaves, left to right. */
  private final List<Level> levels = new ArrayList<>();
  private volatile long size;

  public MerkleTree() {
    levels.add(new Level());
  }

  /** RFC 9162 leaf hash of {@code data}: {@code SHA-256(0x00 || data)}. */
  public static Hash leafHash(byte[] data) {
    return Hash.wrap(Hashing.leaf(data, 0, data.length));
  }

  /** The leaf hash of bytes {@code off..off + len} of {@code data}, as {@link #leafHash(byte[])} of a copy of them. */
  public static Hash leafHash(byte[] data, int off, int len) {
    return Hash.wrap(Hashing.leaf(data, off, len));
  }

  /** The root of the empty tree: SHA-256 of the empty string. */
  public static Hash emptyRoot() {
    return EMPTY_ROOT;
  }

  public long size() {
    return size;
  }

  /** Appends a leaf with the given data and returns its leaf hash. */
  public Hash append(byte[] data) {
    Hash h = leafHash(data);
    appendLeafHash(h);
    return h;
  }

  /** Appends a leaf whose leaf hash was computed elsewhere (for example while reading a journal). */
  public void appendLeafHash(Hash leafHash) {
    long n = size;
    levels.get(0).set(n, leafHash.bytes, 0);
    // Complete every subtree that this leaf closes: while the node is a right child, hash it with
    // its left sibling into the level above.
    long index = n;
    int level = 0;
    while ((index & 1) == 1) {
      Level here = levels.get(level);
      if (levels.size() == level + 1) {
        levels.add(new Level());
      }
      Level up = levels.get(level + 1);
      long parent = index >>> 1;
      up.setNode(parent, here, index - 1, index);
      index = parent;
      level++;
    }
    size = n + 1;
  }

  /** The leaf hash at {@code index}. */
  public Hash leafHashAt(long index) {
    Objects.checkIndex(index, size);
    return Hash.wrap(levels.get(0).get(index));
  }

  /** The root of the whole tree. */
  public Hash root() {
    return root(size);
  }

  /** The root the tree had when it held {@code treeSize} leaves. */
  public Hash root(long treeSize) {
    checkSize(treeSize);
    return treeSize == 0 ? EMPTY_ROOT : Hash.wrap(subtree(0, treeSize));
  }

  /** The audit path for leaf {@code index} in the tree of {@code treeSize} leaves (RFC 9162 2.1.3.1). */
  public InclusionProof inclusionProof(long index, long treeSize) {
    checkSize(treeSize);
    checkArgument(index >= 0 && index < treeSize, "leaf index %s outside a tree of %s leaves", index, treeSize);
    List<byte[]> path = new ArrayList<>(64 - Long.numberOfLeadingZeros(treeSize));
    path(index, 0, treeSize, path);
    return new InclusionProof(index, treeSize, InclusionProof.wrapAll(path));
  }

  /** The proof that the tree of {@code size1} leaves is a prefix of the one of {@code size2} (RFC 9162 2.1.4.1). */
  public ConsistencyProof consistencyProof(long size1, long size2) {
    checkSize(size2);
    checkArgument(size1 > 0 && size1 <= size2, "consistency needs 0 < size1 <= size2, got %s and %s", size1, size2);
    List<byte[]> proof = new ArrayList<>(2 * (64 - Long.numberOfLeadingZeros(size2)));
    if (size1 < size2) {
      subproof(size1, 0, size2, true, proof);
    }
    return new ConsistencyProof(size1, size2, InclusionProof.wrapAll(proof));
  }

  private void checkSize(long treeSize) {
    long n = size;
    checkArgument(treeSize >= 0 && treeSize <= n, "tree size %s outside 0..%s", treeSize, n);
  }

  /** MTH(D[start:end]) for 0 <= start < end <= size, from stored complete subtrees. */
  private byte[] subtree(long start, long end) {
    long n = end - start;
    if (Long.bitCount(n) == 1 && (start & (n - 1)) == 0) {
      int level = Long.numberOfTrailingZeros(n);
      return levels.get(level).get(start >>> level);
    }
    long k = Long.highestOneBit(n - 1);
    return Hashing.node(subtree(start, start + k), subtree(start + k, end));
  }

  private void path(long m, long start, long end, List<byte[]> out) {
    long n = end - start;
    if (n <= 1) {
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m < k) {
      path(m, start, start + k, out);
      out.add(subtree(start + k, end));
    } else {
      path(m - k, start + k, end, out);
      out.add(subtree(start, start + k));
    }
  }

  private void subproof(long m, long start, long end, boolean completeSubtree, List<byte[]> out) {
    long n = end - start;
    if (m == n) {
      if (!completeSubtree) {
        out.add(subtree(start, end));
      }
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m <= k) {
      subproof(m, start, start + k, completeSubtree, out);
      out.add(subtree(start + k, end));
    } else {
      subproof(m - k, start + k, end, false, out);
      out.add(subtree(start, start + k));
    }
  }

  /** One level of complete-subtree hashes in 256 KiB chunks, so growth never copies old hashes. */
  private static final class Level {
    private volatile byte[][] chunks = new byte[0][];

    byte[] get(long index) {
      byte[] chunk = chunks[(int) (index >>> CHUNK_BITS)];
      int off = (int) (index & (CHUNK - 1)) * Hash.SIZE;
      return Arrays.copyOfRange(chunk, off, off + Hash.SIZE);
    }

    void set(long index, byte[] src, int srcOff) {
      System.arraycopy(src, srcOff, chunkFor(index), (int) (index & (CHUNK - 1)) * Hash.SIZE, Hash.SIZE);
    }

    void setNode(long index, Level below, long left, long right) {
      byte[] lc = below.chunks[(int) (left >>> CHUNK_BITS)];
      byte[] rc = below.chunks[(int) (right >>> CHUNK_BITS)];
      Hashing.node(
          lc, (int) (left & (CHUNK - 1)) * Hash.SIZE,
          rc, (int) (right & (CHUNK - 1)) * Hash.SIZE,
          chunkFor(index), (int) (index & (CHUNK - 1)) * Hash.SIZE);
    }

    private byte[] chunkFor(long index) {
      int c = (int) (index >>> CHUNK_BITS);
      byte[][] cs = chunks;
      if (c == cs.length) {
        cs = Arrays.copyOf(cs, c + 1);
        cs[c] = new byte[CHUNK * Hash.SIZE];
        chunks = cs;
      }
      return cs[c];
    }
  }
}
