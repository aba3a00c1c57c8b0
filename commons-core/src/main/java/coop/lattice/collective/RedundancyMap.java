package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.metrics.Need;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * For each critical need, the partner collectives that could cover it if this collective (or one
 * of its partners) falters.
 *
 * @param coverage per need, the partners that could cover it, as declared
 */
public record RedundancyMap(SortedMap<Need, List<CollectiveId>> coverage) {
  public RedundancyMap {
    TreeMap<Need, List<CollectiveId>> copy = new TreeMap<>();
    coverage.forEach((n, l) -> copy.put(n, List.copyOf(l)));
    coverage = Collections.unmodifiableSortedMap(copy);
  }

  /** Needs that no partner could cover: a single point of failure. */
  public List<Need> uncovered() {
    return coverage.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
  }

  /** Needs that only one partner could cover: fragile. */
  public List<Need> fragile() {
    return coverage.entrySet().stream().filter(e -> e.getValue().size() == 1).map(Map.Entry::getKey).toList();
  }

  /**
   * If {@code partner} falters: for each need it covers, the partners left to compensate (an
   * empty list means nobody would be left).
   */
  public SortedMap<Need, List<CollectiveId>> ifFalters(CollectiveId partner) {
    SortedMap<Need, List<CollectiveId>> out = new TreeMap<>();
    coverage.forEach((need, partners) -> {
      if (partners.contains(partner)) {
        out.put(need, partners.stream().filter(p -> !p.equals(partner)).toList());
      }
    });
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * While the partners in {@code faltering} falter: for each of them that covers a need, per
   * need, the partners that still could (neither it nor another faltering one). An empty list
   * means nobody is left to cover that need.
   */
  public SortedMap<CollectiveId, SortedMap<Need, List<CollectiveId>>> whileFaltering(Collection<CollectiveId> faltering) {
    SortedMap<CollectiveId, SortedMap<Need, List<CollectiveId>>> out = new TreeMap<>(
        Comparator.comparing(CollectiveId::value));
    for (CollectiveId partner : faltering) {
      SortedMap<Need, List<CollectiveId>> left = new TreeMap<>();
      ifFalters(partner).forEach((need, others) -> left.put(need, others.stream()
          .filter(o -> !faltering.contains(o)).toList()));
      if (!left.isEmpty()) {
        out.put(partner, Collections.unmodifiableSortedMap(left));
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }
}
