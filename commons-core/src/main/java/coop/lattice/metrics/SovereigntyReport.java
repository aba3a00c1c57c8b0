package coop.lattice.metrics;

import coop.lattice.Unit;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the community met for itself in a period, without institutional mediation: amounts by
 * need and unit (kilograms of food, hours of care, repairs, loans), which needs it met at all, and
 * which it met this period but not the one before ("sovereignty gained"). Attendance is not a
 * metric here, on purpose: showing up is not the same as needs being met.
 *
 * @param period the month
 * @param met amounts by need and unit, from acknowledged contributions
 * @param performed the needs met at all this period
 * @param gained needs met this period that were not met the period before
 * @param lost needs met the period before that were not met this period
 * @param change for every need met in either period, this period's amount minus the one before
 */
public record SovereigntyReport(YearMonth period, Map<Need, Map<Unit, BigDecimal>> met, Set<Need> performed,
    Set<Need> gained, Set<Need> lost, Map<Need, Map<Unit, BigDecimal>> change) {
  public SovereigntyReport {
    Map<Need, Map<Unit, BigDecimal>> copy = new TreeMap<>();
    met.forEach((n, u) -> copy.put(n, Map.copyOf(u)));
    met = Collections.unmodifiableMap(copy);
    Map<Need, Map<Unit, BigDecimal>> delta = new TreeMap<>();
    change.forEach((n, u) -> delta.put(n, Map.copyOf(u)));
    change = Collections.unmodifiableMap(delta);
    performed = Collections.unmodifiableSet(new TreeSet<>(performed));
    gained = Collections.unmodifiableSet(new TreeSet<>(gained));
    lost = Collections.unmodifiableSet(new TreeSet<>(lost));
  }

  public BigDecimal of(Need need, Unit unit) {
    return met.getOrDefault(need, Map.of()).getOrDefault(unit, BigDecimal.ZERO);
  }
}
