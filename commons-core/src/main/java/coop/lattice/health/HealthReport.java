package coop.lattice.health;

import java.time.Instant;
import java.util.List;

/**
 * A collective's health at a moment: indicators that warn of quiet concentrations of power
 * (a few people holding most roles, most speaking time, most proposals), of dissent left
 * unheard, of newcomers left out, and of agreements nobody revisits. Group-level only: unlike an
 * activity dashboard, it never scores a person or lists the "least active".
 *
 * @param at when it was computed
 * @param indicators every indicator, in a fixed order
 */
public record HealthReport(Instant at, List<Indicator> indicators) {
  public HealthReport {
    indicators = List.copyOf(indicators);
  }

  /** The indicators that crossed their thresholds: each becomes an agenda item. */
  public List<Indicator> crossed() {
    return indicators.stream().filter(Indicator::crossed).toList();
  }

  public Indicator indicator(String name) {
    return indicators.stream().filter(i -> i.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no indicator named " + name));
  }

  /**
   * The fewest members who together hold at least half of {@code counts}, relative to half of the
   * group (1.0 when evenly spread, near 0 when one person holds most): the "absence factor".
   */
  public static double absenceRatio(List<Long> counts) {
    long total = counts.stream().mapToLong(Long::longValue).sum();
    if (total == 0 || counts.isEmpty()) {
      return 1.0;
    }
    List<Long> sorted = counts.stream().sorted((a, b) -> Long.compare(b, a)).toList();
    long acc = 0;
    int k = 0;
    while (acc * 2 < total) {
      acc += sorted.get(k++);
    }
    return Math.min(1.0, k / (counts.size() / 2.0));
  }
}
