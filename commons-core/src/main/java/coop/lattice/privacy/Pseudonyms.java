package coop.lattice.privacy;

import com.google.common.io.BaseEncoding;
import coop.lattice.MemberId;
import coop.lattice.canonical.CanonicalJson;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveSecret;
import coop.lattice.merkle.Hash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How members appear on a collective's open ledger: never by the ids the app gave them, never by
 * name. A member who appears by name or pseudonym appears as a <b>handle</b>, the same in every
 * entry; a member who appears only in aggregates as a <b>tag</b>, different in every entry, so
 * that nobody outside the collective can tell which entries are one person's.
 *
 * <ul>
 *   <li>handle: {@code h-} and 16 base32 characters (80 bits) of HMAC-SHA256 of the member id under the
 *       collective's handle key;
 *   <li>tag: {@code t-} and the base32 of one AES-128 block encrypting (the member's number, the
 *       entry's sequence) under the collective's tag key; the collective decrypts it in one
 *       block operation and refuses a tag made for another entry;
 *   <li>the ledger commits to a member's appearance only by a salted hash ({@link #seal}); the
 *       salt is derived from the entry's sequence, so whoever is shown the appearance can check
 *       it and nobody can confirm a guess without it.
 * </ul>
 *
 * <p>Every key is derived from the collective's secret (HMAC-SHA256 of the {@link CollectiveSecret}
 * with a fixed label), which does not rotate with the ledger's signing key, so a member's handle
 * stays the same for the life of the collective, a collective's ledger stays byte-identical for the
 * same commands, and one person's handles in two collectives cannot be linked without both
 * collectives' secrets. Thread-safe.
 */
public final class Pseudonyms {
  private static final BaseEncoding BASE32 = BaseEncoding.base32().lowerCase().omitPadding();
  private static final String HANDLE = "h-";
  private static final String TAG = "t-";
  private static final int HANDLE_CHARS = 16;
  /** The value of each base32 letter, -1 for any other character. */
  private static final byte[] BASE32_VALUES = new byte[128];

  static {
    Arrays.fill(BASE32_VALUES, (byte) -1);
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    for (int i = 0; i < alphabet.length(); i++) {
      BASE32_VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }
  private static final int TAG_CHARS = 26;

  private final byte[] handleKey;
  private final SecretKeySpec tagKey;
  private final byte[] saltKey;
  private final ThreadLocal<Mac> handleMac;
  private final ThreadLocal<Cipher> encrypt;
  private final ThreadLocal<Block> decrypt;

  private Pseudonyms(CollectiveSecret secret) {
    byte[] seed = secret.bytes();
    try {
      this.handleKey = derive(seed, "lattice/handles/v1");
      this.tagKey = new SecretKeySpec(Arrays.copyOf(derive(seed, "lattice/tags/v1"), 16), "AES");
      this.saltKey = derive(seed, "lattice/appearance-salts/v1");
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
    this.handleMac = ThreadLocal.withInitial(() -> mac(handleKey));
    this.encrypt = ThreadLocal.withInitial(() -> aes(Cipher.ENCRYPT_MODE));
    this.decrypt = ThreadLocal.withInitial(() -> new Block(aes(Cipher.DECRYPT_MODE)));
  }

  /** The pseudonyms of the collective whose secret is {@code secret}. */
  public static Pseudonyms of(CollectiveSecret secret) {
    return new Pseudonyms(secret);
  }

  /** {@code member}'s handle: how they appear on the ledger while they appear by name or pseudonym. */
  public MemberId handle(MemberId member) {
    byte[] h = handleMac.get().doFinal(member.value().getBytes(StandardCharsets.UTF_8));
    return MemberId.of(HANDLE + BASE32.encode(h, 0, HANDLE_CHARS * 5 / 8));
  }

  /** The tag of member number {@code number} in the entry at {@code sequence}. */
  public MemberId tag(long number, long sequence) {
    byte[] block = ByteBuffer.allocate(16).putLong(number).putLong(sequence).array();
    return MemberId.of(TAG + BASE32.encode(aes(encrypt.get(), block)));
  }

  /**
   * The member number {@code tag} was made for, if it is this collective's tag for the entry at
   * {@code sequence}; empty for anything else (a handle, an app's id, another entry's tag).
   */
  public OptionalLong number(MemberId tag, long sequence) {
    String v = tag.value();
    Block b = decrypt.get();
    if (v.length() != TAG.length() + TAG_CHARS || !v.startsWith(TAG) || !decode(v, TAG.length(), b.in)) {
      return OptionalLong.empty();
    }
    try {
      b.cipher.update(b.in, 0, 16, b.out, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES failed on one block", e);
    }
    ByteBuffer plain = ByteBuffer.wrap(b.out);
    long number = plain.getLong();
    return plain.getLong() == sequence ? OptionalLong.of(number) : OptionalLong.empty();
  }

  /** A thread's decrypting cipher and the block it reads and writes, reused for every tag the thread reads. */
  private static final class Block {
    final Cipher cipher;
    final byte[] in = new byte[16];
    final byte[] out = new byte[16];

    Block(Cipher cipher) {
      this.cipher = cipher;
    }
  }

  /** Whether {@code id} has the shape of a tag: someone who appears only in aggregates, unlinkable. */
  public static boolean isTag(MemberId id) {
    String v = id.value();
    return v.length() == TAG.length() + TAG_CHARS && v.startsWith(TAG) && isBase32(v, TAG.length());
  }

  /** Whether {@code id} has the shape of a handle. */
  public static boolean isHandle(MemberId id) {
    String v = id.value();
    return v.length() == HANDLE.length() + HANDLE_CHARS && v.startsWith(HANDLE) && isBase32(v, HANDLE.length());
  }

  /**
   * What the ledger records of an appearance chosen at entry {@code sequence}: SHA-256 of the RFC
   * 8785 form of the mode, the shown name (if any) and a salt derived from the sequence.
   */
  public Hash seal(Appearance appearance, long sequence) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("mode", appearance.mode().name().toLowerCase(Locale.ROOT));
    if (appearance.shownAs() != null) {
      fields.put("shownAs", appearance.shownAs());
    }
    fields.put("salt", salt(sequence));
    return Hash.sha256(CanonicalJson.encode(fields));
  }

  /** The salt of the appearance chosen at entry {@code sequence}, for whoever is shown it to check the seal. */
  public String salt(long sequence) {
    return BaseEncoding.base16().lowerCase().encode(mac(saltKey).doFinal(ByteBuffer.allocate(8).putLong(sequence)
        .array()), 0, 16);
  }

  /** One block through {@code cipher} (ECB, no padding: a block in, a block out, nothing kept). */
  private static byte[] aes(Cipher cipher, byte[] block) {
    try {
      byte[] out = new byte[16];
      cipher.update(block, 0, 16, out, 0);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES failed on one block", e);
    }
  }

  /**
   * Writes into {@code out} the 16 bytes the 26 base32 letters of {@code v} from {@code from}
   * spell; false for any other character, or letters that spell more than 128 bits.
   */
  private static boolean decode(String v, int from, byte[] out) {
    long buffer = 0;
    int bits = 0;
    int at = 0;
    for (int i = from; i < v.length(); i++) {
      char c = v.charAt(i);
      int value = c < 128 ? BASE32_VALUES[c] : -1;
      if (value < 0) {
        return false;
      }
      buffer = buffer << 5 | value;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        if (at == 16) {
          return false;
        }
        out[at++] = (byte) (buffer >>> bits);
      }
    }
    return at == 16 && (buffer & ((1L << bits) - 1)) == 0;
  }

  private static boolean isBase32(String v, int from) {
    for (int i = from; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '2' && c <= '7')) {
        return false;
      }
    }
    return true;
  }

  private static byte[] derive(byte[] seed, String label) {
    return mac(seed).doFinal(label.getBytes(StandardCharsets.US_ASCII));
  }

  private static Mac mac(byte[] key) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the platform lacks HmacSHA256, which every Java 17 has", e);
    }
  }

  private Cipher aes(int mode) {
    try {
      Cipher c = Cipher.getInstance("AES/ECB/NoPadding"); // one block of unique (number, sequence): a PRP, no pattern
      c.init(mode, tagKey);
      return c;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the platform lacks AES, which every Java 17 has", e);
    }
  }

  @Override
  public String toString() {
    return "Pseudonyms[keys withheld]";
  }
}
