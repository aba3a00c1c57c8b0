package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A collective's Ed25519 signing key. It signs checkpoints (and, in federation, activities); its
 * public half is written into entry 0 of the ledger.
 *
 * <p>Keep the 32-byte {@linkplain #seed() seed} secret and safe: it is the whole key. The same
 * seed always gives the same key, and Ed25519 signatures are deterministic, so the same commands,
 * clock and key give byte-identical ledgers and checkpoints.
 *
 * <p>Signing goes through BouncyCastle's RFC 8032 implementation (its lightweight API, not a JCA
 * provider): the signatures are the ones RFC 8032 defines, byte for byte what the JDK gives, at
 * about twenty times the JDK's speed. A key is safe to use from several threads.
 *
 * <pre>{@code
 * CollectiveKey key = CollectiveKey.generate();
 * Files.write(keyFile, key.seed());            // store it privately
 * CollectiveKey again = CollectiveKey.fromSeed(Files.readAllBytes(keyFile));
 * }</pre>
 */
public final class CollectiveKey {
  private final Ed25519PrivateKeyParameters privateKey;
  private final VerificationKey verificationKey;
  private final byte[] seed;

  private CollectiveKey(byte[] seed) {
    this.seed = seed.clone();
    this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
    this.verificationKey = VerificationKey.of(privateKey.generatePublicKey().getEncoded()); // cached by BouncyCastle
  }

  /** A new key from the platform's strong random source. */
  public static CollectiveKey generate() {
    byte[] seed = new byte[32];
    new SecureRandom().nextBytes(seed);
    return new CollectiveKey(seed);
  }

  /** The key whose secret seed is these 32 bytes (RFC 8032 private key). */
  public static CollectiveKey fromSeed(byte[] seed) {
    checkArgument(seed.length == 32, "an Ed25519 seed is 32 bytes, got %s", seed.length);
    return new CollectiveKey(seed);
  }

  public VerificationKey verificationKey() {
    return verificationKey;
  }

  /** The secret seed. Store it as carefully as the collective's most sensitive data. */
  public byte[] seed() {
    return seed.clone();
  }

  /** An Ed25519 signature (64 bytes) of {@code message}. */
  public byte[] sign(byte[] message) {
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    privateKey.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    return signature;
  }

  @Override
  public String toString() {
    return "CollectiveKey[" + verificationKey + "]"; // never the secret
  }
}
