package coop.lattice.federation.net;

import java.net.IDN;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Web origins (RFC 6454) of absolute http(s) URLs, normalized so that two spellings of one server
 * compare equal: the scheme and host in lower case, a trailing dot dropped, IDNA applied to a
 * non-ASCII host, and the default port filled in. The inbox uses them to hold an activity, its
 * actor and the signing key to one server.
 */
public final class Origins {
  private Origins() {}

  /** Both are absolute http(s) URLs of one origin. */
  public static boolean sameOrigin(String a, String b) {
    String x = origin(a);
    return x != null && x.equals(origin(b));
  }

  /** {@code scheme://host:port}, normalized; null for what is not an absolute http(s) URL. */
  public static @Nullable String origin(String url) {
    // The common case without java.net.URI: http(s)://authority with an ASCII host and no user info.
    int schemeEnd = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
    if (schemeEnd > 0) {
      int end = schemeEnd;
      while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
        end++;
      }
      String authority = url.substring(schemeEnd, end);
      if (simple(authority)) {
        return simpleOrigin(schemeEnd == 8 ? "https" : "http", authority);
      }
    }
    try {
      URI u = URI.create(url);
      if (u.getScheme() == null) {
        return null;
      }
      String h = host(u);
      return h.isEmpty() ? null : u.getScheme().toLowerCase(Locale.ROOT) + "://" + h + ":" + port(u);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** An ASCII authority without user info, IPv6 brackets, spaces or escapes. */
  private static boolean simple(String authority) {
    if (authority.isEmpty()) {
      return false;
    }
    for (int i = 0; i < authority.length(); i++) {
      char c = authority.charAt(i);
      if (c >= 0x80 || c == '@' || c == '[' || c == ' ' || c == '%') {
        return false;
      }
    }
    return true;
  }

  private static @Nullable String simpleOrigin(String scheme, String authority) {
    int colon = authority.lastIndexOf(':');
    String h = colon >= 0 ? authority.substring(0, colon) : authority;
    int port;
    try {
      port = colon >= 0 ? Integer.parseInt(authority.substring(colon + 1)) : scheme.equals("https") ? 443 : 80;
    } catch (NumberFormatException e) {
      return null;
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.isEmpty() ? null : scheme + "://" + h.toLowerCase(Locale.ROOT) + ":" + port;
  }

  private static String host(URI u) {
    String h = u.getHost();
    if (h == null && u.getAuthority() != null) {
      // java.net.URI leaves a non-ASCII host unparsed: take it from the authority.
      String a = u.getAuthority();
      a = a.substring(a.lastIndexOf('@') + 1);
      int colon = a.lastIndexOf(':');
      h = colon > 0 && !a.endsWith("]") ? a.substring(0, colon) : a;
    }
    if (h == null) {
      return "";
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    boolean ascii = h.chars().allMatch(c -> c < 0x80);
    return (ascii ? h : IDN.toASCII(h, IDN.ALLOW_UNASSIGNED)).toLowerCase(Locale.ROOT);
  }

  private static int port(URI u) {
    int p = u.getPort();
    if (p < 0 && u.getHost() == null && u.getAuthority() != null) {
      String a = u.getAuthority();
      int colon = a.lastIndexOf(':');
      if (colon > 0 && !a.endsWith("]")) {
        try {
          p = Integer.parseInt(a.substring(colon + 1));
        } catch (NumberFormatException e) {
          p = -1;
        }
      }
    }
    return p >= 0 ? p : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }
}
