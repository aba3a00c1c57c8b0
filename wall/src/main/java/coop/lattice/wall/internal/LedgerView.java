package coop.lattice.wall.internal;

import coop.lattice.ContributionKind;
import coop.lattice.Unit;
import coop.lattice.collective.Collective;
import coop.lattice.collective.ContributionTotals;
import coop.lattice.collective.FeedItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The open ledger on the wall: the public feed (acknowledged and awaiting acknowledgement), worded
 * as each member chose, and the totals by kind of help for this month and for all time. Totals are
 * ordered by kind and unit; nothing here is ordered by what a person gave.
 *
 * @param month the month the month's totals cover
 * @param feed the newest lines of the public feed, newest first
 * @param monthTotals this month's totals by kind of help
 * @param allTotals the totals since the collective began
 * @param contributionsThisMonth how many contributions count this month
 */
public record LedgerView(YearMonth month, List<Line> feed, List<Total> monthTotals, List<Total> allTotals,
    long contributionsThisMonth) {
  /** How many lines of the feed a page shows. */
  public static final int FEED_LINES = 50;

  /** A line of the feed; {@code giver} and {@code receiver} as the members chose to appear. */
  public record Line(long entry, Instant time, String giver, String receiver, String kind, BigDecimal amount,
      Unit unit, String servedFor, boolean acknowledged) {}

  /** A total of one kind of help in one unit. */
  public record Total(String kind, BigDecimal amount, Unit unit) {}

  static LedgerView of(Collective c, Instant now, ZoneId zone) {
    YearMonth month = YearMonth.from(now.atZone(zone));
    Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
    Instant until = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    ContributionTotals thisMonth = c.totals(from, until);
    ContributionTotals all = c.totals(Instant.EPOCH, LocalDate.of(9999, 1, 1).atStartOfDay(zone).toInstant());
    List<Line> feed = c.publicFeed(FEED_LINES).stream().map(LedgerView::line).toList();
    return new LedgerView(month, feed, totals(thisMonth), totals(all), thisMonth.contributions());
  }

  private static Line line(FeedItem f) {
    return new Line(f.entry(), f.time(), f.giver(), f.receiver(), f.kind().value(), f.quantity().amount(),
        f.quantity().unit(), f.servedFor(), f.acknowledged());
  }

  static List<Total> totals(ContributionTotals t) {
    List<Total> out = new ArrayList<>();
    for (Map.Entry<ContributionKind, Map<Unit, BigDecimal>> k : t.amounts().entrySet()) {
      k.getValue().forEach((unit, amount) -> out.add(new Total(k.getKey().value(), amount, unit)));
    }
    out.sort(Comparator.comparing(Total::kind).thenComparing(Total::unit));
    return List.copyOf(out);
  }
}
