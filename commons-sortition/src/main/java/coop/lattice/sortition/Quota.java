package coop.lattice.sortition;

/**
 * How many seats of the panel go to one group of a feature: at least {@code min}, at most {@code
 * max} ("neighbourhood north: 2 to 3"). A group that has no quota may take 0 to all seats.
 *
 * @param feature the feature, such as {@code "neighbourhood"} or {@code "age"}
 * @param group one of its groups, such as {@code "north"} or {@code "16-29"}
 * @param min the fewest seats the group takes
 * @param max the most seats the group takes
 */
public record Quota(String feature, String group, int min, int max) {
  public Quota {
    Candidate.checkLabel("a feature", feature);
    Candidate.checkLabel("a group", group);
    if (min < 0 || max < min) {
      throw new SortitionException("the quota for " + feature + " " + group + " must satisfy 0 <= min <= max, not "
          + min + " to " + max);
    }
  }

  /** The quota in words: "neighbourhood north at least 2". */
  String words(boolean lower) {
    return feature + " " + group + (lower ? " at least " + min : " at most " + max);
  }
}
