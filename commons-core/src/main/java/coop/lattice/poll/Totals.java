package coop.lattice.poll;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counting by totals: a dot vote (dots per option), score voting (the sum of scores) and a time
 * poll (yes and if-need-be marks). The order is by the totals alone, highest first (for a time
 * poll: most able to come, then most yes), options with equal totals in the seed's order.
 */
final class Totals {
  private Totals() {}

  static Tally count(PollMethod method, Options options, int[][] ballots) {
    long[] count = new long[options.size()];
    long[] ifNeedBe = new long[options.size()];
    for (int[] b : ballots) {
      for (int i = 0; i < b.length; i++) {
        if (method == PollMethod.TIME_POLL) {
          count[i] += b[i] == Ballot.Availability.YES.value() ? 1 : 0;
          ifNeedBe[i] += b[i] == Ballot.Availability.IF_NEED_BE.value() ? 1 : 0;
        } else {
          count[i] += b[i];
        }
      }
    }
    List<Tally.Total> totals = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      totals.add(new Tally.Total(options.name(i), count[i], ifNeedBe[i]));
    }
    return tally(method, options, ballots.length, totals);
  }

  /** The tally these totals give: the order and the ties the seed broke follow from them. */
  static Tally tally(PollMethod method, Options options, int ballots, List<Tally.Total> totals) {
    Comparator<Tally.Total> byCount = Comparator.comparingLong((Tally.Total t) -> t.count() + t.ifNeedBe())
        .thenComparingLong(Tally.Total::count).reversed();
    List<Tally.Total> sorted = new ArrayList<>(totals);
    sorted.sort(byCount.thenComparingInt(t -> options.tieBreak.place(t.option())));
    Map<List<Long>, Integer> sameCounts = new HashMap<>();
    for (Tally.Total t : totals) {
      sameCounts.merge(List.of(t.count(), t.ifNeedBe()), 1, Integer::sum);
    }
    List<String> order = new ArrayList<>();
    List<String> bySeed = new ArrayList<>();
    for (Tally.Total t : sorted) {
      order.add(t.option());
      if (sameCounts.get(List.of(t.count(), t.ifNeedBe())) > 1) {
        bySeed.add(t.option());
      }
    }
    return new Tally(method, ballots, order, sorted, List.of(), List.of(), bySeed);
  }
}
