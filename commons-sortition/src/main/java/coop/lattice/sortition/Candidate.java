package coop.lattice.sortition;

import coop.lattice.MemberId;
import java.util.Map;
import java.util.TreeMap;

/**
 * Someone who can be drawn, with the group they belong to for each feature the quotas speak of
 * ({@code neighbourhood=north, age=16-29}). Every candidate of a request names the same features.
 *
 * @param member who
 * @param features feature to group, copied in feature order
 */
public record Candidate(MemberId member, Map<String, String> features) {
  public Candidate {
    if (features.isEmpty()) {
      throw new SortitionException(member + " has no features; a constrained draw needs at least one");
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    features.forEach((f, g) -> {
      checkLabel("a feature", f);
      checkLabel("a group", g);
      sorted.put(f, g);
    });
    features = java.util.Collections.unmodifiableMap(sorted);
  }

  public static Candidate of(MemberId member, Map<String, String> features) {
    return new Candidate(member, features);
  }

  static void checkLabel(String what, String label) {
    if (label.isEmpty() || label.length() > 64 || !label.strip().equals(label)) {
      throw new SortitionException(what + " is named by 1 to 64 characters without leading or trailing spaces, not \""
          + label + "\"");
    }
    for (int i = 0; i < label.length(); i++) {
      if (Character.isISOControl(label.charAt(i))) {
        throw new SortitionException(what + " name must not contain control characters: \"" + label + "\"");
      }
    }
  }
}
