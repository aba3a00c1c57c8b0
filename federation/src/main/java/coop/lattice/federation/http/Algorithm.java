package coop.lattice.federation.http;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature algorithms Lattice speaks, with the rules on keys. RSA and HMAC go through the
 * JDK (fast at verifying RSA); Ed25519 through the core's BouncyCastle-backed keys.
 */
public enum Algorithm {
  /** RSASSA-PKCS1-v1_5 with SHA-256: cavage {@code rsa-sha256}, RFC 9421 {@code rsa-v1_5-sha256}. */
  RSA_SHA256("rsa-v1_5-sha256", "SHA256withRSA"),
  /** Ed25519 (RFC 8032). */
  ED25519("ed25519", "Ed25519"),
  /** HMAC-SHA256: only to check RFC 9421's own examples; never accepted from a peer. */
  HMAC_SHA256("hmac-sha256", "HmacSHA256");

  /** The smallest RSA key accepted. */
  public static final int MIN_RSA_BITS = 2048;

  private final String rfc9421Name;
  private final String jca;

  Algorithm(String rfc9421Name, String jca) {
    this.rfc9421Name = rfc9421Name;
    this.jca = jca;
  }

  /** The name in an RFC 9421 {@code alg} parameter. */
  public String rfc9421Name() {
    return rfc9421Name;
  }

  /** The algorithm an RFC 9421 {@code alg} names. */
  static Algorithm ofRfc9421(String name) throws SignatureRejected {
    for (Algorithm a : values()) {
      if (a.rfc9421Name.equals(name)) {
        return a;
      }
    }
    throw new SignatureRejected("unsupported signature algorithm \"" + name + "\"");
  }

  /** The algorithm a public key implies (for cavage {@code hs2019} and an RFC 9421 signature without {@code alg}). */
  static Algorithm of(Key key) throws SignatureRejected {
    String a = key.getAlgorithm().toUpperCase(Locale.ROOT);
    if (a.equals("RSA")) {
      return RSA_SHA256;
    }
    if (a.equals("ED25519") || a.equals("EDDSA")) {
      return ED25519;
    }
    throw new SignatureRejected("unsupported key type " + key.getAlgorithm());
  }

  public byte[] sign(Key key, byte[] data) {
    try {
      if (this == HMAC_SHA256) {
        Mac mac = Mac.getInstance(jca);
        mac.init(new SecretKeySpec(key.getEncoded(), jca));
        return mac.doFinal(data);
      }
      if (this == ED25519) {
        return Ed25519Keys.signing(key).sign(data);
      }
      Signature s = Signature.getInstance(jca);
      s.initSign((PrivateKey) key);
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign with " + this + ": " + e.getMessage(), e);
    }
  }

  /** Verifies; fails closed on any error, and on RSA keys under {@link #MIN_RSA_BITS}. */
  public boolean verify(Key key, byte[] data, byte[] signature) throws SignatureRejected {
    if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
      throw new SignatureRejected("RSA key of " + rsa.getModulus().bitLength() + " bits; at least " + MIN_RSA_BITS
          + " are required");
    }
    try {
      if (this == HMAC_SHA256) {
        return MessageDigest.isEqual(sign(key, data), signature);
      }
      if (this != of(key)) {
        throw new SignatureRejected("the key is " + key.getAlgorithm() + " but the signature claims " + this);
      }
      if (this == ED25519) {
        return Ed25519Keys.verifying(key).verify(data, signature);
      }
      Signature s = Signature.getInstance(jca);
      s.initVerify((PublicKey) key);
      s.update(data);
      return s.verify(signature);
    } catch (InvalidKeyException | java.security.SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
