package coop.lattice.federation.rdf;

/** The checks on IRIs that decide whether the fast path may read one as it is. */
final class Iris {
  private Iris() {}

  /** True when {@code s} up to {@code end} is an RFC 3986 scheme: a letter, then letters, digits, +, - or dots. */
  static boolean scheme(String s, int end) {
    if (end <= 0 || !letter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < end; i++) {
      char c = s.charAt(i);
      if (!letter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean letter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /**
   * True for an IRI of plain ASCII characters that RFC 3987 allows, with at most one {@code #}, no
   * brackets and every {@code %} followed by two hex digits. Anything else (a second {@code #},
   * template braces, spaces, {@code |}, a bad escape, any non-ASCII character) goes to the general
   * reader, which drops the ill-formed ones as the standard algorithm says.
   */
  static boolean plainIri(String s) {
    boolean fragment = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~:/?@!$&'()*+,;=".indexOf(c) >= 0) {
        continue;
      }
      if (c == '#' && !fragment) {
        fragment = true;
      } else if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2))) {
        i += 2;
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean hex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
