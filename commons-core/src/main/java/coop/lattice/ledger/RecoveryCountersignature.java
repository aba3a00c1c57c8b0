package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.CollectiveId;
import coop.lattice.merkle.Hash;
import java.time.Instant;

/**
 * A partner's countersignature of a {@link RecoveryRequest}: the witness (a collective that mirrors
 * the recovering one) says it held that ledger up to the basis checkpoint, signed by the lost key
 * and consistent with everything it saw, and vouches that it continues under the new key. Signed
 * with the witness's own ledger key, as its {@link Cosignature}s are.
 *
 * @param collective whose ledger recovers its key
 * @param size the basis checkpoint's size
 * @param root the basis checkpoint's root
 * @param publicKey the new key
 * @param witness who countersigns (its actor URL)
 * @param witnessKey the witness's Ed25519 public key, URL-safe base64
 * @param time when the witness countersigned, by its clock
 * @param signature the witness's signature (URL-safe base64) over {@link #signingInput()}
 */
public record RecoveryCountersignature(CollectiveId collective, long size, Hash root, String publicKey, String witness,
    String witnessKey, Instant time, String signature) {
  private static final String DOMAIN = "lattice/key-recovery-countersignature/v1\n";

  /** What the signature covers (in canonical JSON, after a domain tag). */
  public record Body(CollectiveId collective, long size, Hash root, String publicKey, String witness, String witnessKey,
      Instant time) {}

  public RecoveryCountersignature {
    checkArgument(size >= 0, "a checkpoint's size is 0 or more, not %s", size);
    checkArgument(!witness.isBlank(), "a countersignature names its witness");
  }

  /** {@code witness} countersigns {@code request} with its ledger key {@code key} at {@code time}. */
  public static RecoveryCountersignature sign(RecoveryRequest request, String witness, CollectiveKey key,
      Instant time) {
    Checkpoint basis = request.basis().checkpoint();
    Body body = new Body(basis.collective(), basis.size(), basis.root(), request.publicKey(), witness,
        key.verificationKey().base64Url(), time);
    return new RecoveryCountersignature(body.collective(), body.size(), body.root(), body.publicKey(), witness,
        body.witnessKey(), time, Signatures.sign(key, Signatures.input(DOMAIN, body)));
  }

  public byte[] signingInput() {
    return Signatures.input(DOMAIN, new Body(collective, size, root, publicKey, witness, witnessKey, time));
  }

  /** True when this countersigns exactly {@code request} and its signature verifies with the key it names. */
  public boolean verify(RecoveryRequest request) {
    Checkpoint basis = request.basis().checkpoint();
    if (!basis.collective().equals(collective) || basis.size() != size || !basis.root().equals(root)
        || !request.publicKey().equals(publicKey)) {
      return false;
    }
    try {
      return Signatures.verify(VerificationKey.fromBase64Url(witnessKey), signingInput(), signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The canonical JSON form, as kept and as sent. */
  public byte[] toBytes() {
    return EntryCodec.encode(this);
  }

  /** Parses what {@link #toBytes()} wrote; throws {@link IllegalArgumentException} on anything else. */
  public static RecoveryCountersignature parse(byte[] bytes) {
    return EntryCodec.decode(bytes, RecoveryCountersignature.class);
  }
}
