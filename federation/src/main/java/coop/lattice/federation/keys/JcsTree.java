package coop.lattice.federation.keys;

import com.fasterxml.jackson.databind.JsonNode;
import coop.lattice.canonical.CanonicalJson;
import coop.lattice.canonical.CanonicalWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * RFC 8785 bytes of a Jackson tree from elsewhere, written straight from the tree: members sorted
 * by UTF-16 code units, numbers as {@link CanonicalJson#encodeForeign(Object)} takes them (an
 * integer within the IEEE 754 safe range as it is, any other number as the double nearest to it,
 * in ECMAScript's form). A proof's document and configuration differ from the tree only in a few
 * top-level members, so those are given as a sorted map over the tree's own values, not a copy.
 */
final class JcsTree {
  private JcsTree() {}

  /** The top-level members of {@code object}, to leave some out or set others before writing. */
  static SortedMap<String, JsonNode> members(JsonNode object) {
    SortedMap<String, JsonNode> m = new TreeMap<>();
    object.properties().forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  /**
   * The canonical bytes of the object with these members.
   *
   * @throws IllegalArgumentException for a number beyond the range of doubles, a lone surrogate, or
   *     a node that is no JSON value (RFC 8785 has no form for them)
   */
  static byte[] canonical(SortedMap<String, JsonNode> members) {
    CanonicalWriter w = new CanonicalWriter(1024);
    w.beginObject();
    for (Map.Entry<String, JsonNode> e : members.entrySet()) {
      w.name(e.getKey());
      write(w, e.getValue());
    }
    w.endObject();
    return w.toByteArray();
  }

  private static void write(CanonicalWriter w, JsonNode n) {
    switch (n.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>(n.size());
        n.fieldNames().forEachRemaining(names::add);
        names.sort(null); // String order: UTF-16 code units, as RFC 8785 sorts
        w.beginObject();
        for (String name : names) {
          w.name(name);
          write(w, n.get(name));
        }
        w.endObject();
      }
      case ARRAY -> {
        w.beginArray();
        n.forEach(x -> write(w, x));
        w.endArray();
      }
      case STRING -> w.value(n.textValue());
      case BOOLEAN -> w.value(n.booleanValue());
      case NULL -> w.nullValue();
      case NUMBER -> number(w, n);
      default -> throw new IllegalArgumentException("no JSON value: " + n.getNodeType());
    }
  }

  private static void number(CanonicalWriter w, JsonNode n) {
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      long v = n.longValue();
      if (v >= -CanonicalWriter.MAX_SAFE_INTEGER && v <= CanonicalWriter.MAX_SAFE_INTEGER) {
        w.value(v);
        return;
      }
    }
    double d = n.doubleValue(); // correctly rounded from the text, a BigInteger or a BigDecimal
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException(
          "number beyond the range of IEEE 754 doubles, which RFC 8785 cannot write: " + n.asText());
    }
    w.ieeeNumber(d);
  }
}
