package coop.lattice.metrics;

import coop.lattice.InvalidPeriodException;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.circle.CircleOutcome;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sovereignty metrics as an incremental fold over a collective's ledger: feed it every entry in
 * order ({@link #apply}) and ask for any month's report at any time. Each entry costs a few map
 * updates, so keeping the metrics current is cheap; {@link #compute} folds a whole ledger from
 * scratch and gives the same result.
 *
 * <p>A contribution counts in the month it was recorded, once its receiver acknowledges it; a
 * correction of an acknowledged contribution takes the old amount back out. A circle outcome
 * "resolved internally" counts one dispute resolved (items of {@link Need#DISPUTE_RESOLUTION}) in
 * the month the meeting took place.
 *
 * <p>Exchanges inside the collective count too, in the month they are settled: a confirmed
 * offer or request under the need its kind meets, a confirmed time-bank transfer as {@link #MUTUAL_HELP} hours,
 * a tool loan as one item of {@link Need#TOOLS}, a paid mutual aid claim as {@link #MUTUAL_AID}.
 * Trade with other collectives does not: it meets needs through the network, not from within.
 * Not thread-safe.
 */
public final class SovereigntyMetrics {
  private final ZoneId zone;
  /** Live contributions by entry: what they were and whether they count yet. */
  private final Map<Long, Counted> contributions = new HashMap<>();
  private final Map<YearMonth, Map<Need, Map<Unit, BigDecimal>>> totals = new TreeMap<>();

  /** Hours exchanged through the time bank. */
  public static final Need MUTUAL_HELP = Need.of("mutual-help");
  /** Claims a mutual aid fund paid. */
  public static final Need MUTUAL_AID = Need.of("mutual-aid");

  /** Exchanges waiting to be settled, by entry: the need they will count under, and how much. */
  private final Map<Long, Pending> pending = new HashMap<>();

  private record Pending(Need need, Quantity quantity) {}

  private record Counted(Contribution contribution, YearMonth month, boolean acknowledged) {}

  public SovereigntyMetrics(ZoneId zone) {
    this.zone = zone;
  }

  /** A fold of {@code entries} from scratch. */
  public static SovereigntyMetrics compute(Iterable<Entry> entries, ZoneId zone) {
    SovereigntyMetrics m = new SovereigntyMetrics(zone);
    for (Entry e : entries) {
      m.apply(e);
    }
    return m;
  }

  /** Folds the next entry of the ledger. Entries must come in ledger order and be valid (as a collective keeps them). */
  public void apply(Entry e) {
    Event event = e.event();
    if (event instanceof Event.ContributionRecorded r) {
      contributions.put(e.sequence(), new Counted(r.contribution(), month(e), false));
    } else if (event instanceof Event.ContributionAcknowledged a) {
      Counted c = contributions.get(a.contribution());
      if (c != null && !c.acknowledged()) {
        contributions.put(a.contribution(), new Counted(c.contribution(), c.month(), true));
        add(c, BigDecimal.ONE);
      }
    } else if (event instanceof Event.CircleMeetingHeld m) {
      long resolved = m.outcomes().stream()
          .filter(o -> o.kind() == CircleOutcome.Kind.RESOLVED_INTERNALLY).count();
      if (resolved > 0) {
        totals.computeIfAbsent(YearMonth.from(m.date()), k -> new HashMap<>())
            .computeIfAbsent(Need.DISPUTE_RESOLUTION, k -> new EnumMap<>(Unit.class))
            .merge(Unit.ITEMS, BigDecimal.valueOf(resolved), BigDecimal::add);
      }
    } else if (event instanceof Event.NeedPosted n) {
      pending.put(e.sequence(), new Pending(Need.metBy(n.posting().kind()), n.posting().quantity()));
    } else if (event instanceof Event.PostingConfirmed c) {
      settle(c.posting(), e);
    } else if (event instanceof Event.HoursRecorded r) {
      pending.put(e.sequence(), new Pending(MUTUAL_HELP, r.hours()));
    } else if (event instanceof Event.HoursConfirmed c) {
      settle(c.transfer(), e);
    } else if (event instanceof Event.HoursDeclined d) {
      pending.remove(d.transfer());
    } else if (event instanceof Event.AidClaimed a) {
      pending.put(e.sequence(), new Pending(MUTUAL_AID, a.quantity()));
    } else if (event instanceof Event.AidPaid p) {
      settle(p.claim(), e);
    } else if (event instanceof Event.AidDeclined d) {
      pending.remove(d.claim());
    } else if (event instanceof Event.ItemLent) {
      count(month(e), Need.TOOLS, Quantity.items(1));
    } else if (event instanceof Event.ContributionCorrected k) {
      Counted old = contributions.remove(k.corrects());
      if (old != null && old.acknowledged()) {
        add(old, BigDecimal.ONE.negate());
      }
      contributions.put(e.sequence(), new Counted(k.contribution(), month(e), false));
    }
  }

  private void settle(long ref, Entry e) {
    Pending p = pending.remove(ref);
    if (p != null) {
      count(month(e), p.need(), p.quantity());
    }
  }

  private void count(YearMonth month, Need need, Quantity q) {
    totals.computeIfAbsent(month, k -> new HashMap<>()).computeIfAbsent(need, k -> new EnumMap<>(Unit.class))
        .merge(q.unit(), q.amount(), BigDecimal::add);
  }

  private YearMonth month(Entry e) {
    return YearMonth.from(e.time().atZone(zone));
  }

  private void add(Counted c, BigDecimal sign) {
    Need need = Need.metBy(c.contribution().kind());
    Map<Unit, BigDecimal> units = totals.computeIfAbsent(c.month(), k -> new HashMap<>())
        .computeIfAbsent(need, k -> new EnumMap<>(Unit.class));
    BigDecimal v = units.getOrDefault(c.contribution().quantity().unit(), BigDecimal.ZERO)
        .add(c.contribution().quantity().amount().multiply(sign));
    if (v.signum() == 0) {
      units.remove(c.contribution().quantity().unit());
    } else {
      units.put(c.contribution().quantity().unit(), v);
    }
  }

  /** The report for {@code month}, compared with the month before. */
  public SovereigntyReport report(YearMonth month) {
    Map<Need, Map<Unit, BigDecimal>> now = normalized(totals.getOrDefault(month, Map.of()));
    Map<Need, Map<Unit, BigDecimal>> before = normalized(totals.getOrDefault(month.minusMonths(1), Map.of()));
    Set<Need> gained = new HashSet<>(now.keySet());
    gained.removeAll(before.keySet());
    Set<Need> lost = new HashSet<>(before.keySet());
    lost.removeAll(now.keySet());
    Map<Need, Map<Unit, BigDecimal>> change = new TreeMap<>();
    now.forEach((need, units) -> units.forEach((unit, v) ->
        change.computeIfAbsent(need, k -> new EnumMap<>(Unit.class)).merge(unit, v, BigDecimal::add)));
    before.forEach((need, units) -> units.forEach((unit, v) ->
        change.computeIfAbsent(need, k -> new EnumMap<>(Unit.class)).merge(unit, v.negate(), BigDecimal::add)));
    return new SovereigntyReport(month, now, now.keySet(), gained, lost, change);
  }

  /**
   * What was met over the months {@code from} to {@code until}, both included, by need and unit.
   *
   * @throws InvalidPeriodException if the period ends before it starts
   */
  public Map<Need, Map<Unit, BigDecimal>> met(YearMonth from, YearMonth until) {
    if (until.isBefore(from)) {
      throw new InvalidPeriodException("A period from " + from + " to " + until
          + " ends before it starts; give the months in order.");
    }
    Map<Need, Map<Unit, BigDecimal>> sum = new TreeMap<>();
    for (YearMonth m = from; !m.isAfter(until); m = m.plusMonths(1)) {
      totals.getOrDefault(m, Map.of()).forEach((need, units) -> units.forEach((unit, v) ->
          sum.computeIfAbsent(need, k -> new EnumMap<>(Unit.class)).merge(unit, v, BigDecimal::add)));
    }
    return normalized(sum);
  }

  private static Map<Need, Map<Unit, BigDecimal>> normalized(Map<Need, Map<Unit, BigDecimal>> raw) {
    Map<Need, Map<Unit, BigDecimal>> out = new TreeMap<>();
    raw.forEach((need, units) -> {
      Map<Unit, BigDecimal> u = new EnumMap<>(Unit.class);
      units.forEach((unit, v) -> {
        if (v.signum() != 0) {
          BigDecimal s = v.stripTrailingZeros();
          u.put(unit, s.scale() < 0 ? s.setScale(0) : s);
        }
      });
      if (!u.isEmpty()) {
        out.put(need, u);
      }
    });
    return out;
  }
}
