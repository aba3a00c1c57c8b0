package coop.lattice.federation.http;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of RFC 8941 structured fields that HTTP message signatures use: dictionaries whose
 * members are inner lists of strings with parameters ({@code Signature-Input}) or byte
 * sequences ({@code Signature}). Anything else is refused: a signature we cannot read is a
 * signature we do not accept.
 */
final class StructuredFields {
  private StructuredFields() {}

  /** A list of covered components and its parameters, in the order they were written. */
  record InnerList(List<String> items, Map<String, Object> params) {
    InnerList {
      items = List.copyOf(items);
      params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The RFC 8941 serialization: what the {@code @signature-params} line of the base holds. */
    String serialize() {
      StringBuilder b = new StringBuilder("(");
      for (int i = 0; i < items.size(); i++) {
        b.append(i == 0 ? "" : " ").append('"').append(items.get(i)).append('"');
      }
      b.append(')');
      params.forEach((k, v) -> {
        b.append(';').append(k);
        if (v instanceof Long l) {
          b.append('=').append(l);
        } else if (v instanceof String s) {
          b.append("=\"").append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (v instanceof Boolean bool && !bool) {
          b.append("=?0");
        }
      });
      return b.toString();
    }
  }

  /** Parses a dictionary; members are {@link InnerList}s or {@code byte[]}. */
  static Map<String, Object> dictionary(String text) {
    Parser p = new Parser(text);
    Map<String, Object> out = new LinkedHashMap<>();
    p.spaces();
    while (!p.end()) {
      String key = p.key();
      p.expect('=');
      out.put(key, p.peek() == '(' ? p.innerList() : p.bytes());
      p.spaces();
      if (p.end()) {
        break;
      }
      p.expect(',');
      p.spaces();
    }
    return out;
  }

  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    boolean end() {
      return i >= s.length();
    }

    char peek() {
      if (end()) {
        throw new IllegalArgumentException("the field ends too early");
      }
      return s.charAt(i);
    }

    void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + i + " in the field");
      }
      i++;
    }

    void spaces() {
      while (!end() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
    }

    String key() {
      int start = i;
      while (!end() && (Character.isLowerCase(s.charAt(i)) || Character.isDigit(s.charAt(i)) || "_-.*".indexOf(
          s.charAt(i)) >= 0)) {
        i++;
      }
      if (start == i) {
        throw new IllegalArgumentException("expected a key at " + i + " in the field");
      }
      return s.substring(start, i);
    }

    InnerList innerList() {
      expect('(');
      List<String> items = new ArrayList<>();
      while (true) {
        while (!end() && s.charAt(i) == ' ') {
          i++;
        }
        if (peek() == ')') {
          i++;
          break;
        }
        items.add(string());
        if (!end() && s.charAt(i) == ';') {
          throw new IllegalArgumentException("component parameters (such as ;sf or ;name) are not supported");
        }
      }
      return new InnerList(items, params());
    }

    Map<String, Object> params() {
      Map<String, Object> out = new LinkedHashMap<>();
      while (!end() && s.charAt(i) == ';') {
        i++;
        String k = key();
        Object v = Boolean.TRUE;
        if (!end() && s.charAt(i) == '=') {
          i++;
          char c = peek();
          if (c == '"') {
            v = string();
          } else if (c == '?') {
            i++;
            v = peek() == '1';
            i++;
          } else if (c == '-' || Character.isDigit(c)) {
            int start = i++;
            while (!end() && Character.isDigit(s.charAt(i))) {
              i++;
            }
            v = Long.parseLong(s.substring(start, i));
          } else {
            int start = i;
            while (!end() && " ;,)".indexOf(s.charAt(i)) < 0) {
              i++;
            }
            v = s.substring(start, i);
          }
        }
        if (out.put(k, v) != null) {
          throw new IllegalArgumentException("parameter " + k + " given twice");
        }
      }
      return out;
    }

    String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        char c = peek();
        i++;
        if (c == '"') {
          return b.toString();
        }
        if (c == '\\') {
          c = peek();
          i++;
        } else if (c < 0x20 || c > 0x7e) {
          throw new IllegalArgumentException("a string holds a character outside printable ASCII");
        }
        b.append(c);
      }
    }

    byte[] bytes() {
      expect(':');
      int start = i;
      while (peek() != ':') {
        i++;
      }
      String b64 = s.substring(start, i++);
      return Base64.getDecoder().decode(b64);
    }
  }
}
