package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.io.BaseEncoding;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jspecify.annotations.Nullable;

/**
 * A collective's Ed25519 public key: what anyone uses to check its signed checkpoints.
 *
 * <p>Written as the 32 raw key bytes in URL-safe base64, as in entry 0 of every ledger. The point
 * is decoded once, when the key is made; verifying goes through BouncyCastle's RFC 8032
 * implementation (about nine times the JDK's speed here) and is safe from several threads.
 */
public final class VerificationKey {
  /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the 32 key bytes follow. */
  private static final byte[] X509_PREFIX = BaseEncoding.base16().decode("302A300506032B6570032100");

  private final byte[] raw;
  private final Ed25519PublicKeyParameters point;
  private volatile @Nullable PublicKey jca;

  private VerificationKey(byte[] raw) {
    this.raw = raw;
    try {
      this.point = new Ed25519PublicKeyParameters(raw, 0);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a valid Ed25519 public key: the 32 bytes are not a point of the curve", e);
    }
  }

  /** From the 32 raw Ed25519 public key bytes. */
  public static VerificationKey of(byte[] raw) {
    checkArgument(raw.length == 32, "an Ed25519 public key is 32 bytes, got %s", raw.length);
    return new VerificationKey(raw.clone());
  }

  public static VerificationKey fromBase64Url(String text) {
    return of(Base64.getUrlDecoder().decode(text));
  }

  /** From a JCA Ed25519 public key (an X.509 SubjectPublicKeyInfo of 44 bytes). */
  public static VerificationKey of(PublicKey key) {
    byte[] der = key.getEncoded();
    checkArgument(der != null && der.length == X509_PREFIX.length + 32
        && Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length),
        "not an Ed25519 public key: %s", key.getAlgorithm());
    return new VerificationKey(Arrays.copyOfRange(der, X509_PREFIX.length, der.length));
  }

  /** True exactly when {@code signature} is a valid Ed25519 signature of {@code message} by this key. */
  public boolean verify(byte[] message, byte[] signature) {
    if (signature.length != Ed25519.SIGNATURE_SIZE) {
      return false;
    }
    return point.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
  }

  public byte[] raw() {
    return raw.clone();
  }

  public String base64Url() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** The key as a JCA {@link PublicKey}, for APIs that take one. */
  public PublicKey publicKey() {
    PublicKey k = jca;
    if (k == null) {
      byte[] der = new byte[X509_PREFIX.length + 32];
      System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
      System.arraycopy(raw, 0, der, X509_PREFIX.length, 32);
      try {
        k = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this Java platform lacks Ed25519", e);
      }
      jca = k;
    }
    return k;
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
