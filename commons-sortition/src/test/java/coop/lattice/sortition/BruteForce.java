package coop.lattice.sortition;

import coop.lattice.MemberId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The test's own oracle, sharing no code with the library's search: every quota-feasible panel of
 * people by enumeration, and the maximin and leximin LPs over all of them solved exactly by a
 * dense two-phase simplex over fractions with Bland's rule.
 */
final class BruteForce {
  private BruteForce() {}

  /** An exact fraction, the test's own. */
  record Q(BigInteger n, BigInteger d) implements Comparable<Q> {
    static final Q ZERO = of(0);
    static final Q ONE = of(1);

    Q {
      if (d.signum() < 0) {
        n = n.negate();
        d = d.negate();
      }
      BigInteger g = n.gcd(d);
      if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
        n = n.divide(g);
        d = d.divide(g);
      }
      if (n.signum() == 0) {
        d = BigInteger.ONE;
      }
    }

    static Q of(long v) {
      return new Q(BigInteger.valueOf(v), BigInteger.ONE);
    }

    static Q of(BigInteger n, BigInteger d) {
      return new Q(n, d);
    }

    Q plus(Q o) {
      return new Q(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
    }

    Q minus(Q o) {
      return plus(new Q(o.n.negate(), o.d));
    }

    Q times(Q o) {
      return new Q(n.multiply(o.n), d.multiply(o.d));
    }

    Q over(Q o) {
      return new Q(n.multiply(o.d), d.multiply(o.n));
    }

    int sign() {
      return n.signum();
    }

    @Override
    public int compareTo(Q o) {
      return n.multiply(o.d).compareTo(o.n.multiply(d));
    }

    double value() {
      return n.doubleValue() / d.doubleValue();
    }
  }

  /** Every quota-feasible panel, as sorted lists of candidate indices. */
  static List<int[]> panels(PanelRequest r) {
    List<int[]> out = new ArrayList<>();
    int n = r.candidates().size();
    int k = r.seats();
    int[] pick = new int[k];
    choose(r, 0, 0, pick, out, n);
    return out;
  }

  private static void choose(PanelRequest r, int from, int depth, int[] pick, List<int[]> out, int n) {
    if (depth == pick.length) {
      if (meetsQuotas(r, pick)) {
        out.add(pick.clone());
      }
      return;
    }
    for (int i = from; i < n; i++) {
      pick[depth] = i;
      choose(r, i + 1, depth + 1, pick, out, n);
    }
  }

  static boolean meetsQuotas(PanelRequest r, int[] pick) {
    List<MemberId> members = new ArrayList<>();
    for (int i : pick) {
      members.add(r.candidates().get(i).member());
    }
    return meetsQuotas(r, members);
  }

  static boolean meetsQuotas(PanelRequest r, List<MemberId> panel) {
    if (panel.size() != r.seats() || panel.stream().distinct().count() != panel.size()) {
      return false;
    }
    Map<MemberId, Candidate> byId = new HashMap<>();
    r.candidates().forEach(c -> byId.put(c.member(), c));
    for (Quota q : r.quotas()) {
      long in = panel.stream().filter(m -> q.group().equals(byId.get(m).features().get(q.feature()))).count();
      if (in < q.min() || in > q.max()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The leximin probability vector over all feasible panels, exactly: maximise the smallest
   * probability among the unfixed, then fix everyone who cannot rise above it (checked one by one
   * with an LP each), and repeat. Entry i is candidate i's probability; candidates in no panel get 0.
   * Entry n (the last) is the maximin value.
   */
  static Q[] leximin(PanelRequest r, List<int[]> panels, boolean onlyMaximin) {
    int n = r.candidates().size();
    int p = panels.size();
    int[][] in = new int[n][p];
    for (int j = 0; j < p; j++) {
      for (int i : panels.get(j)) {
        in[i][j] = 1;
      }
    }
    Q[] fixed = new Q[n + 1];
    boolean[] never = new boolean[n];
    for (int i = 0; i < n; i++) {
      never[i] = true;
      for (int j = 0; j < p; j++) {
        never[i] &= in[i][j] == 0;
      }
      if (never[i]) {
        fixed[i] = Q.ZERO;
      }
    }
    boolean first = true;
    while (true) {
      List<Integer> open = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (fixed[i] == null) {
          open.add(i);
        }
      }
      if (open.isEmpty()) {
        break;
      }
      Q z = maximin(in, p, fixed, open, -1, null);
      if (first) {
        fixed[n] = z;
        first = false;
        if (onlyMaximin) {
          return fixed;
        }
      }
      List<Integer> tight = new ArrayList<>();
      for (int i : open) {
        Q most = maximin(in, p, fixed, open, i, z);
        if (most.compareTo(z) <= 0) {
          tight.add(i);
        }
      }
      if (tight.isEmpty()) {
        throw new AssertionError("leximin: nobody is tight");
      }
      for (int i : tight) {
        fixed[i] = z;
      }
    }
    return fixed;
  }

  /**
   * With {@code target < 0}: the largest z such that some distribution gives every open candidate
   * at least z and every fixed one at least their value. With a target: the largest probability of
   * the target candidate while every open one keeps at least {@code atLeast}.
   */
  private static Q maximin(int[][] in, int p, Q[] fixed, List<Integer> open, int target, Q atLeast) {
    int n = in.length;
    // Variables: lambda_0..lambda_{p-1}, z; then slacks (one per row) and one artificial.
    List<Q[]> rows = new ArrayList<>();
    List<Q> rhs = new ArrayList<>();
    int vars = p + 1;
    for (int i = 0; i < n; i++) {
      Q[] row = new Q[vars];
      for (int j = 0; j < p; j++) {
        row[j] = Q.of(-in[i][j]);
      }
      if (open.contains(i) && target < 0) {
        row[p] = Q.ONE; // z - P_i <= 0
        rows.add(row);
        rhs.add(Q.ZERO);
      } else if (open.contains(i)) {
        row[p] = Q.ZERO; // -P_i <= -atLeast
        rows.add(row);
        rhs.add(atLeast.times(Q.of(-1)));
      } else if (fixed[i] != null && fixed[i].sign() > 0) {
        row[p] = Q.ZERO; // -P_i <= -fixed
        rows.add(row);
        rhs.add(fixed[i].times(Q.of(-1)));
      }
    }
    Q[] objective = new Q[vars];
    java.util.Arrays.fill(objective, Q.ZERO);
    if (target < 0) {
      objective[p] = Q.ONE;
    } else {
      for (int j = 0; j < p; j++) {
        objective[j] = Q.of(in[target][j]);
      }
    }
    return Simplex.maximize(rows, rhs, objective, p);
  }

  /** Dense two-phase simplex for: max c.x, rows x <= rhs, sum of x[0..sumVars) = 1, x >= 0. */
  static final class Simplex {
    static Q maximize(List<Q[]> rows, List<Q> rhs, Q[] c, int sumVars) {
      int m = rows.size() + 1;
      int nv = c.length;
      // Columns: nv structural, m-1 slacks, then one artificial per row (used where needed).
      int cols = nv + (m - 1) + m;
      Q[][] a = new Q[m][cols + 1];
      for (Q[] row : a) {
        java.util.Arrays.fill(row, Q.ZERO);
      }
      int[] basis = new int[m];
      for (int i = 0; i < m - 1; i++) {
        Q[] row = rows.get(i);
        Q b = rhs.get(i);
        int sign = b.sign() < 0 ? -1 : 1;
        for (int j = 0; j < nv; j++) {
          a[i][j] = row[j].times(Q.of(sign));
        }
        a[i][nv + i] = Q.of(sign);
        a[i][cols] = b.times(Q.of(sign));
        if (sign > 0) {
          basis[i] = nv + i;
        } else {
          a[i][nv + m - 1 + i] = Q.ONE;
          basis[i] = nv + m - 1 + i;
        }
      }
      for (int j = 0; j < sumVars; j++) {
        a[m - 1][j] = Q.ONE;
      }
      a[m - 1][nv + m - 1 + m - 1] = Q.ONE;
      a[m - 1][cols] = Q.ONE;
      basis[m - 1] = nv + m - 1 + m - 1;
      // Phase 1: minimise the artificials (maximise their negative sum).
      Q[] phase1 = new Q[cols];
      java.util.Arrays.fill(phase1, Q.ZERO);
      for (int j = nv + m - 1; j < cols; j++) {
        phase1[j] = Q.of(-1);
      }
      run(a, basis, phase1, cols);
      Q infeasibility = objectiveValue(a, basis, phase1, cols);
      if (infeasibility.sign() != 0) {
        throw new AssertionError("the brute-force LP is infeasible");
      }
      // Drive remaining artificials (at zero) out of the basis where possible, then forbid them.
      for (int i = 0; i < m; i++) {
        if (basis[i] >= nv + m - 1) {
          for (int j = 0; j < nv + m - 1; j++) {
            if (a[i][j].sign() != 0) {
              pivot(a, basis, i, j, cols);
              break;
            }
          }
        }
      }
      Q[] phase2 = new Q[cols];
      java.util.Arrays.fill(phase2, Q.ZERO);
      System.arraycopy(c, 0, phase2, 0, nv);
      for (int j = nv + m - 1; j < cols; j++) {
        for (int i = 0; i < m; i++) {
          a[i][j] = basis[i] == j ? a[i][j] : Q.ZERO; // artificials never re-enter
        }
      }
      run(a, basis, phase2, nv + m - 1);
      return objectiveValue(a, basis, phase2, cols);
    }

    private static Q objectiveValue(Q[][] a, int[] basis, Q[] c, int cols) {
      Q v = Q.ZERO;
      for (int i = 0; i < basis.length; i++) {
        v = v.plus(c[basis[i]].times(a[i][cols]));
      }
      return v;
    }

    /** Primal simplex with Bland's rule, entering only among the first {@code enterable} columns. */
    private static void run(Q[][] a, int[] basis, Q[] c, int enterable) {
      int m = a.length;
      int cols = a[0].length - 1;
      while (true) {
        int enter = -1;
        for (int j = 0; j < enterable && enter < 0; j++) {
          boolean basic = false;
          for (int b : basis) {
            basic |= b == j;
          }
          if (basic) {
            continue;
          }
          Q reduced = c[j];
          for (int i = 0; i < m; i++) {
            reduced = reduced.minus(c[basis[i]].times(a[i][j]));
          }
          if (reduced.sign() > 0) {
            enter = j;
          }
        }
        if (enter < 0) {
          return;
        }
        int leave = -1;
        Q best = null;
        for (int i = 0; i < m; i++) {
          if (a[i][enter].sign() > 0) {
            Q ratio = a[i][cols].over(a[i][enter]);
            if (best == null || ratio.compareTo(best) < 0 || ratio.compareTo(best) == 0 && basis[i] < basis[leave]) {
              best = ratio;
              leave = i;
            }
          }
        }
        if (leave < 0) {
          throw new AssertionError("the brute-force LP is unbounded");
        }
        pivot(a, basis, leave, enter, cols);
      }
    }

    private static void pivot(Q[][] a, int[] basis, int row, int col, int cols) {
      Q p = a[row][col];
      for (int j = 0; j <= cols; j++) {
        a[row][j] = a[row][j].over(p);
      }
      for (int i = 0; i < a.length; i++) {
        if (i != row && a[i][col].sign() != 0) {
          Q f = a[i][col];
          for (int j = 0; j <= cols; j++) {
            a[i][j] = a[i][j].minus(f.times(a[row][j]));
          }
        }
      }
      basis[row] = col;
    }
  }
}
