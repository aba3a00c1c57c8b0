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
 * time: kept as each contribution starts or stops counting (acknowledged; corrected). A range reads
 * the UTC days it covers whole from day totals, each summed from its hours when first asked for and
 * kept until a contribution of that day changes, and the hours at its ends: a month is about thirty
 * days and at most two days' hours, never every contribution. (Days are not kept as contributions
 * count, so reopening a ledger does no more work than before.) A range whose ends are not
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
  /** Day totals summed from the hours when asked for; a day is dropped when one of its contributions changes. */
  private final NavigableMap<Instant, Bucket> days = new TreeMap<>();
  private final Bucket all = new Bucket();

  /** {@code c} now counts (it was acknowledged). */
  void counted(ContributionRecord c) {
    hours.computeIfAbsent(hour(c.recorded()), h -> new Bucket()).add(c, 1);
    forget(c);
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
    forget(c);
    all.add(c, -1);
  }

  /** The day total of {@code c}'s day, if one was summed, no longer holds. */
  private void forget(ContributionRecord c) {
    if (!days.isEmpty()) {
      days.remove(day(c.recorded()));
    }
  }

  /**
   * The totals of the whole UTC days in {@code [from, until)} (both day starts) that have any
   * contribution, each summed from its hours if not kept yet.
   */
  private long sumDays(Instant from, Instant until, Map<ContributionKind, Map<Unit, BigDecimal>> into) {
    long n = 0;
    for (Instant h = hours.ceilingKey(from); h != null && h.isBefore(until);
        h = hours.ceilingKey(day(h).plus(1, ChronoUnit.DAYS))) {
      Instant d = day(h);
      Bucket b = days.get(d);
      if (b == null) {
        b = new Bucket();
        for (Bucket hourly : hours.subMap(d, true, d.plus(1, ChronoUnit.DAYS), false).values()) {
          hourly.into(b.sums);
          b.count += hourly.count;
        }
        days.put(d, b);
      }
      b.into(into);
      n += b.count;
    }
    return n;
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
    Instant firstDay = day(from).equals(from) ? from : day(from).plus(1, ChronoUnit.DAYS);
    Instant lastDay = day(until);
    long n;
    if (firstDay.isBefore(lastDay)) { // whole days in the middle, hours at the ends
      n = sum(hours, from, firstDay, sums) + sumDays(firstDay, lastDay, sums) + sum(hours, lastDay, until, sums);
    } else {
      n = sum(hours, from, until, sums);
    }
    return new ContributionTotals(sums, n);
  }

  private static long sum(NavigableMap<Instant, Bucket> buckets, Instant from, Instant until,
      Map<ContributionKind, Map<Unit, BigDecimal>> into) {
    long n = 0;
    for (Bucket b : buckets.subMap(from, true, until, false).values()) {
      b.into(into);
      n += b.count;
    }
    return n;
  }

  private static Instant hour(Instant t) {
    return t.truncatedTo(ChronoUnit.HOURS);
  }

  private static Instant day(Instant t) {
    return t.truncatedTo(ChronoUnit.DAYS);
  }
}
