package coop.lattice.sortition;

import coop.lattice.merkle.Hash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 in counter mode over a seed and a domain tag: unbiased integers below a bound by
 * rejection sampling, like the lottery's stream, but tagged so that a constrained draw and an
 * unconstrained one from the same seed share no bits.
 */
final class SeedStream {
  private static final byte[] TAG = (Sortition.PROCEDURE + "/draw").getBytes(StandardCharsets.UTF_8);
  private final byte[] seed;
  private long counter;
  private ByteBuffer block = ByteBuffer.allocate(0);

  SeedStream(Hash seed) {
    this.seed = seed.toByteArray();
  }

  /** A uniform integer in {@code [0, 2^bits)}, for {@code bits} up to 62. */
  long bits(int bits) {
    return nextLong() >>> (64 - bits);
  }

  /** A uniform integer in {@code [0, bound)}. */
  int below(int bound) {
    long range = 1L << 32;
    long limit = range - range % bound; // reject the tail that would bias small values
    while (true) {
      long v = Integer.toUnsignedLong(nextInt());
      if (v < limit) {
        return (int) (v % bound);
      }
    }
  }

  private long nextLong() {
    return ((long) nextInt() << 32) | Integer.toUnsignedLong(nextInt());
  }

  private int nextInt() {
    if (block.remaining() < 4) {
      MessageDigest md = sha256();
      md.update(TAG);
      md.update(seed);
      md.update(ByteBuffer.allocate(8).putLong(counter++).array());
      block = ByteBuffer.wrap(md.digest());
    }
    return block.getInt();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
