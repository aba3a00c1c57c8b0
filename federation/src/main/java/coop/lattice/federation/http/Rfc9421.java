package coop.lattice.federation.http;

import coop.lattice.federation.http.StructuredFields.InnerList;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** HTTP Message Signatures (RFC 9421): the signature base, signing and reading a signature. */
public final class Rfc9421 {
  private Rfc9421() {}

  /** What a request's {@code Signature-Input} and {@code Signature} say under one label. */
  record Parsed(String label, InnerList input, byte[] signature) {
    @Nullable String keyId() {
      return input.params().get("keyid") instanceof String s ? s : null;
    }
  }

  /** The value of one covered component. */
  static String component(HttpMessage m, String name) throws SignatureRejected {
    return switch (name) {
      case "@method" -> m.method();
      case "@authority" -> m.authority().toLowerCase(Locale.ROOT);
      case "@scheme" -> m.scheme().toLowerCase(Locale.ROOT);
      case "@path" -> m.path();
      case "@query" -> m.query();
      case "@request-target" -> m.pathAndQuery();
      case "@target-uri" -> m.scheme().toLowerCase(Locale.ROOT) + "://" + m.authority().toLowerCase(Locale.ROOT)
          + m.pathAndQuery();
      default -> {
        if (name.startsWith("@")) {
          throw new SignatureRejected("unsupported derived component " + name);
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
          throw new SignatureRejected("component names are lower case: " + name);
        }
        yield m.header(name).orElseThrow(() -> new SignatureRejected("the signature covers " + name
            + ", which the request lacks"));
      }
    };
  }

  /** The signature base (RFC 9421, 2.5) for {@code input}. */
  static byte[] base(HttpMessage m, InnerList input) throws SignatureRejected {
    StringBuilder b = new StringBuilder();
    for (String c : input.items()) {
      String v = component(m, c);
      if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
        throw new SignatureRejected("component " + c + " holds a line break");
      }
      b.append('"').append(c).append("\": ").append(v).append('\n');
    }
    b.append("\"@signature-params\": ").append(input.serialize());
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Signs {@code m} over {@code components}, adding {@code Signature-Input} and {@code
   * Signature} under {@code label}. {@code alg} may be null to leave the parameter out, as
   * the RFC's examples do.
   */
  public static HttpMessage sign(HttpMessage m, String label, List<String> components, long created, String keyId,
      @Nullable Algorithm alg, Algorithm using, Key key) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("created", created);
    params.put("keyid", keyId);
    if (alg != null) {
      params.put("alg", alg.rfc9421Name());
    }
    InnerList input = new InnerList(components, params);
    byte[] base;
    try {
      base = base(m, input);
    } catch (SignatureRejected e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    byte[] sig = using.sign(key, base);
    return m.with("signature-input", label + "=" + input.serialize())
        .with("signature", label + "=:" + Base64.getEncoder().encodeToString(sig) + ":");
  }

  /** Reads the signature under {@code label}, or the only one when {@code label} is null. */
  static Parsed parse(HttpMessage m, @Nullable String label) throws SignatureRejected {
    String inputField = m.header("signature-input").orElseThrow(() -> new SignatureRejected("no Signature-Input"));
    String sigField = m.header("signature").orElseThrow(() -> new SignatureRejected("no Signature"));
    Map<String, Object> inputs;
    Map<String, Object> sigs;
    try {
      inputs = StructuredFields.dictionary(inputField);
      sigs = StructuredFields.dictionary(sigField);
    } catch (IllegalArgumentException e) {
      throw new SignatureRejected("unreadable signature fields: " + e.getMessage());
    }
    List<String> labels = new ArrayList<>(inputs.keySet());
    String l = label != null ? label : labels.size() == 1 ? labels.get(0) : null;
    if (l == null) {
      throw new SignatureRejected("several signatures and none chosen: " + labels);
    }
    if (!(inputs.get(l) instanceof InnerList input) || !(sigs.get(l) instanceof byte[] sig)) {
      throw new SignatureRejected("no complete signature labelled " + l);
    }
    return new Parsed(l, input, sig);
  }

  /** Verifies the signature under {@code label} with {@code key}; returns false when it does not verify. */
  public static boolean verify(HttpMessage m, @Nullable String label, Key key) throws SignatureRejected {
    Parsed p = parse(m, label);
    Algorithm alg = p.input().params().get("alg") instanceof String a ? Algorithm.ofRfc9421(a) : Algorithm.of(key);
    return alg.verify(key, base(m, p.input()), p.signature());
  }
}
