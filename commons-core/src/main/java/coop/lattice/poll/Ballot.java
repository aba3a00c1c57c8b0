package coop.lattice.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One member's ballot: the options they mark, each with a value whose meaning the poll's {@link
 * PollMethod} gives. An option left out is unmarked: no dots, below every ranked option, a score of
 * 0, or not available. An empty ballot abstains and still counts in the turnout. Whether a ballot
 * fits its poll (options it offers, one rank each, no more dots than allowed) is checked when it is
 * cast ({@link Counting#check}); a ballot names options, never the member who cast it.
 *
 * <pre>{@code
 * Ballot.ranking(List.of("soup", "salad"));            // instant-runoff or Schulze: soup first, then salad
 * Ballot.dots(Map.of("soup", 2, "bread", 1));          // a dot vote
 * Ballot.scores(Map.of("soup", 5, "salad", 2));        // score voting: options are scored, never people
 * Ballot.times(Map.of("2027-03-04T18:00:00Z", Ballot.Availability.YES));
 * }</pre>
 *
 * @param marks the options marked, each once
 */
public record Ballot(List<Mark> marks) {
  /** For a time poll: whether a member can make a time. A time they cannot make is left out. */
  public enum Availability {
    /** Could come if need be: counts as able to make it, after those who said yes. */
    IF_NEED_BE,
    /** Can come. */
    YES;

    /** The mark's value: 2 for yes, 1 for if need be. */
    public int value() {
      return ordinal() + 1;
    }
  }

  public Ballot {
    marks = List.copyOf(marks);
  }

  /** A ballot that marks nothing: counted in the turnout, for no option. */
  public static Ballot abstain() {
    return new Ballot(List.of());
  }

  /** For a dot vote: how many dots on each option, in the order of the options' names. */
  public static Ballot dots(Map<String, Integer> dots) {
    return sorted(dots);
  }

  /** For instant-runoff or Schulze: {@code preferred} in order of preference, the first ranked 1. */
  public static Ballot ranking(List<String> preferred) {
    List<Mark> marks = new ArrayList<>(preferred.size());
    for (int i = 0; i < preferred.size(); i++) {
      marks.add(new Mark(preferred.get(i), i + 1));
    }
    return new Ballot(marks);
  }

  /** For score voting: a whole number from 0 to the poll's maximum for each option marked. */
  public static Ballot scores(Map<String, Integer> scores) {
    return sorted(scores);
  }

  /** For a time poll: the times this member can make, or could if need be. */
  public static Ballot times(Map<String, Availability> times) {
    Map<String, Integer> values = new TreeMap<>();
    times.forEach((time, a) -> values.put(time, a.value()));
    return sorted(values);
  }

  private static Ballot sorted(Map<String, Integer> values) {
    List<Mark> marks = new ArrayList<>();
    new TreeMap<>(values).forEach((option, v) -> marks.add(new Mark(option, v)));
    return new Ballot(marks);
  }
}
