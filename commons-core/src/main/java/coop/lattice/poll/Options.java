package coop.lattice.poll;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A poll's options by index, with the seed's tie-break order: what every method's count shares.
 * Indices follow the terms; what a tally shows is ordered by the counts, the seed and the options'
 * names, so it does not depend on the order the terms list them in.
 */
final class Options {
  final List<String> names;
  final TieBreak tieBreak;

  Options(List<String> names, TieBreak tieBreak) {
    this.names = List.copyOf(names);
    this.tieBreak = tieBreak;
  }

  int size() {
    return names.size();
  }

  String name(int i) {
    return names.get(i);
  }

  /** Where the seed puts option {@code i} among ties: lower goes ahead. */
  int place(int i) {
    return tieBreak.place(names.get(i));
  }

  /** Option indices in the order of their names. */
  List<Integer> byName() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      out.add(i);
    }
    out.sort(Comparator.comparing(names::get));
    return out;
  }

  /** Option indices in the order of preference of a ballot whose ranks (1 to k, 0 unranked) are {@code ranks}. */
  static int[] inOrder(int[] ranks) {
    int k = 0;
    for (int r : ranks) {
      k += r > 0 ? 1 : 0;
    }
    int[] order = new int[k];
    for (int i = 0; i < ranks.length; i++) {
      if (ranks[i] > 0) {
        order[ranks[i] - 1] = i;
      }
    }
    return order;
  }
}
