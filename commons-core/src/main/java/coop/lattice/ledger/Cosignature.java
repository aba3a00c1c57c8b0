package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.CollectiveId;
import coop.lattice.merkle.Hash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A witness's countersignature of a collective's checkpoint, in the manner of transparency-log
 * witnesses: the witness (a partner that mirrors the ledger) says it has verified the ledger up to
 * this checkpoint, consistent with every earlier one it saw. A collective that holds cosignatures
 * of its newest checkpoint can show that its history was seen by others; one whose disk was rolled
 * back finds, by asking its witnesses, a checkpoint newer than its own ledger.
 *
 * @param collective whose checkpoint it is
 * @param size the checkpoint's size
 * @param root the checkpoint's root
 * @param witness who cosigns (its actor URL, or another stable name)
 * @param witnessKey the witness's Ed25519 public key, URL-safe base64 of its 32 bytes
 * @param time when the witness cosigned, by its clock
 * @param signature the witness's signature (URL-safe base64) over {@link #signingInput()}
 */
public record Cosignature(CollectiveId collective, long size, Hash root, String witness, String witnessKey,
    Instant time, String signature) {

  /** What the signature covers (in canonical JSON, after a domain tag). */
  public record Body(CollectiveId collective, long size, Hash root, String witness, String witnessKey, Instant time) {}

  public Cosignature {
    checkArgument(size >= 0, "a checkpoint's size is 0 or more, not %s", size);
    checkArgument(!witness.isBlank(), "a cosignature names its witness");
  }

  /** {@code witness} cosigns {@code cp} with {@code key} at {@code time}. */
  public static Cosignature sign(SignedCheckpoint cp, String witness, CollectiveKey key, Instant time) {
    Checkpoint c = cp.checkpoint();
    Body body = new Body(c.collective(), c.size(), c.root(), witness, key.verificationKey().base64Url(), time);
    return new Cosignature(body.collective(), body.size(), body.root(), witness, body.witnessKey(), time,
        Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(signingInput(body))));
  }

  public byte[] signingInput() {
    return signingInput(new Body(collective, size, root, witness, witnessKey, time));
  }

  private static byte[] signingInput(Body body) {
    byte[] tag = "lattice cosignature v1\n".getBytes(StandardCharsets.US_ASCII);
    byte[] json = EntryCodec.encode(body);
    byte[] out = new byte[tag.length + json.length];
    System.arraycopy(tag, 0, out, 0, tag.length);
    System.arraycopy(json, 0, out, tag.length, json.length);
    return out;
  }

  /** True when this cosigns exactly {@code cp} and its signature verifies with the key it names. */
  public boolean verify(SignedCheckpoint cp) {
    Checkpoint c = cp.checkpoint();
    return c.collective().equals(collective) && c.size() == size && c.root().equals(root) && signatureVerifies();
  }

  /** True when the signature verifies with the key it names (who that key belongs to is for the caller to know). */
  public boolean signatureVerifies() {
    try {
      return VerificationKey.fromBase64Url(witnessKey).verify(signingInput(), Base64.getUrlDecoder().decode(signature));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** As {@link #verify(SignedCheckpoint)}, and the key is {@code witnessKey}: the key the caller knows the witness by. */
  public boolean verify(SignedCheckpoint cp, VerificationKey expectedKey) {
    return expectedKey.base64Url().equals(witnessKey) && verify(cp);
  }

  /** The canonical JSON form, as kept and as sent. */
  public byte[] toBytes() {
    return EntryCodec.encode(this);
  }

  /** Parses what {@link #toBytes()} wrote; throws {@link IllegalArgumentException} on anything else. */
  public static Cosignature parse(byte[] bytes) {
    return EntryCodec.decode(bytes, Cosignature.class);
  }
}
