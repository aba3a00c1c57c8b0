package coop.lattice.launcher.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key and list item of a YAML document stands, by path ({@code node.port}, {@code
 * collectives[0]}, {@code collectives[0].journal}): so that a complaint about a value, which the
 * binder may raise only at the end of its section, names the line the operator must change.
 */
final class YamlLines {
  private final Map<String, Integer> lines = new HashMap<>();

  private YamlLines() {}

  /** The lines of {@code text}; a document that does not parse gives those read before the fault. */
  static YamlLines of(String text) {
    YamlLines y = new YamlLines();
    try (JsonParser p = new YAMLFactory().createParser(text)) {
      if (p.nextToken() != null) {
        y.walk(p, "");
      }
    } catch (IOException e) {
      return y;
    }
    return y;
  }

  /** Records the lines inside the value at the parser's current token, whose path is {@code path}. */
  private void walk(JsonParser p, String path) throws IOException {
    if (p.currentToken() == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String at = path.isEmpty() ? p.currentName() : path + "." + p.currentName();
        lines.put(at, p.currentTokenLocation().getLineNr());
        p.nextToken();
        walk(p, at);
      }
    } else if (p.currentToken() == JsonToken.START_ARRAY) {
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        String at = path + "[" + i++ + "]";
        lines.put(at, p.currentTokenLocation().getLineNr());
        walk(p, at);
      }
    }
  }

  /** The keys directly under {@code path} ("" for the top), with their lines. */
  Map<String, Integer> keysUnder(String path) {
    Map<String, Integer> out = new HashMap<>();
    String prefix = path.isEmpty() ? "" : path + ".";
    lines.forEach((p, line) -> {
      String rest = p.startsWith(prefix) ? p.substring(prefix.length()) : null;
      if (rest != null && !rest.isEmpty() && !rest.contains(".") && !rest.contains("[")) {
        out.put(rest, line);
      }
    });
    return out;
  }

  /** The line of {@code path}, or 0 if it is not in the document. */
  int line(String path) {
    return lines.getOrDefault(path, 0);
  }

  /** The path of a binding complaint, such as {@code collectives[0].port}, with {@code extra} appended if given. */
  static String pathOf(JsonMappingException e, String extra) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    boolean endsWithExtra = b.toString().equals(extra) || b.toString().endsWith("." + extra);
    if (!extra.isEmpty() && !endsWithExtra) {
      b.append(b.length() == 0 ? "" : ".").append(extra);
    }
    return b.toString();
  }
}
