package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.io.BaseEncoding;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A collective's Ed25519 public key: what anyone uses to check its signed checkpoints.
 *
 * <p>Written as the 32 raw key bytes in URL-safe base64, as in entry 0 of every ledger.
 */
public final class VerificationKey {
  /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the 32 key bytes follow. */
  private static final byte[] X509_PREFIX = BaseEncoding.base16().decode("302A300506032B6570032100");

  private final byte[] raw;
  private final PublicKey key;

  private VerificationKey(byte[] raw, PublicKey key) {
    this.raw = raw;
    this.key = key;
  }

  /** From the 32 raw Ed25519 public key bytes. */
  public static VerificationKey of(byte[] raw) {
    checkArgument(raw.length == 32, "an Ed25519 public key is 32 bytes, got %s", raw.length);
    byte[] der = new byte[X509_PREFIX.length + 32];
    System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
    System.arraycopy(raw, 0, der, X509_PREFIX.length, 32);
    try {
      return new VerificationKey(raw.clone(), KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a valid Ed25519 public key", e);
    }
  }

  public static VerificationKey fromBase64Url(String text) {
    return of(Base64.getUrlDecoder().decode(text));
  }

  static VerificationKey of(PublicKey key) {
    byte[] der = key.getEncoded();
    checkArgument(der.length == X509_PREFIX.length + 32, "not an Ed25519 public key: %s", key.getAlgorithm());
    return new VerificationKey(Arrays.copyOfRange(der, X509_PREFIX.length, der.length), key);
  }

  /** True exactly when {@code signature} is a valid Ed25519 signature of {@code message} by this key. */
  public boolean verify(byte[] message, byte[] signature) {
    if (signature.length != 64) {
      return false;
    }
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false; // fail closed
    }
  }

  public byte[] raw() {
    return raw.clone();
  }

  public String base64Url() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  public PublicKey publicKey() {
    return key;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof VerificationKey k && MessageDigest.isEqual(raw, k.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "Ed25519:" + base64Url();
  }
}
