package coop.lattice.ledger;

import java.util.Base64;

/**
 * A checkpoint with the collective's Ed25519 signature (URL-safe base64) over its {@linkplain
 * Checkpoint#signingInput() signing input}.
 */
public record SignedCheckpoint(Checkpoint checkpoint, String signature) {

  /** Parses the canonical JSON form written by {@link #toBytes()}. */
  public static SignedCheckpoint parse(byte[] bytes) {
    return EntryCodec.decode(bytes, SignedCheckpoint.class);
  }

  /** The canonical JSON form, as stored and as sent to peers. */
  public byte[] toBytes() {
    return EntryCodec.encode(this);
  }

  /** True exactly when the signature is valid for {@code key}. */
  public boolean verify(VerificationKey key) {
    byte[] sig;
    try {
      sig = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return key.verify(checkpoint.signingInput(), sig);
  }
}
