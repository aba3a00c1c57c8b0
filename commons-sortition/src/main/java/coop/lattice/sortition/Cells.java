package coop.lattice.sortition;

import coop.lattice.MemberId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Candidates grouped by their features. Two candidates with the same group for every feature are
 * interchangeable as far as the quotas go, so a panel is described by how many it takes from
 * each cell; permuting the members of a cell maps quota-feasible panels to quota-feasible panels,
 * which is why the best distributions give everyone in a cell the same probability (see {@code
 * docs/sortition.md}). Cells and groups are in canonical order (sorted by name), so every party
 * derives the same numbering from the same request.
 *
 * <p>Rows: row 0 is the panel's size ({@code seats} exactly); then one row per group of each
 * feature, in feature order, bounded by that group's quota (0 to {@code seats} without one).
 */
final class Cells {
  final PanelRequest request;
  final List<String> features;
  final List<List<String>> groups;
  final int rows;
  final long[] lo;
  final long[] hi;
  final String[] rowName;
  final @Nullable Quota[] rowQuota;
  final int count;
  final int[][] cellRows;
  final int[] size;
  final List<List<MemberId>> members;
  final String[] cellName;
  private final Map<MemberId, Integer> cellOf = new HashMap<>();

  Cells(PanelRequest request) {
    this.request = request;
    this.features = List.copyOf(request.candidates().get(0).features().keySet());
    List<List<String>> gs = new ArrayList<>();
    for (String f : features) {
      TreeSet<String> names = new TreeSet<>();
      request.candidates().forEach(c -> names.add(c.features().get(f)));
      request.quotas().stream().filter(q -> q.feature().equals(f)).forEach(q -> names.add(q.group()));
      gs.add(List.copyOf(names));
    }
    this.groups = List.copyOf(gs);
    int r = 1;
    int[] firstRow = new int[features.size()];
    for (int f = 0; f < features.size(); f++) {
      firstRow[f] = r;
      r += groups.get(f).size();
    }
    this.rows = r;
    lo = new long[rows];
    hi = new long[rows];
    rowName = new String[rows];
    rowQuota = new Quota[rows];
    lo[0] = request.seats();
    hi[0] = request.seats();
    rowName[0] = "the panel's " + request.seats() + " seats";
    for (int f = 0; f < features.size(); f++) {
      for (int g = 0; g < groups.get(f).size(); g++) {
        int row = firstRow[f] + g;
        rowName[row] = features.get(f) + " " + groups.get(f).get(g);
        lo[row] = 0;
        hi[row] = request.seats();
      }
    }
    for (Quota q : request.quotas()) {
      int f = features.indexOf(q.feature());
      int row = firstRow[f] + groups.get(f).indexOf(q.group());
      rowQuota[row] = q;
      lo[row] = q.min();
      hi[row] = Math.min(q.max(), request.seats());
    }
    TreeMap<String, List<MemberId>> byKey = new TreeMap<>();
    Map<String, int[]> rowsOfKey = new HashMap<>();
    for (Candidate c : request.candidates()) {
      int[] rowsOf = new int[features.size()];
      StringBuilder key = new StringBuilder();
      for (int f = 0; f < features.size(); f++) {
        int g = groups.get(f).indexOf(c.features().get(features.get(f)));
        rowsOf[f] = firstRow[f] + g;
        key.append(String.format("%08d", g));
      }
      byKey.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(c.member());
      rowsOfKey.put(key.toString(), rowsOf);
    }
    count = byKey.size();
    cellRows = new int[count][];
    size = new int[count];
    cellName = new String[count];
    List<List<MemberId>> ms = new ArrayList<>();
    int t = 0;
    for (Map.Entry<String, List<MemberId>> e : byKey.entrySet()) {
      cellRows[t] = rowsOfKey.get(e.getKey());
      size[t] = e.getValue().size();
      List<MemberId> sorted = e.getValue().stream().sorted().toList();
      ms.add(sorted);
      for (MemberId m : sorted) {
        cellOf.put(m, t);
      }
      StringBuilder name = new StringBuilder();
      for (int f = 0; f < features.size(); f++) {
        name.append(f == 0 ? "" : ", ").append(rowName[cellRows[t][f]]);
      }
      cellName[t] = name.toString();
      t++;
    }
    members = List.copyOf(ms);
  }

  int cellOf(MemberId m) {
    return cellOf.get(m);
  }

  /** How many of a panel with these counts per cell fall in each row. */
  long[] rowTotals(int[] counts) {
    long[] totals = new long[rows];
    for (int t = 0; t < count; t++) {
      totals[0] += counts[t];
      for (int row : cellRows[t]) {
        totals[row] += counts[t];
      }
    }
    return totals;
  }

  /** Why these counts per cell are not a quota-feasible panel, or null if they are. */
  @Nullable String whyNotFeasible(int[] counts) {
    if (counts.length != count) {
      return "a panel lists " + counts.length + " cells, not " + count;
    }
    for (int t = 0; t < count; t++) {
      if (counts[t] < 0 || counts[t] > size[t]) {
        return "a panel takes " + counts[t] + " from " + cellName[t] + ", which has " + size[t] + " candidates";
      }
    }
    long[] totals = rowTotals(counts);
    for (int row = 0; row < rows; row++) {
      if (totals[row] < lo[row] || totals[row] > hi[row]) {
        return "a panel " + Arrays.toString(counts) + " has " + totals[row] + " in " + rowName[row] + ", outside "
            + lo[row] + " to " + hi[row];
      }
    }
    return null;
  }
}
