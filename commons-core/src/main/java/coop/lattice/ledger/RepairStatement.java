package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.CollectiveId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * A collective's signed statement that its ledger after {@code lastGood} was replaced on purpose:
 * an operator's truncation, a restore from a backup, or a migration. Partners tell it apart from
 * equivocation: the history they held after the last good checkpoint is void, and the new history
 * must extend that checkpoint; after a migration (a new ledger written entry for entry, see {@code
 * Migration}), its entry 0 must commit to it instead ({@code CollectiveFounded.continues}). Whether a partner accepts a repair is its collective's agreement;
 * the statement only makes the repair declared, signed and checkable, never silent.
 *
 * @param collective the collective whose ledger it is
 * @param lastGood the last checkpoint the repaired ledger keeps; the new history extends it
 * @param kind {@code truncation}, {@code restore} or {@code migration}
 * @param reason why, for the partners' people to read
 * @param time when it was declared, by the collective's clock
 * @param signature the collective's Ed25519 signature (URL-safe base64) over {@link #signingInput()}
 */
public record RepairStatement(CollectiveId collective, SignedCheckpoint lastGood, String kind, String reason,
    Instant time, String signature) {
  /** The kinds of repair a statement may declare. */
  public static final Set<String> KINDS = Set.of("truncation", "restore", "migration");

  public RepairStatement {
    checkArgument(KINDS.contains(kind), "a repair is a truncation, a restore or a migration, not %s", kind);
    checkArgument(lastGood.checkpoint().collective().equals(collective),
        "the last good checkpoint is of %s, not of %s", lastGood.checkpoint().collective(), collective);
  }

  /** What the signature covers: the statement without its signature (in canonical JSON, after a domain tag). */
  public record Body(CollectiveId collective, SignedCheckpoint lastGood, String kind, String reason, Instant time) {}

  public byte[] signingInput() {
    return signingInput(new Body(collective, lastGood, kind, reason, time));
  }

  private static byte[] signingInput(Body body) {
    byte[] tag = "lattice repair statement v1\n".getBytes(StandardCharsets.US_ASCII);
    byte[] json = EntryCodec.encode(body);
    byte[] out = new byte[tag.length + json.length];
    System.arraycopy(tag, 0, out, 0, tag.length);
    System.arraycopy(json, 0, out, tag.length, json.length);
    return out;
  }

  /** Declares that the ledger after {@code lastGood} was replaced, signed with {@code key}. */
  public static RepairStatement sign(SignedCheckpoint lastGood, String kind, String reason, Instant time,
      CollectiveKey key) {
    checkArgument(KINDS.contains(kind), "a repair is a truncation, a restore or a migration, not %s", kind);
    CollectiveId c = lastGood.checkpoint().collective();
    byte[] input = signingInput(new Body(c, lastGood, kind, reason, time));
    return new RepairStatement(c, lastGood, kind, reason, time,
        Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(input)));
  }

  /** True exactly when the statement and its last good checkpoint are both signed by {@code key}. */
  public boolean verify(VerificationKey key) {
    byte[] sig;
    try {
      sig = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return lastGood.verify(key) && key.verify(signingInput(), sig);
  }

  /** The canonical JSON form, as kept and as sent to partners. */
  public byte[] toBytes() {
    return EntryCodec.encode(this);
  }

  /** Parses what {@link #toBytes()} wrote; throws {@link IllegalArgumentException} on anything else. */
  public static RepairStatement parse(byte[] bytes) {
    return EntryCodec.decode(bytes, RepairStatement.class);
  }
}
