package coop.lattice.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * RFC 9162 section 2.1.1 domain-separated hashing, with one MessageDigest per thread.
 *
 * <p>A digest resets itself when it finishes ({@link MessageDigest#digest()}), so {@link
 * #sha256()} hands it out as the last use left it, without resetting it a second time; the one
 * use that could stop half-way, a failed {@code digest} into an array, resets it.
 */
final class Hashing {
  static final byte LEAF_PREFIX = 0x00;
  static final byte NODE_PREFIX = 0x01;

  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hashing::newSha256);

  private Hashing() {}

  /** This thread's SHA-256 digest, reset. Every caller must finish with {@code digest}. */
  static MessageDigest sha256() {
    return SHA256.get();
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }

  static byte[] leaf(byte[] data, int off, int len) {
    Objects.checkFromIndexSize(off, len, data.length); // before the digest takes a byte
    MessageDigest md = sha256();
    md.update(LEAF_PREFIX);
    md.update(data, off, len);
    return md.digest();
  }

  static byte[] node(byte[] left, byte[] right) {
    MessageDigest md = sha256();
    md.update(NODE_PREFIX);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  static void node(byte[] left, int lo, byte[] right, int ro, byte[] out, int oo) {
    MessageDigest md = sha256();
    md.update(NODE_PREFIX);
    md.update(left, lo, Hash.SIZE);
    md.update(right, ro, Hash.SIZE);
    try {
      md.digest(out, oo, Hash.SIZE);
    } catch (DigestException e) {
      md.reset();
      throw new AssertionError(e);
    }
  }
}
