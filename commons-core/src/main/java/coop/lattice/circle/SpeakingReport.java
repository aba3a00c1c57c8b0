package coop.lattice.circle;

import coop.lattice.MemberId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How speaking time was spread across a circle: the group's distribution, never a ranking of
 * people. The durations are sorted and carry no names.
 *
 * @param participants how many took part (including those who passed or stayed silent)
 * @param totalSeconds all speaking time
 * @param secondsSorted each participant's total, smallest first, without names
 * @param longestShare the share of all speaking time taken by whoever spoke longest (1/n is even)
 * @param gini the Gini coefficient of speaking time (0 is perfectly even, near 1 is one voice)
 * @param overBudget how many participants went over the equal time budget
 */
public record SpeakingReport(int participants, long totalSeconds, List<Long> secondsSorted, double longestShare,
    double gini, int overBudget) {

  public SpeakingReport {
    secondsSorted = List.copyOf(secondsSorted);
  }

  /** The report for a meeting of {@code participants} with these turns and an equal budget per person. */
  public static SpeakingReport of(List<MemberId> participants, List<Turn> turns, long budgetSeconds) {
    Map<MemberId, Long> seconds = new HashMap<>();
    participants.forEach(m -> seconds.put(m, 0L));
    for (Turn t : turns) {
      seconds.merge(t.member(), t.seconds(), Long::sum);
    }
    List<Long> sorted = new ArrayList<>(seconds.values());
    sorted.sort(null);
    long total = sorted.stream().mapToLong(Long::longValue).sum();
    long longest = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
    int over = (int) sorted.stream().filter(s -> s > budgetSeconds).count();
    return new SpeakingReport(sorted.size(), total, sorted, total == 0 ? 0 : (double) longest / total, gini(sorted),
        over);
  }

  /**
   * The Gini coefficient of non-negative values: the mean absolute difference between all pairs,
   * over twice the mean. 0 when everyone is equal or nobody has anything.
   */
  public static double gini(List<Long> values) {
    int n = values.size();
    long sum = 0;
    for (long v : values) {
      sum += v;
    }
    if (n == 0 || sum == 0) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    // With values sorted ascending: G = sum_i (2i - n + 1) x_i / (n * sum), i from 0.
    double acc = 0;
    for (int i = 0; i < n; i++) {
      acc += (2.0 * i - n + 1) * sorted.get(i);
    }
    return acc / ((double) n * sum);
  }
}
