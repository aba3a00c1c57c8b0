package coop.lattice.sortition;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a distribution's claims in exact arithmetic, without the LP solver: what {@link
 * Sortition#verify} runs before it re-derives the draw.
 */
final class Verifier {
  private Verifier() {}

  static List<String> check(PanelDistribution d) {
    List<String> problems = new ArrayList<>();
    if (!Sortition.PROCEDURE.equals(d.procedure())) {
      problems.add("unknown procedure " + d.procedure());
      return problems;
    }
    Cells cells = new Cells(d.request());
    BigInteger sum = BigInteger.ZERO;
    Set<List<Integer>> seen = new HashSet<>();
    for (PanelDistribution.Composition comp : d.compositions()) {
      if (comp.weight() <= 0) {
        problems.add("a composition has weight " + comp.weight() + "; weights are positive");
      }
      sum = sum.add(BigInteger.valueOf(comp.weight()));
      String why = cells.whyNotFeasible(comp.counts());
      if (why != null) {
        problems.add(why);
      }
      if (!seen.add(comp.seats())) {
        problems.add("the composition " + comp.seats() + " is listed twice");
      }
    }
    if (!sum.equals(BigInteger.valueOf(Sortition.DENOMINATOR))) {
      problems.add("the compositions' weights add up to " + sum + ", not " + Sortition.DENOMINATOR);
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    List<PanelDistribution.Level> levels = d.levels();
    if (levels.isEmpty() || d.method() == Sortition.Method.MAXIMIN && levels.size() != 1) {
      problems.add("a " + d.method() + " distribution has " + (d.method() == Sortition.Method.MAXIMIN ? "one level" :
          "at least one level") + ", not " + levels.size());
      return problems;
    }
    int[] levelOf = new int[cells.count];
    java.util.Arrays.fill(levelOf, -1);
    for (int j = 0; j < levels.size(); j++) {
      if (levels.get(j).cells().isEmpty()) {
        problems.add("level " + j + " has no cells");
      }
      for (int t : levels.get(j).cells()) {
        if (t < 0 || t >= cells.count || levelOf[t] >= 0) {
          problems.add("level " + j + " names cell " + t + ", which is not a cell or is in an earlier level");
          return problems;
        }
        levelOf[t] = j;
      }
    }
    PanelSearch search = new PanelSearch(cells);
    for (int t = 0; t < cells.count; t++) {
      if (levelOf[t] < 0) {
        long[] unit = new long[cells.count];
        unit[t] = 1;
        if (!search.noneAbove(unit, BigInteger.ZERO)) {
          problems.add(cells.cellName[t] + " can be in a quota-feasible panel, but no level covers it");
        }
      }
    }
    Rational[] p = PanelDistribution.perCell(cells, d.compositions());
    Rational[] floorOf = new Rational[cells.count];
    for (int j = 0; j < levels.size(); j++) {
      PanelDistribution.Level level = levels.get(j);
      boolean[] covered = new boolean[cells.count];
      Rational value = null;
      for (int t = 0; t < cells.count; t++) {
        covered[t] = levelOf[t] >= j;
        if (covered[t] && (value == null || p[t].compareTo(value) < 0)) {
          value = p[t];
        }
      }
      if (value == null) {
        problems.add("level " + j + " covers no cell");
        return problems;
      }
      if (!value.toProbability().equals(level.value())) {
        problems.add("level " + j + "'s smallest probability is " + value + ", not " + level.value());
      }
      List<Long> cert = level.certificate();
      if (cert.size() != cells.count || cert.stream().anyMatch(w -> w < 0)) {
        problems.add("level " + j + "'s certificate needs one weight of at least 0 per cell");
        return problems;
      }
      long[] w = cert.stream().mapToLong(Long::longValue).toArray();
      if (!search.noneAbove(w, level.best())) {
        problems.add("level " + j + "'s certificate is wrong: some quota-feasible panel weighs more than "
            + level.best());
      }
      Rational bound = bound(cells, w, level.best(), covered, floorOf);
      if (!bound.toProbability().equals(level.bound())) {
        problems.add("level " + j + "'s certificate proves the bound " + bound + ", not " + level.bound());
      }
      if (bound.compareTo(value) < 0) {
        problems.add("level " + j + "'s bound " + bound + " is below its value " + value);
      }
      for (int t : level.cells()) {
        floorOf[t] = value;
      }
    }
    return problems;
  }

  /**
   * What the certificate proves: no distribution that gives every cell with a floor at least that
   * floor can give every covered cell more than {@code (best - sum of size * floor * w) / Q}, with
   * {@code Q = sum over covered cells of size * w}. (Weak LP duality: the expected weight of the
   * panel is at most {@code best}, and at least {@code Q} times the smallest covered probability
   * plus what the floors contribute.) Clamped to [0, 1]; 1 when the certificate weighs nothing.
   */
  static Rational bound(Cells cells, long[] w, BigInteger best, boolean[] covered, @Nullable Rational[] floorOf) {
    BigInteger q = BigInteger.ZERO;
    Rational b = Rational.of(best);
    for (int t = 0; t < cells.count; t++) {
      if (covered[t]) {
        q = q.add(BigInteger.valueOf(w[t]).multiply(BigInteger.valueOf(cells.size[t])));
      } else if (floorOf[t] != null && w[t] != 0) {
        b = b.subtract(floorOf[t].multiply(w[t]).multiply(cells.size[t]));
      }
    }
    if (q.signum() == 0) {
      return Rational.ONE;
    }
    Rational r = b.divide(Rational.of(q));
    return r.signum() < 0 ? Rational.ZERO : r.compareTo(Rational.ONE) > 0 ? Rational.ONE : r;
  }
}
