package coop.lattice.collective;

import coop.lattice.ContributionKind;
import coop.lattice.Unit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The totals of the contributions that count, by the UTC hour they were recorded in, and for all
 * time: kept as each contribution starts or stops counting (acknowledged; corrected), so that the
 * wall's totals read a few hundred buckets, never every contribution. A range whose ends are not
 * whole UTC hours (a zone with a half-hour offset) is answered by a scan instead ({@code
 * WallViews}). Not thread-safe: the collective guards it.
 */
final class HourlyTotals {
  /** One hour's (or all time's) sums and how many contributions they add up. */
  private static final class Bucket {
    final Map<ContributionKind, Map<Unit, BigDecimal>> sums = new HashMap<>();
    long count;

    void add(ContributionRecord c, int sign) {
      BigDecimal amount = c.contribution().quantity().amount();
      Map<Unit, BigDecimal> units = sums.computeIfAbsent(c.contribution().kind(), k -> new EnumMap<>(Unit.class));
      BigDecimal now = units.getOrDefault(c.contribution().quantity().unit(), BigDecimal.ZERO)
          .add(sign > 0 ? amount : amount.negate());
      count += sign;
      if (now.signum() == 0) {
        units.remove(c.contribution().quantity().unit());
        if (units.isEmpty()) {
          sums.remove(c.contribution().kind());
        }
      } else {
        units.put(c.contribution().quantity().unit(), now);
      }
    }

    void into(Map<ContributionKind, Map<Unit, BigDecimal>> out) {
      sums.forEach((k, units) -> units.forEach((u, a) ->
          out.computeIfAbsent(k, x -> new EnumMap<>(Unit.class)).merge(u, a, BigDecimal::add)));
    }
  }

  private final NavigableMap<Instant, Bucket> hours = new TreeMap<>();
  private final Bucket all = new Bucket();

  /** {@code c} now counts (it was acknowledged). */
  void counted(ContributionRecord c) {
    hours.computeIfAbsent(hour(c.recorded()), h -> new Bucket()).add(c, 1);
    all.add(c, 1);
  }

  /** {@code c}, which counted, no longer does (it was corrected). */
  void uncounted(ContributionRecord c) {
    Instant h = hour(c.recorded());
    Bucket b = hours.get(h);
    b.add(c, -1);
    if (b.count == 0) {
      hours.remove(h);
    }
    all.add(c, -1);
  }

  /** The totals of {@code [from, until)}, or null unless both ends are whole UTC hours. */
  @Nullable ContributionTotals between(Instant from, Instant until) {
    if (!from.equals(hour(from)) || !until.equals(hour(until))) {
      return null;
    }
    Map<ContributionKind, Map<Unit, BigDecimal>> sums = new HashMap<>();
    if (hours.isEmpty() || !from.isAfter(hours.firstKey()) && until.isAfter(hours.lastKey())) {
      all.into(sums);
      return new ContributionTotals(sums, all.count);
    }
    long n = 0;
    for (Bucket b : hours.subMap(from, true, until, false).values()) {
      b.into(sums);
      n += b.count;
    }
    return new ContributionTotals(sums, n);
  }

  private static Instant hour(Instant t) {
    return t.truncatedTo(ChronoUnit.HOURS);
  }
}
