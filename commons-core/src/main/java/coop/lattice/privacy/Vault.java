package coop.lattice.privacy;

import coop.lattice.PrivateDataException;
import coop.lattice.ledger.CollectiveSecret;
import coop.lattice.store.PrivateArea;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest for what a collective keeps beside its ledger and never publishes: AES-256-GCM
 * under a key derived from the collective's secret (HMAC-SHA256 of the {@link CollectiveSecret} with a
 * fixed label), which never rotates with the ledger's signing key. Each file is sealed with a fresh 96-bit nonce and its name as associated data, so a file
 * cannot be passed off under another name; a changed byte, another name or another key is refused
 * with {@link PrivateDataException}.
 *
 * <p>Layout: {@code "LTV1"}, the nonce (12 bytes), the ciphertext with its 16-byte tag.
 */
public final class Vault {
  private static final byte[] MAGIC = "LTV1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LABEL = "lattice/vault/v1".getBytes(StandardCharsets.US_ASCII);
  private static final int NONCE = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private Vault(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /** The vault of the collective whose secret is {@code secret}. */
  public static Vault of(CollectiveSecret secret) {
    byte[] seed = secret.bytes();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(seed, "HmacSHA256"));
      return new Vault(mac.doFinal(LABEL));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the platform lacks HmacSHA256, which every Java 17 has", e);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** {@code plain}, sealed to be kept under {@code name}. */
  public byte[] seal(String name, byte[] plain) {
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, name, nonce);
      ByteBuffer out = ByteBuffer.allocate(MAGIC.length + NONCE + c.getOutputSize(plain.length));
      out.put(MAGIC).put(nonce).put(c.doFinal(plain));
      return out.array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed to encrypt, which it cannot on valid input", e);
    }
  }

  /**
   * The plain bytes of {@code sealed}, kept under {@code name}.
   *
   * @throws PrivateDataException if they were changed, kept under another name or sealed with another key
   */
  public byte[] open(String name, byte[] sealed) {
    if (sealed.length < MAGIC.length + NONCE + 16 || !Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new PrivateDataException("The private file " + name + " is not a sealed Lattice file (it does not start"
          + " with LTV1 or is too short): restore it from the backup taken with the journal.");
    }
    byte[] nonce = Arrays.copyOfRange(sealed, MAGIC.length, MAGIC.length + NONCE);
    try {
      return cipher(Cipher.DECRYPT_MODE, name, nonce).doFinal(sealed, MAGIC.length + NONCE,
          sealed.length - MAGIC.length - NONCE);
    } catch (AEADBadTagException e) {
      throw new PrivateDataException("The private file " + name + " does not open with this collective's key: it was"
          + " changed or damaged, or sealed under another key. Restore it from the backup taken with the journal, or"
          + " open the collective with the key that sealed it.", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed to decrypt for a reason other than a bad tag", e);
    }
  }

  /** The file {@code name} of {@code area}, opened; empty if there is none. */
  public Optional<byte[]> read(PrivateArea area, String name) {
    return area.read(name).map(sealed -> open(name, sealed));
  }

  /** Seals {@code plain} and keeps it as {@code name} in {@code area}, durably. */
  public void write(PrivateArea area, String name, byte[] plain) {
    area.write(name, seal(name, plain));
  }

  private Cipher cipher(int mode, String name, byte[] nonce) throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, key, new GCMParameterSpec(128, nonce));
    c.updateAAD(MAGIC);
    c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
    return c;
  }

  @Override
  public String toString() {
    return "Vault[AES-256-GCM]"; // never the key
  }
}
