package coop.lattice.merkle;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.io.BaseEncoding;
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
    return of(b);
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
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
