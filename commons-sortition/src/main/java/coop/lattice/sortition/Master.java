package coop.lattice.sortition;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.linear.LinearSolver;

/**
 * Column generation over panels, in the manner of Flanigan et al. (Nature 2021), on cells rather
 * than people. The restricted master is the dual LP: weights {@code v[t] >= 0} on the cells (a
 * cell's share of the weight, so {@code v[t] / size[t]} per person), summing to 1 over the cells
 * being raised, and {@code mu} at least the weight of every panel in the portfolio; minimise
 * {@code mu} less what the cells already fixed at a floor contribute. Pricing ({@link
 * PanelSearch}, exact) finds the panel of greatest weight; if it is worth more than {@code mu},
 * it joins the portfolio. The LP is solved by ojAlgo in doubles and is never trusted: its
 * weights are rounded to integers and the bound they give is proven in exact arithmetic, so a
 * poor LP answer costs precision, never correctness.
 */
final class Master {
  /** Weights are scaled so the largest is this; integers this size keep the proof exact and fast. */
  static final long WEIGHT_SCALE = 1L << 40;
  /** Column generation stops once the proven bound is this close to the portfolio's optimum. */
  static final double TOLERANCE = 1e-12;
  private static final int MAX_ROUNDS = 20_000;
  private static final long FIRST_NODE_LIMIT = 2_000;
  private static final long LAST_NODE_LIMIT = 2_000 * 16 * 16 * 16;

  /** One stage's outcome: the LP's optimum over the portfolio and the exact certificate. */
  record Stage(double value, double[] duals, long[] weights, BigInteger best, Rational bound, int rounds) {}

  private final Cells cells;
  private final PanelSearch search;
  final List<int[]> portfolio = new ArrayList<>();
  private final Set<List<Integer>> seen = new HashSet<>();

  Master(Cells cells, PanelSearch search) {
    this.cells = cells;
    this.search = search;
  }

  boolean add(int[] counts) {
    List<Integer> key = Arrays.stream(counts).boxed().toList();
    if (seen.add(key)) {
      portfolio.add(counts.clone());
      return true;
    }
    return false;
  }

  /**
   * Raises the smallest probability among {@code raise} while every cell in {@code floor} keeps
   * at least {@code floors[t]}. Ends when the exact bound is within {@link #TOLERANCE} of the
   * portfolio's optimum, or when pricing, within its largest node budget, finds no panel that
   * improves on the portfolio (the stage then reports the gap its bound proves).
   */
  Stage raise(boolean[] raise, boolean[] floor, double[] floors) {
    for (int round = 1; ; round++) {
      double[] sol = solveDual(raise, floor, floors);
      int t = cells.count;
      double mu = sol[t];
      double value = mu;
      for (int c = 0; c < t; c++) {
        if (floor[c]) {
          value -= floors[c] * sol[c];
        }
      }
      long[] w = weights(sol, raise, floor);
      Rational q = normaliser(w, raise);
      int[] hint = null;
      BigInteger hintValue = null;
      for (int[] c : portfolio) {
        BigInteger v = PanelSearch.value(w, c);
        if (hintValue == null || v.compareTo(hintValue) > 0) {
          hint = c;
          hintValue = v;
        }
      }
      long limit = FIRST_NODE_LIMIT;
      while (true) {
        PanelSearch.Best best = search.maximize(w, hint, limit);
        if (best == null) {
          throw new IllegalStateException("no panel meets the quotas, after one did; this is a bug");
        }
        Rational bound = bound(w, best.bound(), q, floor, floors);
        double found = bound(w, best.value(), q, floor, floors).doubleValue();
        if (bound.doubleValue() - value <= TOLERANCE || round >= MAX_ROUNDS) {
          return new Stage(value, Arrays.copyOf(sol, t), w, best.bound(), bound, round);
        }
        if (found > value + TOLERANCE / 4 && add(best.counts())) {
          break; // an improving panel: solve the LP again
        }
        if (limit >= LAST_NODE_LIMIT) {
          return new Stage(value, Arrays.copyOf(sol, t), w, best.bound(), bound, round); // the bound says how far
        }
        limit *= 16; // nothing better found yet, but the bound is not close: search harder
      }
    }
  }

  /** The proven bound: {@code (M - sum over floor cells of size * floor * w) / Q}. */
  Rational bound(long[] w, BigInteger best, Rational q, boolean[] floor, double[] floors) {
    Rational b = Rational.of(best);
    for (int c = 0; c < cells.count; c++) {
      if (floor[c] && w[c] != 0) {
        b = b.subtract(exact(floors[c]).multiply(w[c] * (long) cells.size[c]));
      }
    }
    return b.divide(q);
  }

  static Rational exact(double d) {
    java.math.BigDecimal x = new java.math.BigDecimal(d);
    return x.scale() <= 0 ? Rational.of(x.toBigIntegerExact())
        : Rational.of(x.unscaledValue(), BigInteger.TEN.pow(x.scale()));
  }

  /** {@code Q = sum over raised cells of size * w}: the weights over Q sum to 1 per raised cell's people. */
  Rational normaliser(long[] w, boolean[] raise) {
    BigInteger q = BigInteger.ZERO;
    for (int c = 0; c < cells.count; c++) {
      if (raise[c]) {
        q = q.add(BigInteger.valueOf(w[c]).multiply(BigInteger.valueOf(cells.size[c])));
      }
    }
    return Rational.of(q.signum() == 0 ? BigInteger.ONE : q);
  }

  /** Per-person weights {@code v[t] / size[t]}, scaled to integers with the largest at {@link #WEIGHT_SCALE}. */
  private long[] weights(double[] sol, boolean[] raise, boolean[] floor) {
    int t = cells.count;
    double[] perPerson = new double[t];
    double max = 0;
    for (int c = 0; c < t; c++) {
      if (raise[c] || floor[c]) {
        perPerson[c] = Math.max(0, sol[c]) / cells.size[c];
        max = Math.max(max, perPerson[c]);
      }
    }
    long[] w = new long[t];
    for (int c = 0; c < t; c++) {
      if (max > 0) {
        w[c] = Math.round(perPerson[c] / max * WEIGHT_SCALE);
      } else if (raise[c]) {
        w[c] = 1;
      }
    }
    if (Arrays.stream(w).noneMatch(x -> x > 0)) {
      for (int c = 0; c < t; c++) {
        w[c] = raise[c] ? 1 : 0;
      }
    }
    return w;
  }

  /**
   * ojAlgo's revised (dual) simplex: its classic tableau solver stalled for seconds on the
   * degenerate LPs of the later leximin stages.
   */
  private static Optimisation.Options options() {
    Optimisation.Options o = new Optimisation.Options();
    o.linear().dual();
    return o;
  }

  /** The restricted dual LP: variables v[0..t) then mu, all at least 0 (mu is, since weights and counts are). */
  private double[] solveDual(boolean[] raise, boolean[] floor, double[] floors) {
    int t = cells.count;
    double[] objective = new double[t + 1];
    for (int c = 0; c < t; c++) {
      objective[c] = floor[c] ? -floors[c] : 0;
    }
    objective[t] = 1;
    LinearSolver.Builder lp = LinearSolver.newBuilder(objective);
    double[] norm = new double[t + 1];
    for (int c = 0; c < t; c++) {
      norm[c] = raise[c] ? 1 : 0;
    }
    lp.equality(1, norm);
    for (int[] panel : portfolio) {
      double[] row = new double[t + 1];
      for (int c = 0; c < t; c++) {
        row[c] = (raise[c] || floor[c]) ? (double) panel[c] / cells.size[c] : 0;
      }
      row[t] = -1;
      lp.inequality(0, row);
    }
    Optimisation.Result r = lp.build(options()).solve();
    if (!r.getState().isOptimal()) {
      throw new IllegalStateException("the master LP ended " + r.getState() + "; this is a bug");
    }
    double[] out = new double[t + 1];
    for (int i = 0; i <= t; i++) {
      out[i] = r.doubleValue(i);
    }
    return out;
  }

  /**
   * The primal over the portfolio: probabilities {@code lambda} of its panels that maximise the
   * smallest probability among {@code raise}, keeping every {@code floor} cell at its floor.
   */
  double[] solvePrimal(boolean[] raise, boolean[] floor, double[] floors) {
    int t = cells.count;
    int p = portfolio.size();
    double[] objective = new double[p + 1];
    objective[p] = -1;
    LinearSolver.Builder lp = LinearSolver.newBuilder(objective);
    double[] sum = new double[p + 1];
    Arrays.fill(sum, 0, p, 1);
    lp.equality(1, sum);
    for (int c = 0; c < t; c++) {
      if (!raise[c] && !floor[c]) {
        continue;
      }
      double[] row = new double[p + 1];
      for (int j = 0; j < p; j++) {
        row[j] = -(double) portfolio.get(j)[c] / cells.size[c];
      }
      if (raise[c]) {
        row[p] = 1;
        lp.inequality(0, row);
      } else {
        lp.inequality(-floors[c], row);
      }
    }
    Optimisation.Result r = lp.build(options()).solve();
    if (!r.getState().isOptimal()) {
      throw new IllegalStateException("the master's primal LP ended " + r.getState() + "; this is a bug");
    }
    double[] lambda = new double[p];
    for (int j = 0; j < p; j++) {
      lambda[j] = Math.max(0, r.doubleValue(j));
    }
    return lambda;
  }
}
