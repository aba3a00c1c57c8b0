package coop.lattice.ledger;

import coop.lattice.CollectiveId;

/**
 * What a collective that lost its ledger key asks its partners to countersign: its ledger, up to
 * {@code basis} (the newest checkpoint the lost key signed), continues under {@code publicKey}. A
 * partner countersigns ({@link RecoveryCountersignature}) only if it holds that ledger up to the
 * basis, consistent with everything it saw, and never saw the lost key sign anything newer.
 *
 * @param basis the newest checkpoint the lost key signed, which the recovered ledger extends
 * @param publicKey the new key, URL-safe base64 of its 32 bytes
 */
public record RecoveryRequest(SignedCheckpoint basis, String publicKey) {
  public RecoveryRequest {
    VerificationKey.fromBase64Url(publicKey); // a valid Ed25519 public key, or IllegalArgumentException
  }

  /** Whose ledger it is. */
  public CollectiveId collective() {
    return basis.checkpoint().collective();
  }

  /** The canonical JSON form, as sent to partners. */
  public byte[] toBytes() {
    return EntryCodec.encode(this);
  }

  /** Parses what {@link #toBytes()} wrote; throws {@link IllegalArgumentException} on anything else. */
  public static RecoveryRequest parse(byte[] bytes) {
    return EntryCodec.decode(bytes, RecoveryRequest.class);
  }
}
