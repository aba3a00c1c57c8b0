package coop.lattice.poll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Schulze method (Markus Schulze, "A new monotonic, clone-independent, reversal symmetric, and
 * Condorcet-consistent single-winner election method", Social Choice and Welfare 36, 2011). {@code
 * d[a][b]} counts the ballots that rank a above b (a ranked option is above every unranked one);
 * the strength of a path is its weakest pairwise win, and {@code p[a][b]} the strongest path from
 * a to b (Floyd-Warshall, widest paths). a beats b when {@code p[a][b] > p[b][a]}, which is
 * transitive, so an order exists even when preferences form a cycle: repeatedly, among the options
 * left, those nobody left beats are tied for the next place, and the seed picks among them.
 */
final class Schulze {
  private Schulze() {}

  static Tally count(Options options, int[][] ballots) {
    int n = options.size();
    long[][] d = new long[n][n];
    int[] unranked = new int[n];
    for (int[] b : ballots) {
      // Each ranked option is above those it precedes and above every unranked one: counted without
      // comparing ranks, so without a branch that depends on the ballot.
      int[] order = Options.inOrder(b);
      int u = 0;
      for (int j = 0; j < n; j++) {
        if (b[j] == 0) {
          unranked[u++] = j;
        }
      }
      for (int x = 0; x < order.length; x++) {
        long[] row = d[order[x]];
        for (int y = x + 1; y < order.length; y++) {
          row[order[y]]++;
        }
        for (int y = 0; y < u; y++) {
          row[unranked[y]]++;
        }
      }
    }
    List<Tally.Preference> preferences = new ArrayList<>();
    for (int i : options.byName()) {
      for (int j : options.byName()) {
        if (i != j && d[i][j] > 0) {
          preferences.add(new Tally.Preference(options.name(i), options.name(j), d[i][j]));
        }
      }
    }
    return tally(options, ballots.length, preferences);
  }

  /** The tally these pairwise counts give: the strongest paths, the order and the ties the seed broke follow. */
  static Tally tally(Options options, int ballots, List<Tally.Preference> preferences) {
    int n = options.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(options.name(i), i);
    }
    long[][] d = new long[n][n];
    for (Tally.Preference p : preferences) {
      d[index.get(p.over())][index.get(p.under())] = p.ballots();
    }
    long[][] p = strongestPaths(d);
    boolean[] placed = new boolean[n];
    List<String> order = new ArrayList<>();
    Set<String> tied = new HashSet<>();
    for (int place = 0; place < n; place++) {
      List<Integer> unbeaten = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!placed[i] && unbeaten(p, placed, i)) {
          unbeaten.add(i);
        }
      }
      int next = unbeaten.get(0);
      for (int i : unbeaten) {
        next = options.place(i) < options.place(next) ? i : next;
      }
      placed[next] = true;
      order.add(options.name(next));
      if (unbeaten.size() > 1) {
        unbeaten.forEach(i -> tied.add(options.name(i)));
      }
    }
    List<String> bySeed = order.stream().filter(tied::contains).toList();
    return new Tally(PollMethod.SCHULZE, ballots, order, List.of(), List.of(), preferences, bySeed);
  }

  /** The strength of the strongest path between every two options. */
  static long[][] strongestPaths(long[][] d) {
    int n = d.length;
    long[][] p = new long[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        p[i][j] = i != j && d[i][j] > d[j][i] ? d[i][j] : 0;
      }
    }
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        if (i == k) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          if (j != i && j != k) {
            p[i][j] = Math.max(p[i][j], Math.min(p[i][k], p[k][j]));
          }
        }
      }
    }
    return p;
  }

  private static boolean unbeaten(long[][] p, boolean[] placed, int i) {
    for (int j = 0; j < p.length; j++) {
      if (j != i && !placed[j] && p[j][i] > p[i][j]) {
        return false;
      }
    }
    return true;
  }
}
