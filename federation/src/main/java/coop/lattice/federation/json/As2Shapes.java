package coop.lattice.federation.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shapes of the ActivityStreams 2.0 properties a node acts on, as the vocabulary types them,
 * checked on an activity and on the object it carries: links ({@code actor}, {@code object},
 * {@code target}, {@code to} ...) are an absolute IRI, an object, or an array of those; {@code
 * id} is an absolute http(s) IRI with no space or control character (it goes into logs and keys);
 * {@code type} is a string or an array of strings; {@code published} and its kin are {@code
 * xsd:dateTime}; {@code content} and {@code name} are strings, their maps objects of strings. What
 * it does not know it leaves alone: extensions stay open, as the vocabulary wants.
 */
public final class As2Shapes {
  private static final Set<String> LINKS = Set.of("actor", "object", "target", "origin", "result", "instrument",
      "attributedTo", "inReplyTo", "to", "cc", "bto", "bcc", "audience", "context", "tag", "attachment", "generator",
      "location", "replies", "likes", "shares", "followers", "following", "outbox", "inbox");
  private static final Set<String> TIMES = Set.of("published", "updated", "startTime", "endTime", "deleted");
  private static final Map<String, String> TEXT_MAPS = Map.of("content", "contentMap", "name", "nameMap", "summary",
      "summaryMap");
  /** Activity types whose meaning needs an {@code object}. */
  private static final Set<String> NEED_OBJECT = Set.of("Follow", "Undo", "Accept", "Reject", "Create", "Update",
      "Delete", "Announce", "Like", "Offer", "Add", "Remove", "Block", "Flag", "Move", "EmojiReact");

  private As2Shapes() {}

  /** What is wrong with {@code activity}'s shape, said for its sender; empty when nothing is. */
  public static Optional<String> problem(ObjectNode activity) {
    String p = shape(activity, "the activity");
    if (p == null) {
      JsonNode object = activity.get("object");
      String type = activity.path("type").asText("");
      if (NEED_OBJECT.contains(type) && (object == null || object.isNull())) {
        p = "a " + type + " needs an object";
      } else if (object != null && object.isObject()) {
        p = shape((ObjectNode) object, "its object");
      }
    }
    return Optional.ofNullable(p);
  }

  private static String shape(ObjectNode o, String where) {
    JsonNode id = o.get("id");
    if (id != null && !id.isNull() && !(id.isTextual() && isHttpIri(id.asText()))) {
      return where + "'s id must be an absolute http(s) IRI without spaces or control characters, not "
          + describe(id);
    }
    JsonNode type = o.get("type");
    if (type != null && !(type.isTextual() || type.isArray() && allText(type))) {
      return where + "'s type must be a string or an array of strings, not " + describe(type);
    }
    for (String link : LINKS) {
      JsonNode v = o.get(link);
      if (v != null && !isLinks(v)) {
        return where + "'s " + link + " must be an IRI, an object, or an array of them, not " + describe(v);
      }
    }
    for (String time : TIMES) {
      JsonNode v = o.get(time);
      if (v != null && !v.isNull() && !(v.isTextual() && isDateTime(v.asText()))) {
        return where + "'s " + time + " must be an xsd:dateTime such as 2026-11-30T12:00:00Z, not " + describe(v);
      }
    }
    for (Map.Entry<String, String> text : TEXT_MAPS.entrySet()) {
      JsonNode v = o.get(text.getKey());
      if (v != null && !v.isNull() && !v.isTextual()) {
        return where + "'s " + text.getKey() + " must be a string, not " + describe(v);
      }
      JsonNode map = o.get(text.getValue());
      if (map != null && !map.isNull() && !(map.isObject() && allText(map))) {
        return where + "'s " + text.getValue() + " must be an object of language tags to strings, not "
            + describe(map);
      }
    }
    return null;
  }

  private static boolean isLinks(JsonNode v) {
    if (v.isArray()) {
      for (JsonNode x : v) {
        if (!isLink(x)) {
          return false;
        }
      }
      return true;
    }
    return v.isNull() || isLink(v);
  }

  private static boolean isLink(JsonNode v) {
    return v.isObject() || v.isTextual() && isIri(v.asText());
  }

  private static boolean allText(JsonNode container) {
    for (JsonNode x : container) {
      if (!x.isTextual()) {
        return false;
      }
    }
    return true;
  }

  /**
   * An absolute IRI (a scheme, a colon, something) or a compact IRI a context may expand, with no
   * spaces or controls; or {@code Public}, which some servers write for the public collection.
   */
  private static boolean isIri(String s) {
    int colon = s.indexOf(':');
    return (colon > 0 || s.equals("Public")) && clean(s);
  }

  /** An absolute http(s) IRI with no space or control character: safe in a log line, a header, a key. */
  public static boolean isHttpIri(String s) {
    return (s.startsWith("https://") || s.startsWith("http://")) && s.length() > 8 && clean(s);
  }

  private static boolean clean(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f || c == 0x2028 || c == 0x2029) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDateTime(String s) {
    try {
      DateTimeFormatter.ISO_DATE_TIME.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String describe(JsonNode v) {
    String kind = v.isNumber() ? "the number" : v.isBoolean() ? "the boolean" : v.isTextual() ? "the string"
        : v.isArray() ? "an array" : v.isObject() ? "an object" : "null";
    String text = v.isValueNode() ? v.toString() : "";
    return kind + (text.isEmpty() ? "" : " " + (text.length() > 60 ? text.substring(0, 60) + "..." : text));
  }
}
