package coop.lattice.federation.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * JSON for documents that come from other servers: parsed under explicit limits (nesting 32,
 * strings 64 KiB, numbers 50 digits, documents 1 MiB) with duplicate keys rejected, so a
 * document cannot mean one thing to the parser and another to us.
 */
public final class Json {
  public static final int MAX_DOCUMENT = 1 << 20;
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(64 * 1024)
          .maxNumberLength(50).maxDocumentLength(MAX_DOCUMENT).build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private Json() {}

  /** Parses {@code bytes} as one JSON object under the limits. */
  public static ObjectNode parseObject(byte[] bytes) throws IOException {
    JsonNode n = MAPPER.readTree(bytes);
    if (!(n instanceof ObjectNode o)) {
      throw new IOException("expected a JSON object");
    }
    return o;
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static byte[] bytes(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The id of {@code n} (a string, or an object's {@code id}). */
  public static Optional<String> id(@Nullable JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return Optional.empty();
    }
    if (n.isTextual()) {
      return Optional.of(n.asText());
    }
    JsonNode id = n.get("id");
    return id != null && id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
  }

  /** The ids {@code n} gives: one (see {@link #id}), or one for each element of an array; none for null. */
  public static List<String> ids(@Nullable JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(x -> id(x).ifPresent(out::add));
    } else {
      id(n).ifPresent(out::add);
    }
    return out;
  }

  public static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }
}
