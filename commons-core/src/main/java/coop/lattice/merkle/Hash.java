package coop.lattice.merkle;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.io.BaseEncoding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A SHA-256 value: exactly 32 bytes. Immutable; the bytes are copied in and out.
 *
 * <p>Hashes print as lowercase hex, parse from hex or base64, and compare in constant time.
 */
public final class Hash {
  public static final int SIZE = 32;
  /** Length of {@link #base64Url()}: 32 bytes in URL-safe base64 without padding. */
  public static final int BASE64_URL_LENGTH = 43;

  private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();
  private static final byte[] DIGITS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] VALUES = new byte[128];

  static {
    Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < DIGITS.length; i++) {
      VALUES[DIGITS[i]] = (byte) i;
    }
  }

  final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps a copy of {@code bytes}, which must be exactly 32 bytes long. */
  public static Hash of(byte[] bytes) {
    checkArgument(bytes.length == SIZE, "a hash is 32 bytes, got %s", bytes.length);
    return new Hash(bytes.clone());
  }

  static Hash wrap(byte[] bytes) {
    return new Hash(bytes);
  }

  public static Hash fromHex(String hex) {
    return of(BaseEncoding.base16().lowerCase().decode(hex.toLowerCase(Locale.ROOT)));
  }

  /** Parses standard or URL-safe base64 (with or without padding). */
  public static Hash fromBase64(String base64) {
    byte[] b = base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0
        ? Base64.getUrlDecoder().decode(base64)
        : Base64.getDecoder().decode(base64);
    checkArgument(b.length == SIZE, "a hash is 32 bytes, got %s", b.length);
    return new Hash(b); // decoded into a new array: nobody else holds it
  }

  /**
   * Reads exactly the form {@link #base64Url()} writes, given as {@value #BASE64_URL_LENGTH} ASCII
   * bytes from {@code text[off]}: URL-safe base64 without padding, whose last character leaves
   * no bits over. For reading entries by the byte; {@link #fromBase64} takes any base64.
   *
   * @throws IllegalArgumentException if the bytes are not in that form
   */
  public static Hash fromBase64Url(byte[] text, int off, int len) {
    checkArgument(len == BASE64_URL_LENGTH, "a hash in base64 is %s characters, got %s", BASE64_URL_LENGTH, len);
    byte[] out = new byte[SIZE];
    int bad = 0; // negative once a character is not URL-safe base64
    int i = off;
    for (int o = 0; o < 30; o += 3, i += 4) { // ten groups of four characters, three bytes each
      int v = digit(text[i]) << 18 | digit(text[i + 1]) << 12 | digit(text[i + 2]) << 6 | digit(text[i + 3]);
      bad |= v;
      out[o] = (byte) (v >> 16);
      out[o + 1] = (byte) (v >> 8);
      out[o + 2] = (byte) v;
    }
    int v = digit(text[i]) << 12 | digit(text[i + 1]) << 6 | digit(text[i + 2]); // two bytes and two bits over
    checkArgument((bad | v) >= 0, "not URL-safe base64");
    checkArgument((v & 3) == 0, "the last base64 character of a hash leaves bits over");
    out[30] = (byte) (v >> 10);
    out[31] = (byte) (v >> 2);
    return new Hash(out);
  }

  private static int digit(byte c) {
    return c >= 0 ? VALUES[c] : -1;
  }

  /** The SHA-256 of {@code data}, with no domain prefix. */
  public static Hash sha256(byte[] data) {
    MessageDigest md = Hashing.sha256();
    return new Hash(md.digest(data));
  }

  public byte[] toByteArray() {
    return bytes.clone();
  }

  public String hex() {
    return BaseEncoding.base16().lowerCase().encode(bytes);
  }

  /** URL-safe base64 without padding: the form Lattice writes into ledger entries. */
  public String base64Url() {
    return BASE64_URL.encodeToString(bytes);
  }

  /**
   * Writes {@link #base64Url()} as {@value #BASE64_URL_LENGTH} ASCII bytes into {@code dst} from
   * {@code off}, without making a string of it, and returns how many it wrote.
   */
  public int base64Url(byte[] dst, int off) {
    int o = off;
    int i = 0;
    for (; i + 3 <= SIZE; i += 3) {
      int v = (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff);
      dst[o++] = DIGITS[v >>> 18];
      dst[o++] = DIGITS[(v >>> 12) & 0x3f];
      dst[o++] = DIGITS[(v >>> 6) & 0x3f];
      dst[o++] = DIGITS[v & 0x3f];
    }
    int v = (bytes[i] & 0xff) << 8 | (bytes[i + 1] & 0xff); // 32 = 3 * 10 + 2: two bytes left, three characters
    dst[o++] = DIGITS[v >>> 10];
    dst[o++] = DIGITS[(v >>> 4) & 0x3f];
    dst[o++] = DIGITS[(v << 2) & 0x3f];
    return o - off;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Hash h && MessageDigest.isEqual(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
