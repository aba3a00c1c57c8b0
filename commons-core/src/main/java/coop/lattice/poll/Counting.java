package coop.lattice.poll;

import coop.lattice.InvalidPollException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts a poll's ballots by its method: the entry point of this package. Pure and deterministic:
 * the same terms and the same ballots, in any order, give the same {@link Tally}, whose counts are
 * whole numbers and whose ties the terms' seed alone breaks. Thread-safe (it keeps nothing).
 *
 * <pre>{@code
 * Counting.check(terms, ballot);                 // refuses a ballot that does not fit the poll
 * Tally tally = Counting.count(terms, ballots);  // tally.order(): every option, the chosen one first
 * }</pre>
 */
public final class Counting {
  private Counting() {}

  /**
   * The tally of {@code ballots} under {@code terms}.
   *
   * @throws InvalidPollException if a ballot does not fit the poll (see {@link #check})
   */
  public static Tally count(PollTerms terms, List<Ballot> ballots) {
    Map<String, Integer> index = index(terms);
    int[][] values = new int[ballots.size()][];
    for (int b = 0; b < values.length; b++) {
      values[b] = values(terms, ballots.get(b), index);
    }
    Options options = new Options(terms.options(), TieBreak.of(terms.seed(), terms.options()));
    return switch (terms.method()) {
      case DOT_VOTE, SCORE_VOTE, TIME_POLL -> Totals.count(terms.method(), options, values);
      case INSTANT_RUNOFF -> InstantRunoff.count(options, values);
      case SCHULZE -> Schulze.count(options, values);
    };
  }

  /**
   * Refuses {@code ballot} if it does not fit {@code terms}: an option the poll does not offer, an
   * option marked twice, ranks that are not 1, 2, 3 ... one each, more dots than each member has or
   * a dot count below 1, a score outside 0 to the poll's maximum, a time poll mark other than yes or
   * if need be.
   *
   * @throws InvalidPollException saying what is wrong and what to do
   */
  public static void check(PollTerms terms, Ballot ballot) {
    values(terms, ballot, index(terms));
  }

  private static Map<String, Integer> index(PollTerms terms) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < terms.options().size(); i++) {
      index.put(terms.options().get(i), i);
    }
    return index;
  }

  /** The ballot's value for each option, in the terms' order (0 unmarked), once it is checked. */
  private static int[] values(PollTerms terms, Ballot ballot, Map<String, Integer> index) {
    int[] values = new int[index.size()];
    boolean[] marked = new boolean[index.size()];
    long sum = 0;
    for (Mark m : ballot.marks()) {
      Integer i = index.get(m.option());
      if (i == null) {
        throw new InvalidPollException("\"" + m.option() + "\" is not one of this poll's options ("
            + String.join(", ", terms.options()) + "): mark only the options it offers.");
      }
      if (marked[i]) {
        throw new InvalidPollException("This ballot marks \"" + m.option() + "\" more than once: mark each option once.");
      }
      marked[i] = true;
      values[i] = m.value();
      sum += m.value();
      checkMark(terms, m);
    }
    if (terms.method() == PollMethod.DOT_VOTE && sum > terms.dots()) {
      throw new InvalidPollException("This ballot places " + sum + " dots, and each member has " + terms.dots()
          + " in this poll (poll-dots): take " + (sum - terms.dots()) + " off.");
    }
    if (terms.method().ranksOptions()) {
      checkRanks(ballot);
    }
    return values;
  }

  private static void checkMark(PollTerms terms, Mark m) {
    int v = m.value();
    switch (terms.method()) {
      case DOT_VOTE -> {
        if (v < 1) {
          throw new InvalidPollException("A dot vote places whole dots, 1 or more, on an option (\"" + m.option()
              + "\" has " + v + "): leave out an option you give no dots.");
        }
      }
      case SCORE_VOTE -> {
        if (v < 0 || v > terms.maxScore()) {
          throw new InvalidPollException("Scores in this poll are whole numbers from 0 to " + terms.maxScore()
              + " (poll-score-max); \"" + m.option() + "\" has " + v + ".");
        }
      }
      case TIME_POLL -> {
        if (v != Ballot.Availability.YES.value() && v != Ballot.Availability.IF_NEED_BE.value()) {
          throw new InvalidPollException("A time poll marks a time yes (2) or if need be (1), and leaves out a time"
              + " you cannot make; \"" + m.option() + "\" has " + v + ".");
        }
      }
      case INSTANT_RUNOFF, SCHULZE -> {
        if (v < 1) {
          throw new InvalidPollException("Ranks start at 1 for the first preference; \"" + m.option() + "\" has " + v
              + ". Leave out an option you do not rank.");
        }
      }
    }
  }

  /** Ranks are 1 to k, one option each: checked in one pass without allocating per mark, said in full when not. */
  private static void checkRanks(Ballot ballot) {
    int k = ballot.marks().size();
    boolean[] seen = new boolean[k + 1];
    boolean fits = true;
    for (Mark m : ballot.marks()) {
      int r = m.value();
      fits &= r >= 1 && r <= k && !seen[r];
      if (r >= 1 && r <= k) {
        seen[r] = true;
      }
    }
    if (!fits) {
      explainRanks(ballot);
    }
  }

  private static void explainRanks(Ballot ballot) {
    Map<Integer, List<String>> byRank = new TreeMap<>();
    for (Mark m : ballot.marks()) {
      byRank.computeIfAbsent(m.value(), r -> new ArrayList<>()).add(m.option());
    }
    for (Map.Entry<Integer, List<String>> e : byRank.entrySet()) {
      if (e.getValue().size() > 1) {
        throw new InvalidPollException("\"" + String.join("\" and \"", e.getValue()) + "\" share rank " + e.getKey()
            + ": give each option a rank of its own (1 for your first preference, 2 for the next, and so on).");
      }
    }
    // Not 1 to k one each, and no rank is below 1 (checkMark): some rank from 1 to k is missing.
    int k = ballot.marks().size();
    for (int r = 1; r <= k; r++) {
      if (!byRank.containsKey(r)) {
        throw new InvalidPollException("This ballot ranks " + k + " options but skips rank " + r + ": number them 1 to "
            + k + ".");
      }
    }
  }
}
