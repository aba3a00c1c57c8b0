package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;

/**
 * A collective's Ed25519 signing key. It signs checkpoints (and, in federation, activities); its
 * public half is written into entry 0 of the ledger.
 *
 * <p>Keep the 32-byte {@linkplain #seed() seed} secret and safe: it is the whole key. The same
 * seed always gives the same key, and Ed25519 signatures are deterministic, so the same commands,
 * clock and key give byte-identical ledgers and checkpoints.
 *
 * <pre>{@code
 * CollectiveKey key = CollectiveKey.generate();
 * Files.write(keyFile, key.seed());            // store it privately
 * CollectiveKey again = CollectiveKey.fromSeed(Files.readAllBytes(keyFile));
 * }</pre>
 */
public final class CollectiveKey {
  private final PrivateKey privateKey;
  private final VerificationKey verificationKey;
  private final byte[] seed;

  private CollectiveKey(byte[] seed) {
    this.seed = seed.clone();
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      g.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
      KeyPair pair = g.generateKeyPair();
      this.privateKey = pair.getPrivate();
      this.verificationKey = VerificationKey.of(pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java platform lacks Ed25519", e);
    }
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
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  @Override
  public String toString() {
    return "CollectiveKey[" + verificationKey + "]"; // never the secret
  }

  /** Hands the key generator exactly the seed, so that a seed always gives the same key. */
  private static final class SeedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;

    SeedRandom(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      checkArgument(bytes.length == seed.length, "unexpected request for %s random bytes", bytes.length);
      System.arraycopy(seed, 0, bytes, 0, seed.length);
    }
  }
}
