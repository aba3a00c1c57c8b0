package coop.lattice.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 9162 section 2.1.1 domain-separated hashing, with one MessageDigest per thread. */
final class Hashing {
  static final byte LEAF_PREFIX = 0x00;
  static final byte NODE_PREFIX = 0x01;

  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hashing::newSha256);

  private Hashing() {}

  static MessageDigest sha256() {
    MessageDigest md = SHA256.get();
    md.reset();
    return md;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }

  static byte[] leaf(byte[] data, int off, int len) {
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
      throw new AssertionError(e);
    }
  }
}
