package coop.lattice.sortition;

import java.math.BigInteger;
import java.util.List;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * The best quota-feasible panel for given integer weights on the cells, found and proven in exact
 * rational arithmetic: a branch and bound whose relaxations are solved by a bounded dual simplex
 * over fractions. Nothing here rounds, so "no panel is worth more than M" is a proof, not an
 * estimate; the published bounds rest on it, and so does refusing quotas as infeasible.
 *
 * <p>The problem: choose {@code c[t]} in {@code 0..size[t]} for each cell, with {@code sum c = seats}
 * and each group's total within its quota, maximising {@code sum w[t] c[t]}. The weights are
 * integers, so a relaxation worth less than the incumbent plus one cannot hold a better panel.
 * Variables: the cells, then one slack per row ({@code row total - slack = 0}, the slack bounded by
 * the row's quota). The first basis is all slacks, with each cell at the bound its weight favours:
 * dual feasible from the start, and still dual feasible after a branch tightens a bound, so every
 * node continues from its parent's basis. Bland's rule (smallest index) on both choices rules out
 * cycling.
 */
final class PanelSearch {
  /**
   * A panel, its exact weight, and a proven upper bound on the weight of every quota-feasible
   * panel ({@code bound >= value}; equal when the search ran to the end without tolerance).
   */
  record Best(int[] counts, BigInteger value, BigInteger bound) {}

  /** Nodes whose relaxation is within this share of the incumbent are not explored; their bounds still count. */
  static final long TOLERANCE_PER_TRILLION = 1;

  private final Cells cells;
  private final int m;
  private final int t;
  private final int n;
  private long nodes;

  PanelSearch(Cells cells) {
    this.cells = cells;
    this.m = cells.rows;
    this.t = cells.count;
    this.n = t + m;
  }

  /** Branch-and-bound nodes solved so far, for the benchmark's notes. */
  long nodes() {
    return nodes;
  }

  /**
   * A panel of greatest weight up to a relative 10^-12, starting from {@code hint} if it is
   * feasible, with a proven bound on every panel's weight; null if no panel meets the quotas.
   */
  @Nullable Best maximize(long[] w, int @Nullable [] hint) {
    return maximize(w, hint, Long.MAX_VALUE);
  }

  /**
   * As {@link #maximize(long[], int[])}, but stops after about {@code nodeLimit} nodes: the panel
   * is then the best found, and the bound also covers the nodes left open.
   */
  @Nullable Best maximize(long[] w, int @Nullable [] hint, long nodeLimit) {
    return search(w, cells.lo, cells.hi, hint != null && cells.whyNotFeasible(hint) == null ? hint : null, null, false,
        TOLERANCE_PER_TRILLION, nodeLimit);
  }

  /** True if no quota-feasible panel has weight above {@code bound}: a proof, in exact arithmetic. */
  boolean noneAbove(long[] w, BigInteger bound) {
    return search(w, cells.lo, cells.hi, null, bound, false, 0, Long.MAX_VALUE) == null;
  }

  /** Any panel whose rows fall within these bounds, or null if there is none. */
  int @Nullable [] anyPanel(long[] rowLo, long[] rowHi) {
    Best b = search(new long[t], rowLo, rowHi, null, null, true, 0, Long.MAX_VALUE);
    return b == null ? null : b.counts();
  }

  static BigInteger value(long[] w, int[] counts) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 0; i < counts.length; i++) {
      v = v.add(BigInteger.valueOf(w[i]).multiply(BigInteger.valueOf(counts[i])));
    }
    return v;
  }

  /**
   * Best-first branch and bound. With {@code start}, that panel is the first incumbent; with
   * {@code above}, only panels weighing more than it count. Returns the best panel found, or
   * null if there is none that counts. A node is pruned when its relaxation, rounded down (the
   * weights are integers), is at most the incumbent plus {@code perTrillion} parts in 10^12 of it;
   * the largest such rounded relaxation is kept, so the returned bound is a proof whatever the
   * tolerance.
   */
  private @Nullable Best search(long[] w, long[] rowLo, long[] rowHi, int @Nullable [] start,
      @Nullable BigInteger above, boolean first, long perTrillion, long nodeLimit) {
    long[] obj = new long[n];
    System.arraycopy(w, 0, obj, 0, t);
    long[] lower = new long[n];
    long[] upper = new long[n];
    for (int j = 0; j < t; j++) {
      upper[j] = cells.size[j];
    }
    for (int r = 0; r < m; r++) {
      lower[t + r] = rowLo[r];
      upper[t + r] = rowHi[r];
      if (rowLo[r] > rowHi[r]) {
        return null;
      }
    }
    int[] bestCounts = start == null ? null : start.clone();
    BigInteger bestValue = start != null ? value(w, start) : above;
    BigInteger slack = slack(bestValue, perTrillion);
    BigInteger proven = bestValue;
    PriorityQueue<Node> open = new PriorityQueue<>();
    long sequence = 0;
    Node root = Node.root(this, obj, lower, upper);
    if (root.solve(this, obj) != null) {
      root.sequence = sequence++;
      open.add(root);
      if (!first) {
        Node dived = dive(root, obj);
        if (dived != null && (bestValue == null || dived.value.num.compareTo(bestValue) > 0)) {
          bestCounts = integral(dived);
          bestValue = dived.value.num;
          slack = slack(bestValue, perTrillion);
          proven = proven == null || bestValue.compareTo(proven) > 0 ? bestValue : proven;
        }
      }
    }
    long budget = nodeLimit;
    while (!open.isEmpty()) {
      if (budget-- <= 0) {
        for (Node left : open) { // out of time: what is still open bounds the rest
          BigInteger c = left.value.floor();
          proven = proven == null || c.compareTo(proven) > 0 ? c : proven;
        }
        break;
      }
      Node node = open.poll();
      BigInteger ceiling = node.value.floor();
      if (bestValue != null && ceiling.compareTo(bestValue.add(slack)) <= 0) {
        proven = proven == null || ceiling.compareTo(proven) > 0 ? ceiling : proven;
        continue; // cannot beat the incumbent by more than the tolerance: its bound still counts
      }
      int branch = branchOn(node, obj);
      if (branch < 0) {
        bestCounts = integral(node);
        bestValue = node.value.num;
        slack = slack(bestValue, perTrillion);
        proven = proven == null || bestValue.compareTo(proven) > 0 ? bestValue : proven;
        if (first) {
          break;
        }
        continue;
      }
      Rational x = node.valueOf(branch);
      long down = x.floor().longValueExact();
      for (Node child : List.of(node.child(branch, node.lower[branch], down), node.child(branch, down + 1,
          node.upper[branch]))) {
        if (child.solve(this, obj) != null) {
          child.sequence = sequence++;
          open.add(child);
        }
      }
    }
    if (bestCounts == null || bestValue == null || proven == null) {
      return null;
    }
    return new Best(bestCounts, bestValue, proven);
  }

  /**
   * The cell to branch on: the most fractional among cells with the largest weight, so that
   * branching moves the bound (cells of weight 0 are fractional in many equivalent ways); -1 if
   * every cell is integral.
   */
  private int branchOn(Node node, long[] obj) {
    int branch = -1;
    Rational bestFrac = null;
    long bestWeight = Long.MIN_VALUE;
    for (int j = 0; j < t; j++) {
      Rational x = node.valueOf(j);
      if (!x.isInteger()) {
        Rational frac = x.subtract(Rational.of(x.floor()));
        Rational dist = frac.compareTo(Rational.ONE.subtract(frac)) < 0 ? frac : Rational.ONE.subtract(frac);
        long weight = Math.abs(obj[j]);
        if (weight > bestWeight || weight == bestWeight && dist.compareTo(bestFrac) > 0) {
          bestWeight = weight;
          bestFrac = dist;
          branch = j;
        }
      }
    }
    return branch;
  }

  private int[] integral(Node node) {
    int[] counts = new int[t];
    for (int j = 0; j < t; j++) {
      counts[j] = node.valueOf(j).floor().intValueExact();
    }
    return counts;
  }

  /** A quick incumbent: from the root, follow the child nearer the relaxation until a panel appears (or give up). */
  private @Nullable Node dive(Node root, long[] obj) {
    Node node = root;
    for (int depth = 0; depth < 4 * t + 16; depth++) {
      int branch = branchOn(node, obj);
      if (branch < 0) {
        return node;
      }
      Rational x = node.valueOf(branch);
      long down = x.floor().longValueExact();
      boolean up = x.subtract(Rational.of(down)).compareTo(Rational.of(BigInteger.ONE, BigInteger.TWO)) >= 0;
      Node first = up ? node.child(branch, down + 1, node.upper[branch]) : node.child(branch, node.lower[branch], down);
      if (first.solve(this, obj) != null) {
        node = first;
        continue;
      }
      Node second = up ? node.child(branch, node.lower[branch], down) : node.child(branch, down + 1, node.upper[branch]);
      if (second.solve(this, obj) == null) {
        return null;
      }
      node = second;
    }
    return null;
  }

  private static BigInteger slack(@Nullable BigInteger incumbent, long perTrillion) {
    if (incumbent == null || perTrillion == 0) {
      return BigInteger.ZERO;
    }
    return incumbent.abs().multiply(BigInteger.valueOf(perTrillion)).divide(BigInteger.valueOf(1_000_000_000_000L));
  }

  /** The rows of column {@code j} with a nonzero entry, and the entry (+1 for cells, -1 for slacks). */
  private int[] rowsOf(int j) {
    if (j < t) {
      int[] cr = cells.cellRows[j];
      int[] rows = new int[cr.length + 1];
      rows[0] = 0;
      System.arraycopy(cr, 0, rows, 1, cr.length);
      return rows;
    }
    return new int[] {j - t};
  }

  private static long coef(int j, int tCells) {
    return j < tCells ? 1 : -1;
  }

  /** A node: bounds on every variable, and the basis its relaxation starts from. */
  private static final class Node implements Comparable<Node> {
    final long[] lower;
    final long[] upper;
    final int[] basic;
    final boolean[] atUpper;
    final Rational[][] binv;
    Rational[] xB;
    int[][] cols;
    Rational value = Rational.ZERO;
    long sequence;

    private Node(long[] lower, long[] upper, int[] basic, boolean[] atUpper, Rational[][] binv, int[][] cols) {
      this.lower = lower;
      this.upper = upper;
      this.basic = basic;
      this.atUpper = atUpper;
      this.binv = binv;
      this.cols = cols;
      this.xB = new Rational[basic.length];
    }

    static Node root(PanelSearch s, long[] obj, long[] lower, long[] upper) {
      int[] basic = new int[s.m];
      Rational[][] binv = new Rational[s.m][s.m];
      for (int r = 0; r < s.m; r++) {
        basic[r] = s.t + r;
        for (int c = 0; c < s.m; c++) {
          binv[r][c] = r == c ? Rational.of(-1) : Rational.ZERO; // the slacks' columns are -I
        }
      }
      boolean[] atUpper = new boolean[s.n];
      for (int j = 0; j < s.t; j++) {
        atUpper[j] = obj[j] > 0;
      }
      int[][] cols = new int[s.n][];
      for (int j = 0; j < s.n; j++) {
        cols[j] = s.rowsOf(j);
      }
      return new Node(lower, upper, basic, atUpper, binv, cols);
    }

    Node child(int j, long lo, long hi) {
      long[] l = lower.clone();
      long[] u = upper.clone();
      l[j] = lo;
      u[j] = hi;
      Rational[][] b = new Rational[binv.length][];
      for (int r = 0; r < binv.length; r++) {
        b[r] = binv[r].clone();
      }
      return new Node(l, u, basic.clone(), atUpper.clone(), b, cols);
    }

    /** Highest relaxation first; among equals, the older node. */
    @Override
    public int compareTo(Node o) {
      int c = o.value.compareTo(value);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }

    Rational valueOf(int j) {
      for (int r = 0; r < basic.length; r++) {
        if (basic[r] == j) {
          return xB[r];
        }
      }
      return Rational.of(atUpper[j] ? upper[j] : lower[j]);
    }

    /** Solves the relaxation by the dual simplex; its optimal value, or null if it has no solution. */
    @Nullable Rational solve(PanelSearch s, long[] obj) {
      s.nodes++;
      int m = s.m;
      int n = s.n;
      boolean[] isBasic = new boolean[n];
      for (int r = 0; r < m; r++) {
        isBasic[basic[r]] = true;
      }
      for (int iteration = 0; ; iteration++) {
        if (iteration > 100_000) {
          throw new IllegalStateException("the dual simplex did not finish; this is a bug");
        }
        // Basic values: B xB = -sum over nonbasic j of a_j x_j.
        long[] rhs = new long[m];
        for (int j = 0; j < n; j++) {
          if (!isBasic[j]) {
            long x = atUpper[j] ? upper[j] : lower[j];
            if (x != 0) {
              long c = coef(j, s.t);
              for (int row : cols[j]) {
                rhs[row] -= c * x;
              }
            }
          }
        }
        int leave = -1;
        boolean toLower = false;
        for (int r = 0; r < m; r++) {
          Rational v = Rational.ZERO;
          for (int c = 0; c < m; c++) {
            if (rhs[c] != 0 && binv[r][c].signum() != 0) {
              v = v.add(binv[r][c].multiply(rhs[c]));
            }
          }
          xB[r] = v;
          int j = basic[r];
          boolean below = v.compareTo(Rational.of(lower[j])) < 0;
          boolean above = v.compareTo(Rational.of(upper[j])) > 0;
          if ((below || above) && (leave < 0 || j < basic[leave])) {
            leave = r;
            toLower = below;
          }
        }
        if (leave < 0) {
          Rational value = Rational.ZERO;
          for (int j = 0; j < s.t; j++) {
            if (obj[j] != 0) {
              value = value.add(valueOf(j).multiply(obj[j]));
            }
          }
          this.value = value;
          return value;
        }
        // Duals y = w_B B^-1, and row `leave` of B^-1 A for the ratio test.
        Rational[] y = new Rational[m];
        for (int c = 0; c < m; c++) {
          Rational v = Rational.ZERO;
          for (int r = 0; r < m; r++) {
            long wb = obj[basic[r]];
            if (wb != 0 && binv[r][c].signum() != 0) {
              v = v.add(binv[r][c].multiply(wb));
            }
          }
          y[c] = v;
        }
        Rational[] pivotRow = binv[leave];
        int enter = -1;
        Rational bestRatio = null;
        for (int j = 0; j < n; j++) {
          if (isBasic[j] || lower[j] == upper[j]) {
            continue;
          }
          long c = coef(j, s.t);
          Rational alpha = Rational.ZERO;
          Rational dy = Rational.ZERO;
          for (int row : cols[j]) {
            alpha = alpha.add(c > 0 ? pivotRow[row] : pivotRow[row].negate());
            dy = dy.add(c > 0 ? y[row] : y[row].negate());
          }
          if (alpha.signum() == 0) {
            continue;
          }
          boolean eligible = toLower ? (!atUpper[j] && alpha.signum() < 0) || (atUpper[j] && alpha.signum() > 0)
              : (!atUpper[j] && alpha.signum() > 0) || (atUpper[j] && alpha.signum() < 0);
          if (!eligible) {
            continue;
          }
          Rational d = Rational.of(obj[j]).subtract(dy);
          Rational ratio = d.divide(alpha);
          Rational size = ratio.signum() < 0 ? ratio.negate() : ratio;
          if (bestRatio == null || size.compareTo(bestRatio) < 0) {
            bestRatio = size;
            enter = j;
          }
        }
        if (enter < 0) {
          return null; // the leaving row proves that no point meets every bound
        }
        // Pivot: column of the entering variable in the current basis, then update B^-1.
        long c = coef(enter, s.t);
        Rational[] col = new Rational[m];
        for (int r = 0; r < m; r++) {
          Rational v = Rational.ZERO;
          for (int row : cols[enter]) {
            v = v.add(c > 0 ? binv[r][row] : binv[r][row].negate());
          }
          col[r] = v;
        }
        Rational pivot = col[leave];
        for (int k = 0; k < m; k++) {
          binv[leave][k] = binv[leave][k].divide(pivot);
        }
        for (int r = 0; r < m; r++) {
          if (r != leave && col[r].signum() != 0) {
            Rational f = col[r];
            for (int k = 0; k < m; k++) {
              if (binv[leave][k].signum() != 0) {
                binv[r][k] = binv[r][k].subtract(f.multiply(binv[leave][k]));
              }
            }
          }
        }
        int out = basic[leave];
        isBasic[out] = false;
        atUpper[out] = !toLower;
        basic[leave] = enter;
        isBasic[enter] = true;
      }
    }
  }
}
