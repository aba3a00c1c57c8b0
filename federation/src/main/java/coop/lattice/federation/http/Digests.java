package coop.lattice.federation.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/** Body digests: {@code Digest} (RFC 3230, as Mastodon sends it) and {@code Content-Digest} (RFC 9530). */
public final class Digests {
  private Digests() {}

  public static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code SHA-256=<base64>}. */
  public static String digest(byte[] body) {
    return "SHA-256=" + Base64.getEncoder().encodeToString(sha256(body));
  }

  /** {@code sha-256=:<base64>:}. */
  public static String contentDigest(byte[] body) {
    return "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
  }

  /** True if {@code header} (a {@code Digest} value) holds a SHA-256 entry equal to the body's. */
  public static boolean digestMatches(String header, byte[] body) {
    String want = Base64.getEncoder().encodeToString(sha256(body));
    for (String part : header.split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).toLowerCase(Locale.ROOT).equals("sha-256")
          && MessageDigest.isEqual(p.substring(eq + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
              want.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }

  /** True if {@code header} (a {@code Content-Digest} value) holds a sha-256 entry equal to the body's. */
  public static boolean contentDigestMatches(String header, byte[] body) {
    String want = ":" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
    for (String part : header.split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equals("sha-256") && p.substring(eq + 1).trim().equals(want)) {
        return true;
      }
    }
    return false;
  }
}
