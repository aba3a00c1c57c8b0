package coop.lattice.collective;

import coop.lattice.ContributionKind;
import coop.lattice.Unit;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the collective received, by kind of help and unit, over some period. A group view: it
 * says how much care or food or repair moved, never who gave the most.
 *
 * @param amounts kind to unit to amount; only acknowledged, uncorrected contributions count
 * @param contributions how many contributions the amounts add up
 */
public record ContributionTotals(Map<ContributionKind, Map<Unit, BigDecimal>> amounts, long contributions) {
  public ContributionTotals {
    Map<ContributionKind, Map<Unit, BigDecimal>> copy = new TreeMap<>(Comparator.comparing(ContributionKind::value));
    amounts.forEach((k, v) -> {
      Map<Unit, BigDecimal> units = new EnumMap<>(Unit.class);
      v.forEach((u, a) -> units.put(u, normalize(a)));
      copy.put(k, Collections.unmodifiableMap(units));
    });
    amounts = Collections.unmodifiableMap(copy);
  }

  private static BigDecimal normalize(BigDecimal a) {
    BigDecimal s = a.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** The amount of {@code kind} in {@code unit}; zero if none. */
  public BigDecimal of(ContributionKind kind, Unit unit) {
    return amounts.getOrDefault(kind, Map.of()).getOrDefault(unit, BigDecimal.ZERO);
  }
}
