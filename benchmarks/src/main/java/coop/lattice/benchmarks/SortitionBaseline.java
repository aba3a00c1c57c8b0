package coop.lattice.benchmarks;

import coop.lattice.MemberId;
import coop.lattice.sortition.Candidate;
import coop.lattice.sortition.PanelDistribution;
import coop.lattice.sortition.PanelRequest;
import coop.lattice.sortition.Probability;
import coop.lattice.sortition.Quota;
import coop.lattice.sortition.Sortition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The table in docs/sortition.md: smallest and largest selection probability on the generated
 * pool, for maximin and leximin (exact, from the distribution) and for the legacy greedy
 * stratified selection (measured: Monte Carlo over many draws). Run with
 * {@code java -cp benchmarks/target/benchmarks.jar coop.lattice.benchmarks.SortitionBaseline [candidates seats draws]}.
 *
 * <p>Legacy, as panels were drawn before Flanigan et al.: person by person, take the group whose
 * lower quota is furthest from met relative to the candidates left in it, draw anyone in it, drop
 * everyone in a group that reached its upper quota, and start again if a quota can no longer be
 * met. Everyone with the same features has the same chance, so counts per cell measure it.
 */
public final class SortitionBaseline {
  private SortitionBaseline() {}

  public static void main(String[] args) {
    int candidates = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int seats = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int draws = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    PanelRequest r = AssemblyPool.of(candidates, seats, 1);
    double even = (double) seats / candidates;
    System.out.printf("pool %d candidates, %d seats (k/n = %.5f)%n", candidates, seats, even);
    System.out.println("| method | smallest probability | 10th percentile | median | largest | candidates below k/(10n) | how |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Sortition.Method m : Sortition.Method.values()) {
      long t0 = System.nanoTime();
      PanelDistribution d = m == Sortition.Method.MAXIMIN ? Sortition.maximin(r) : Sortition.leximin(r);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Map<MemberId, Probability> p = d.probabilities();
      double[] sorted = p.values().stream().mapToDouble(Probability::doubleValue).sorted().toArray();
      System.out.printf("| %s | %.5f | %.5f | %.5f | %.5f | %d | exact; proven gap %.1e; %d compositions; %.1f s |%n",
          m.name().toLowerCase(java.util.Locale.ROOT), sorted[0], sorted[sorted.length / 10], sorted[sorted.length / 2],
          sorted[sorted.length - 1], below(sorted, even / 10), d.levels().get(0).gap(), d.compositions().size(), seconds);
    }
    long t0 = System.nanoTime();
    Legacy legacy = new Legacy(r);
    int[] picked = new int[legacy.cells];
    Random random = new Random(2027);
    long restarts = 0;
    for (int i = 0; i < draws; i++) {
      restarts += legacy.draw(random, picked);
    }
    double[] sorted = new double[candidates];
    int at = 0;
    for (int c = 0; c < legacy.cells; c++) {
      double p = (double) picked[c] / draws / legacy.size[c];
      for (int i = 0; i < legacy.size[c]; i++) {
        sorted[at++] = p;
      }
    }
    java.util.Arrays.sort(sorted);
    System.out.printf("| legacy (greedy, stratified) | %.5f | %.5f | %.5f | %.5f | %d | measured: %,d draws (+- %.5f at the"
        + " smallest, two standard errors), %,d restarts; %.1f s |%n", sorted[0], sorted[candidates / 10],
        sorted[candidates / 2], sorted[candidates - 1], below(sorted, even / 10), draws,
        2 * Math.sqrt(Math.max(sorted[0], 1.0 / draws) / draws), restarts, (System.nanoTime() - t0) / 1e9);
  }

  private static long below(double[] sorted, double x) {
    return java.util.Arrays.stream(sorted).filter(p -> p < x).count();
  }

  /** The legacy greedy selection, on cells (people with the same features), for speed. */
  static final class Legacy {
    final int cells;
    final int[] size;
    final int[][] cellGroups;
    final int groups;
    final int[] min;
    final int[] max;
    final int seats;

    Legacy(PanelRequest r) {
      seats = r.seats();
      List<String> keys = new ArrayList<>();
      Map<String, Integer> groupIndex = new HashMap<>();
      for (Quota q : r.quotas()) {
        groupIndex.put(q.feature() + "=" + q.group(), groupIndex.size());
      }
      groups = groupIndex.size();
      min = new int[groups];
      max = new int[groups];
      for (Quota q : r.quotas()) {
        min[groupIndex.get(q.feature() + "=" + q.group())] = q.min();
        max[groupIndex.get(q.feature() + "=" + q.group())] = q.max();
      }
      Map<String, Integer> cellIndex = new HashMap<>();
      List<Integer> sizes = new ArrayList<>();
      List<int[]> gs = new ArrayList<>();
      for (Candidate c : r.candidates()) {
        String key = c.features().toString();
        Integer at = cellIndex.get(key);
        if (at == null) {
          at = cellIndex.size();
          cellIndex.put(key, at);
          keys.add(key);
          sizes.add(0);
          gs.add(c.features().entrySet().stream().mapToInt(e -> groupIndex.get(e.getKey() + "=" + e.getValue())).toArray());
        }
        sizes.set(at, sizes.get(at) + 1);
      }
      cells = keys.size();
      size = sizes.stream().mapToInt(Integer::intValue).toArray();
      cellGroups = gs.toArray(new int[0][]);
    }

    /** One panel, counted into {@code picked} per cell; returns how many times it had to start again. */
    int draw(Random random, int[] picked) {
      int restarts = 0;
      int[] left = new int[cells];
      int[] chosen = new int[cells];
      int[] inGroup = new int[groups];
      int[] leftInGroup = new int[groups];
      attempt:
      while (true) {
        System.arraycopy(size, 0, left, 0, cells);
        java.util.Arrays.fill(chosen, 0);
        java.util.Arrays.fill(inGroup, 0);
        java.util.Arrays.fill(leftInGroup, 0);
        for (int c = 0; c < cells; c++) {
          for (int g : cellGroups[c]) {
            leftInGroup[g] += left[c];
          }
        }
        for (int s = 0; s < seats; s++) {
          int best = -1;
          double ratio = Double.NEGATIVE_INFINITY;
          for (int g = 0; g < groups; g++) {
            int need = min[g] - inGroup[g];
            if (need > leftInGroup[g]) {
              restarts++;
              continue attempt;
            }
            if (leftInGroup[g] > 0) {
              double x = (double) need / leftInGroup[g];
              if (x > ratio) {
                ratio = x;
                best = g;
              }
            }
          }
          if (best < 0) {
            restarts++;
            continue attempt;
          }
          int k = random.nextInt(leftInGroup[best]);
          int cell = -1;
          for (int c = 0; c < cells; c++) {
            boolean in = false;
            for (int g : cellGroups[c]) {
              in |= g == best;
            }
            if (in) {
              if (k < left[c]) {
                cell = c;
                break;
              }
              k -= left[c];
            }
          }
          chosen[cell]++;
          left[cell]--;
          for (int g : cellGroups[cell]) {
            inGroup[g]++;
            leftInGroup[g]--;
          }
          for (int g : cellGroups[cell]) {
            if (inGroup[g] == max[g]) { // full: nobody else from this group
              for (int c = 0; c < cells; c++) {
                for (int h : cellGroups[c]) {
                  if (h == g && left[c] > 0) {
                    for (int f : cellGroups[c]) {
                      leftInGroup[f] -= left[c];
                    }
                    left[c] = 0;
                  }
                }
              }
            }
          }
        }
        for (int g = 0; g < groups; g++) {
          if (inGroup[g] < min[g]) {
            restarts++;
            continue attempt;
          }
        }
        for (int c = 0; c < cells; c++) {
          picked[c] += chosen[c];
        }
        return restarts;
      }
    }
  }
}
