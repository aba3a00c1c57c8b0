package coop.lattice.sortition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Why no panel meets the quotas, in words. First the reasons a person sees at a glance (a group
 * with fewer candidates than its lower quota; one feature's lower quotas adding up to more seats
 * than the panel has, or its groups unable to fill them), then, when the clash is between
 * features, an irreducible set of quotas found by a deletion filter: each quota is relaxed in turn
 * and stays relaxed if the rest still cannot be met, so what remains clashes as a whole and any
 * one of it could be dropped. Every feasibility question is answered exactly by {@link
 * PanelSearch}.
 */
final class Diagnosis {
  private Diagnosis() {}

  static void refuseIfInfeasible(Cells cells, PanelSearch search) {
    if (search.anyPanel(cells.lo, cells.hi) != null) {
      return;
    }
    long seats = cells.request.seats();
    long[] inRow = new long[cells.rows];
    for (int t = 0; t < cells.count; t++) {
      for (int row : cells.cellRows[t]) {
        inRow[row] += cells.size[t];
      }
    }
    for (int row = 1; row < cells.rows; row++) {
      if (inRow[row] < cells.lo[row]) {
        Quota q = cells.rowQuota[row];
        throw new InfeasibleQuotasException(count(inRow[row]) + " in " + cells.rowName[row]
            + ", but its quota asks for at least " + cells.lo[row] + " of the " + seats + " seats.", List.of(q));
      }
    }
    int row = 1;
    for (int f = 0; f < cells.features.size(); f++) {
      int groups = cells.groups.get(f).size();
      long lower = 0;
      long upper = 0;
      List<Quota> qs = new ArrayList<>();
      StringBuilder limits = new StringBuilder();
      for (int g = row; g < row + groups; g++) {
        lower += cells.lo[g];
        long most = Math.min(cells.hi[g], inRow[g]);
        upper += most;
        if (cells.rowQuota[g] != null) {
          qs.add(cells.rowQuota[g]);
        }
        limits.append(limits.length() == 0 ? "" : ", ").append(cells.groups.get(f).get(g - row)).append(' ')
            .append(most);
      }
      String feature = cells.features.get(f);
      if (lower > seats) {
        throw new InfeasibleQuotasException("The lower quotas of " + feature + " add up to " + lower + ", more than the "
            + seats + " seats of the panel.", qs);
      }
      if (upper < seats) {
        throw new InfeasibleQuotasException("The groups of " + feature + " can fill at most " + upper + " of the " + seats
            + " seats (the most each can take, by its upper quota and its candidates: " + limits + ").", qs);
      }
      row += groups;
    }
    // A clash between features: find an irreducible set of quota bounds.
    long[] lo = cells.lo.clone();
    long[] hi = cells.hi.clone();
    for (int r = 1; r < cells.rows; r++) {
      if (lo[r] > 0) {
        long keep = lo[r];
        lo[r] = 0;
        if (search.anyPanel(lo, hi) != null) {
          lo[r] = keep;
        }
      }
      if (hi[r] < seats) {
        long keep = hi[r];
        hi[r] = seats;
        if (search.anyPanel(lo, hi) != null) {
          hi[r] = keep;
        }
      }
    }
    Set<Quota> clash = new LinkedHashSet<>();
    List<String> words = new ArrayList<>();
    Set<Integer> involved = new LinkedHashSet<>();
    for (int r = 1; r < cells.rows; r++) {
      if (lo[r] > 0) {
        words.add(cells.rowName[r] + " at least " + lo[r]);
        clash.add(cells.rowQuota[r]);
        involved.add(r);
      }
      if (hi[r] < seats) {
        words.add(cells.rowName[r] + " at most " + hi[r]);
        clash.add(cells.rowQuota[r]);
        involved.add(r);
      }
    }
    StringBuilder who = new StringBuilder();
    int listed = 0;
    for (int t = 0; t < cells.count && listed < 12; t++) {
      boolean touches = false;
      for (int r : cells.cellRows[t]) {
        touches |= involved.contains(r);
      }
      if (touches) {
        who.append(listed++ == 0 ? "" : "; ").append(cells.cellName[t]).append(": ").append(cells.size[t]);
      }
    }
    throw new InfeasibleQuotasException("These quotas cannot all be met together in a panel of " + seats + ": "
        + String.join("; ", words) + ". Candidates by their groups: " + who + ".", List.copyOf(clash));
  }

  private static String count(long n) {
    return n == 0 ? "No candidate is" : n == 1 ? "Only 1 candidate is" : "Only " + n + " candidates are";
  }
}
