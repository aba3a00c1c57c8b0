package coop.lattice.sortition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link PanelDistribution}: refuse infeasible quotas, seed the portfolio with, for each
 * cell, a panel that takes as many of it as the quotas allow (a cell that no panel can take is
 * left out: its members' probability is 0), then raise the smallest probability by column
 * generation; for leximin, fix the cells whose dual weight is positive (the ones every optimum
 * holds at the minimum) at that value and raise the rest, until every cell is fixed. The
 * portfolio's probabilities are rounded to multiples of 2^-40 (largest remainders), and
 * everything published is then computed exactly from the rounded distribution.
 */
final class Planner {
  /** A cell whose dual weight is above this share of the total sits at the current minimum. */
  private static final double TIGHT = 1e-7;
  /** Floors for the next leximin stage sit this far below the value reached, so rounding cannot make it infeasible. */
  private static final double FLOOR_SLACK = 1e-10;

  private Planner() {}

  static PanelDistribution plan(PanelRequest request, Sortition.Method method) {
    Cells cells = new Cells(request);
    PanelSearch search = new PanelSearch(cells);
    Diagnosis.refuseIfInfeasible(cells, search);
    Master master = new Master(cells, search);
    int n = cells.count;
    boolean[] selectable = new boolean[n];
    for (int t = 0; t < n; t++) {
      long[] unit = new long[n];
      unit[t] = 1;
      PanelSearch.Best most = search.maximize(unit, null);
      if (most == null) {
        throw new IllegalStateException("a feasible request has no panel; this is a bug");
      }
      master.add(most.counts());
      selectable[t] = most.value().signum() > 0;
    }
    boolean[] raise = selectable.clone();
    boolean[] floor = new boolean[n];
    double[] floors = new double[n];
    List<Master.Stage> stages = new ArrayList<>();
    List<boolean[]> raised = new ArrayList<>();
    List<List<Integer>> fixed = new ArrayList<>();
    boolean[] lastRaise;
    boolean[] lastFloor;
    double[] lastFloors;
    while (true) {
      Master.Stage stage = master.raise(raise, floor, floors);
      stages.add(stage);
      raised.add(raise.clone());
      lastRaise = raise.clone();
      lastFloor = floor.clone();
      lastFloors = floors.clone();
      List<Integer> level = new ArrayList<>();
      if (method == Sortition.Method.MAXIMIN) {
        for (int t = 0; t < n; t++) {
          if (raise[t]) {
            level.add(t);
          }
        }
      } else {
        double total = 0;
        for (int t = 0; t < n; t++) {
          total += raise[t] ? Math.max(0, stage.duals()[t]) : 0;
        }
        for (int t = 0; t < n; t++) {
          if (raise[t] && stage.duals()[t] > TIGHT * total) {
            level.add(t);
          }
        }
        if (level.isEmpty()) { // cannot happen with weights summing to 1; take them all rather than loop
          for (int t = 0; t < n; t++) {
            if (raise[t]) {
              level.add(t);
            }
          }
        }
      }
      fixed.add(level);
      for (int t : level) {
        raise[t] = false;
        floor[t] = true;
        floors[t] = Math.max(0, stage.value() - FLOOR_SLACK);
      }
      boolean more = false;
      for (int t = 0; t < n; t++) {
        more |= raise[t];
      }
      if (!more) {
        break;
      }
    }
    double[] lambda = master.solvePrimal(lastRaise, lastFloor, lastFloors);
    List<PanelDistribution.Composition> compositions = round(master.portfolio, lambda);
    Rational[] p = PanelDistribution.perCell(cells, compositions);
    List<PanelDistribution.Level> levels = new ArrayList<>();
    Rational[] levelValueOf = new Rational[n];
    for (int j = 0; j < stages.size(); j++) {
      Master.Stage stage = stages.get(j);
      boolean[] covered = raised.get(j);
      Rational value = null;
      for (int t = 0; t < n; t++) {
        if (covered[t] && (value == null || p[t].compareTo(value) < 0)) {
          value = p[t];
        }
      }
      if (value == null) {
        throw new IllegalStateException("a level with no cells; this is a bug");
      }
      Rational bound = Verifier.bound(cells, stage.weights(), stage.best(), covered, levelValueOf);
      levels.add(new PanelDistribution.Level(fixed.get(j), value.toProbability(), bound.toProbability(),
          Arrays.stream(stage.weights()).boxed().toList(), stage.best()));
      for (int t : fixed.get(j)) {
        levelValueOf[t] = value;
      }
    }
    return new PanelDistribution(Sortition.PROCEDURE, method, request, compositions, levels);
  }

  /** Probabilities to multiples of 2^-40 that add up to exactly 1: floors, then the largest remainders. */
  static List<PanelDistribution.Composition> round(List<int[]> portfolio, double[] lambda) {
    double total = Arrays.stream(lambda).sum();
    long[] units = new long[lambda.length];
    double[] remainder = new double[lambda.length];
    long sum = 0;
    for (int j = 0; j < lambda.length; j++) {
      double exact = lambda[j] / total * Sortition.DENOMINATOR;
      units[j] = (long) Math.floor(exact);
      remainder[j] = exact - units[j];
      sum += units[j];
    }
    Integer[] order = new Integer[lambda.length];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : remainder[a] != remainder[b]
        ? Double.compare(remainder[b], remainder[a]) : Integer.compare(a, b));
    for (int i = 0; sum < Sortition.DENOMINATOR; i = (i + 1) % order.length) {
      units[order[i]]++;
      sum++;
    }
    List<PanelDistribution.Composition> out = new ArrayList<>();
    for (int j = 0; j < lambda.length; j++) {
      if (units[j] > 0) {
        out.add(new PanelDistribution.Composition(Arrays.stream(portfolio.get(j)).boxed().toList(), units[j]));
      }
    }
    return out;
  }

}
