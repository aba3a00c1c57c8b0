package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.CollectiveId;
import coop.lattice.merkle.Hash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * What a collective vouches for at a moment: its ledger held {@code size} entries with this
 * {@code root}. Sign it to get a {@link SignedCheckpoint}.
 *
 * <p>Anyone holding an older checkpoint can ask for a consistency proof to the newer one; a
 * ledger that rewrote history cannot give one.
 */
public record Checkpoint(CollectiveId collective, long size, Hash root, Instant time) {
  /** Signatures cover this prefix and then the canonical bytes, so they cannot be replayed as another kind of signature. */
  static final byte[] DOMAIN = "lattice/checkpoint/v1\n".getBytes(StandardCharsets.US_ASCII);

  public Checkpoint {
    checkArgument(size >= 0, "size < 0: %s", size);
  }

  /** The canonical RFC 8785 bytes of this checkpoint. */
  public byte[] canonicalBytes() {
    return EntryCodec.encode(this);
  }

  /** The exact bytes a signature covers: a domain prefix and the canonical bytes. */
  public byte[] signingInput() {
    byte[] c = canonicalBytes();
    byte[] out = new byte[DOMAIN.length + c.length];
    System.arraycopy(DOMAIN, 0, out, 0, DOMAIN.length);
    System.arraycopy(c, 0, out, DOMAIN.length, c.length);
    return out;
  }

  public SignedCheckpoint sign(CollectiveKey key) {
    return new SignedCheckpoint(this, Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(signingInput())));
  }
}
