package coop.lattice.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Integers drawn from a published seed: SHA-256 of the seed and a 64-bit counter, four bytes at a
 * time, unbiased below any bound by rejection sampling. What a lottery's shuffle and a poll's
 * tie-break spend, so that both are re-derived by anyone who holds the seed. Not thread-safe: one
 * instance per derivation. Unsupported outside Lattice.
 */
public final class SeededDraws {
  private final byte[] seed;
  private long counter;
  private ByteBuffer block = ByteBuffer.allocate(0);

  /** Draws from the 32 bytes {@code seed} (a SHA-256 digest). */
  public SeededDraws(byte[] seed) {
    this.seed = seed.clone();
  }

  /** An integer in {@code [0, bound)}, each equally likely. */
  public int below(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("a bound must be positive, not " + bound);
    }
    long range = 1L << 32;
    long limit = range - range % bound; // reject the tail that would bias small values
    while (true) {
      long v = Integer.toUnsignedLong(nextInt());
      if (v < limit) {
        return (int) (v % bound);
      }
    }
  }

  /** The first {@code k} of a Fisher-Yates shuffle of {@code items}, drawing from this stream. */
  public <T> List<T> shuffle(List<T> items, int k) {
    List<T> deck = new ArrayList<>(items);
    for (int i = 0; i < k; i++) {
      int j = i + below(deck.size() - i);
      T tmp = deck.get(i);
      deck.set(i, deck.get(j));
      deck.set(j, tmp);
    }
    return List.copyOf(deck.subList(0, k));
  }

  private int nextInt() {
    if (block.remaining() < 4) {
      MessageDigest md = sha256();
      md.update(seed);
      md.update(ByteBuffer.allocate(8).putLong(counter++).array());
      block = ByteBuffer.wrap(md.digest());
    }
    return block.getInt();
  }

  /** Feeds {@code s} to {@code md} as its UTF-8 bytes after their length (4 bytes, big-endian), so no two inputs run together. */
  public static void field(MessageDigest md, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int n = b.length;
    md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    md.update(b);
  }

  /** A fresh SHA-256 digest, which every Java platform has. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
