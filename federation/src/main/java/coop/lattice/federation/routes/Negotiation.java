package coop.lattice.federation.routes;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Content negotiation at a collective's addresses (RFC 9110, section 12.5.1): a reader whose
 * {@code Accept} weighs HTML above every ActivityStreams type gets the page; anyone else gets
 * ActivityPub JSON as before. Browsers ask for {@code text/html} first and {@code *}{@code /*} at a
 * lower weight; servers ask for {@code application/activity+json} or {@code application/ld+json}.
 * A tie goes to JSON: servers are what the addresses were first made for.
 */
final class Negotiation {
  private static final String[] JSON = {"application/activity+json", "application/ld+json", "application/json"};

  private Negotiation() {}

  /** What the reader should get. */
  enum Answer { PAGE, JSON, NEITHER }

  static Answer of(@Nullable String accept) {
    String header = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
    double html = weight(header, "text/html");
    double json = 0;
    for (String type : JSON) {
      json = Math.max(json, weight(header, type));
    }
    if (html > json) {
      return Answer.PAGE;
    }
    return json > 0 ? Answer.JSON : Answer.NEITHER;
  }

  /**
   * The weight the header gives {@code type}: that of the most specific range that matches it
   * (the type itself, then {@code type/*}, then {@code *}{@code /*}), 0 if none does.
   */
  static double weight(String header, String type) {
    int best = -1;
    double q = 0;
    for (String range : header.split(",")) {
      String[] parts = range.split(";");
      String media = parts[0].trim();
      int specificity = media.equals(type) ? 2 : media.equals(type.substring(0, type.indexOf('/')) + "/*") ? 1
          : media.equals("*/*") ? 0 : -1;
      if (specificity > best) {
        best = specificity;
        q = quality(parts);
      }
    }
    return q;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.startsWith("q=")) {
        try {
          double q = Double.parseDouble(p.substring(2).trim());
          return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
