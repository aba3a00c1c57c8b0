package coop.lattice.collective;

import coop.lattice.ContributionKind;
import coop.lattice.Unit;
import coop.lattice.collective.ContributionRecord.Status;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Contribution;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the open ledger looks like on a wall: the public feed, worded as each member chose to
 * appear, and the totals by kind of help, group level, never a per-person ordering. Functions of
 * a fold the collective holds its lock on.
 */
final class WallViews {
  private WallViews() {}

  static ContributionTotals totals(Fold fold, Instant from, Instant until) {
    ContributionTotals kept = fold.membership.totals.between(from, until);
    return kept != null ? kept : scan(fold, from, until);
  }

  /** The totals of {@code [from, until)} from every contribution: for ends that are not whole UTC hours. */
  static ContributionTotals scan(Fold fold, Instant from, Instant until) {
    Map<ContributionKind, Map<Unit, BigDecimal>> sums = new HashMap<>();
    long n = 0;
    for (ContributionRecord c : fold.membership.contributions.values()) {
      if (c.counts() && !c.recorded().isBefore(from) && c.recorded().isBefore(until)) {
        add(sums, c);
        n++;
      }
    }
    return new ContributionTotals(sums, n);
  }

  static SortedMap<YearMonth, ContributionTotals> monthlyTotals(Fold fold, ZoneId zone) {
    Map<YearMonth, Map<ContributionKind, Map<Unit, BigDecimal>>> sums = new HashMap<>();
    Map<YearMonth, Long> counts = new HashMap<>();
    for (ContributionRecord c : fold.membership.contributions.values()) {
      if (c.counts()) {
        YearMonth m = YearMonth.from(c.recorded().atZone(zone));
        add(sums.computeIfAbsent(m, k -> new HashMap<>()), c);
        counts.merge(m, 1L, Long::sum);
      }
    }
    SortedMap<YearMonth, ContributionTotals> out = new TreeMap<>();
    sums.forEach((m, s) -> out.put(m, new ContributionTotals(s, counts.get(m))));
    return Collections.unmodifiableSortedMap(out);
  }

  private static void add(Map<ContributionKind, Map<Unit, BigDecimal>> sums, ContributionRecord c) {
    sums.computeIfAbsent(c.contribution().kind(), k -> new EnumMap<>(Unit.class))
        .merge(c.contribution().quantity().unit(), c.contribution().quantity().amount(), BigDecimal::add);
  }

  static List<FeedItem> feed(Fold fold, int limit) {
    List<FeedItem> out = new ArrayList<>();
    // Newest first, straight from the entry-ordered map: a page reads as many as it shows and the
    // ones it skips (corrected, or given by members shown only in totals), never the whole ledger.
    for (ContributionRecord c : fold.membership.contributions.descendingMap().values()) {
      if (out.size() == limit) {
        break;
      }
      if (c.status() == Status.CORRECTED) {
        continue;
      }
      Contribution what = c.contribution();
      Appearance giver = fold.membership.members.get(what.giver()).appearance();
      if (giver.mode() == Appearance.Mode.AGGREGATES_ONLY) {
        continue;
      }
      String receiver = what.receiver() == null ? "the collective"
          : shown(fold.membership.members.get(what.receiver()).appearance());
      out.add(new FeedItem(c.entry(), c.recorded(), shown(giver), receiver, what.kind(), what.quantity(),
          what.servedFor(), c.counts()));
    }
    return List.copyOf(out);
  }

  private static String shown(Appearance a) {
    return a.mode() == Appearance.Mode.AGGREGATES_ONLY ? "a member" : Objects.requireNonNull(a.shownAs());
  }
}
