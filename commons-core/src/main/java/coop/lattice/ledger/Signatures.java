package coop.lattice.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Domain-separated Ed25519 signatures over records: a signature covers a domain tag and then the
 * record's canonical bytes, so that one kind of statement can never be replayed as another.
 */
final class Signatures {
  private Signatures() {}

  /** The exact bytes a signature of {@code body} under {@code domain} covers. */
  static byte[] input(String domain, Record body) {
    byte[] tag = domain.getBytes(StandardCharsets.US_ASCII);
    byte[] json = EntryCodec.encode(body);
    byte[] out = new byte[tag.length + json.length];
    System.arraycopy(tag, 0, out, 0, tag.length);
    System.arraycopy(json, 0, out, tag.length, json.length);
    return out;
  }

  /** {@code key}'s signature of {@code input}, in URL-safe base64 without padding. */
  static String sign(CollectiveKey key, byte[] input) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(input));
  }

  /** True exactly when {@code signature} (URL-safe base64) is {@code key}'s signature of {@code input}. */
  static boolean verify(VerificationKey key, byte[] input, String signature) {
    try {
      return key.verify(input, Base64.getUrlDecoder().decode(signature));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
