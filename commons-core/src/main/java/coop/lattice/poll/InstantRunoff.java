package coop.lattice.poll;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Instant-runoff: each round, every ballot counts for the option it ranks highest among those still
 * in (a ballot ranking none of them is exhausted), and the option with the fewest leaves; among
 * several with the fewest, the one the seed puts last. The last option in is chosen; the order is
 * it, then the others in the reverse of the order they left. Ballots are walked once per round from
 * where they stood, so a count costs the ballots' ranks plus one step per ballot and round.
 */
final class InstantRunoff {
  private InstantRunoff() {}

  static Tally count(Options options, int[][] ballots) {
    int n = options.size();
    int[][] preferences = new int[ballots.length][];
    for (int b = 0; b < ballots.length; b++) {
      preferences[b] = Options.inOrder(ballots[b]);
    }
    int[] at = new int[ballots.length];
    boolean[] in = new boolean[n];
    Arrays.fill(in, true);
    List<Tally.Round> rounds = new ArrayList<>();
    for (int left = n; left > 1; left--) {
      long[] count = new long[n];
      long exhausted = 0;
      for (int b = 0; b < ballots.length; b++) {
        int[] p = preferences[b];
        while (at[b] < p.length && !in[p[at[b]]]) {
          at[b]++;
        }
        if (at[b] < p.length) {
          count[p[at[b]]]++;
        } else {
          exhausted++;
        }
      }
      List<Tally.Total> counts = new ArrayList<>();
      for (int i : options.byName()) {
        if (in[i]) {
          counts.add(new Tally.Total(options.name(i), count[i], 0));
        }
      }
      Tally.Round round = round(options, counts, exhausted);
      rounds.add(round);
      in[options.names.indexOf(round.eliminated())] = false;
    }
    return tally(options, ballots.length, rounds);
  }

  /** The round these counts make: who leaves, and whether the seed chose among several with the fewest. */
  static Tally.Round round(Options options, List<Tally.Total> counts, long exhausted) {
    long fewest = Long.MAX_VALUE;
    for (Tally.Total t : counts) {
      fewest = Math.min(fewest, t.count());
    }
    String leaves = null;
    int tied = 0;
    for (Tally.Total t : counts) {
      if (t.count() == fewest) {
        tied++;
        if (leaves == null || options.tieBreak.place(t.option()) > options.tieBreak.place(leaves)) {
          leaves = t.option();
        }
      }
    }
    return new Tally.Round(counts, exhausted, Objects.requireNonNull(leaves, "a round with no option in"), tied > 1);
  }

  /** The tally these rounds give: the order and the ties the seed broke follow from them. */
  static Tally tally(Options options, int ballots, List<Tally.Round> rounds) {
    List<String> left = new ArrayList<>(options.names);
    List<String> order = new ArrayList<>();
    List<String> bySeed = new ArrayList<>();
    for (Tally.Round r : rounds) {
      left.remove(r.eliminated());
      order.add(0, r.eliminated());
      if (r.bySeed()) {
        r.counts().stream().filter(t -> t.count() == count(r, r.eliminated())).forEach(t -> bySeed.add(t.option()));
      }
    }
    order.addAll(0, left);
    List<String> seeded = order.stream().filter(bySeed::contains).toList();
    return new Tally(PollMethod.INSTANT_RUNOFF, ballots, order, List.of(), rounds, List.of(), seeded);
  }

  private static long count(Tally.Round r, String option) {
    return r.counts().stream().filter(t -> t.option().equals(option)).findFirst().orElseThrow().count();
  }
}
