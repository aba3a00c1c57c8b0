package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The secret a collective's private side is kept under: the {@linkplain coop.lattice.privacy.Vault
 * vault} of its private area (who each member is, sealed claims, applications) and the {@linkplain
 * coop.lattice.privacy.Pseudonyms handles and seals} members appear under on the open ledger. Unlike
 * the ledger's signing key ({@link CollectiveKey}), it never rotates: rotating it would lock the
 * collective out of its own private area and change every member's handle. Keep it, and back it up,
 * apart from the signing key, so that losing one does not lose the other.
 *
 * <p>A collective founded with one key (every collective founded before the two were split) has
 * that key's seed as its secret: {@link #of(CollectiveKey)}. Keep the founding seed as the secret
 * when the signing key rotates.
 */
public final class CollectiveSecret {
  private final byte[] bytes;

  private CollectiveSecret(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  /** A new secret from the platform's strong random source. */
  public static CollectiveSecret generate() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return new CollectiveSecret(b);
  }

  /** The secret whose 32 bytes these are (as {@link #bytes()} gave them). */
  public static CollectiveSecret fromBytes(byte[] bytes) {
    checkArgument(bytes.length == 32, "a collective secret is 32 bytes, got %s", bytes.length);
    return new CollectiveSecret(bytes);
  }

  /** The secret of a collective founded with {@code founding} alone: that key's seed. */
  public static CollectiveSecret of(CollectiveKey founding) {
    byte[] seed = founding.seed();
    try {
      return new CollectiveSecret(seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** The 32 secret bytes. Store them as carefully as the collective's most sensitive data. */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "CollectiveSecret[hidden]"; // never the secret
  }
}
