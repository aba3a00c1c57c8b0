package coop.lattice.federation.http;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * draft-cavage-http-signatures-12, as Mastodon and most of the fediverse speak it: {@code
 * rsa-sha256} and {@code hs2019} over {@code (request-target)}, {@code host}, {@code date} and
 * {@code digest}.
 */
public final class Cavage {
  private Cavage() {}

  /** The parameters of a {@code Signature} header. */
  record Parsed(String keyId, String algorithm, List<String> headers, byte[] signature, Map<String, String> params) {}

  /** Signs {@code m} over {@code headers} with an RSA or Ed25519 key, adding the {@code Signature} header. */
  public static HttpMessage sign(HttpMessage m, String keyId, Key key, List<String> headers) {
    Algorithm alg;
    try {
      alg = Algorithm.of(key);
    } catch (SignatureRejected e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    String name = alg == Algorithm.RSA_SHA256 ? "rsa-sha256" : "hs2019";
    byte[] sig = alg.sign(key, signingString(m, headers, Map.of()));
    return m.with("signature", "keyId=\"" + keyId + "\",algorithm=\"" + name + "\",headers=\"" + String.join(" ", headers)
        + "\",signature=\"" + Base64.getEncoder().encodeToString(sig) + "\"");
  }

  static byte[] signingString(HttpMessage m, List<String> headers, Map<String, String> params) {
    List<String> lines = new ArrayList<>();
    for (String h : headers) {
      String v = switch (h) {
        case "(request-target)" -> m.method().toLowerCase(Locale.ROOT) + " " + m.pathAndQuery();
        case "(created)", "(expires)" -> params.getOrDefault(h.substring(1, h.length() - 1), "");
        case "host" -> m.header("host").orElse(m.authority());
        default -> m.header(h).orElse("");
      };
      lines.add(h + ": " + v);
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  static Parsed parse(HttpMessage m) throws SignatureRejected {
    String field = m.header("signature").orElseThrow(() -> new SignatureRejected("no Signature header"));
    Map<String, String> p = new LinkedHashMap<>();
    int i = 0;
    while (i < field.length()) {
      int eq = field.indexOf('=', i);
      if (eq < 0) {
        throw new SignatureRejected("malformed Signature header");
      }
      String k = field.substring(i, eq).trim();
      String v;
      if (eq + 1 < field.length() && field.charAt(eq + 1) == '"') {
        int end = field.indexOf('"', eq + 2);
        if (end < 0) {
          throw new SignatureRejected("unterminated value in the Signature header");
        }
        v = field.substring(eq + 2, end);
        i = end + 1;
      } else {
        int end = field.indexOf(',', eq);
        end = end < 0 ? field.length() : end;
        v = field.substring(eq + 1, end).trim();
        i = end;
      }
      if (p.put(k, v) != null) {
        throw new SignatureRejected("parameter " + k + " given twice in the Signature header");
      }
      while (i < field.length() && (field.charAt(i) == ',' || field.charAt(i) == ' ')) {
        i++;
      }
    }
    String keyId = p.get("keyId");
    String sig = p.get("signature");
    if (keyId == null || sig == null) {
      throw new SignatureRejected("the Signature header needs keyId and signature");
    }
    List<String> headers = words(p.getOrDefault("headers", "(created)").toLowerCase(Locale.ROOT));
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(sig);
    } catch (IllegalArgumentException e) {
      throw new SignatureRejected("the signature is not base64");
    }
    return new Parsed(keyId, p.getOrDefault("algorithm", "hs2019").toLowerCase(Locale.ROOT), headers, bytes, p);
  }

  /** The space-separated names of a {@code headers} parameter (split by hand: a regex split compiles its pattern per call). */
  private static List<String> words(String list) {
    List<String> out = new ArrayList<>(8);
    int i = 0;
    while (i < list.length()) {
      int end = list.indexOf(' ', i);
      end = end < 0 ? list.length() : end;
      if (end > i) {
        out.add(list.substring(i, end));
      }
      i = end + 1;
    }
    return List.copyOf(out);
  }

  static boolean verify(HttpMessage m, Parsed p, Key key) throws SignatureRejected {
    Algorithm alg = switch (p.algorithm()) {
      case "rsa-sha256" -> Algorithm.RSA_SHA256;
      case "hs2019" -> Algorithm.of(key);
      case "ed25519" -> Algorithm.ED25519;
      default -> throw new SignatureRejected("unsupported signature algorithm \"" + p.algorithm() + "\"");
    };
    return alg.verify(key, signingString(m, p.headers(), p.params()), p.signature());
  }
}
