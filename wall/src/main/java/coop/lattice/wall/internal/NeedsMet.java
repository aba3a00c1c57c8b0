package coop.lattice.wall.internal;

import coop.lattice.collective.Collective;
import coop.lattice.ledger.Ledger;
import coop.lattice.metrics.SovereigntyMetrics;
import coop.lattice.metrics.SovereigntyReport;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The needs a collective met, kept incrementally: each page view folds only the entries appended
 * since the last one (a few map updates each), never the whole ledger again. One per collective;
 * thread-safe.
 */
final class NeedsMet {
  /** Entries folded per catch-up step, so a long ledger is read in bounded pages. */
  private static final int PAGE = 4096;

  private final SovereigntyMetrics metrics;
  private long folded;

  NeedsMet(ZoneId zone) {
    this.metrics = new SovereigntyMetrics(zone);
  }

  /** The reports of the {@code months} months up to and including {@code last}, oldest first. */
  synchronized List<SovereigntyReport> reports(Collective c, YearMonth last, int months) {
    Ledger ledger = c.ledger();
    long size = ledger.size();
    while (folded < size) {
      long to = Math.min(size, folded + PAGE);
      ledger.entries(folded, to).forEach(metrics::apply);
      folded = to;
    }
    List<SovereigntyReport> out = new ArrayList<>();
    for (int i = months - 1; i >= 0; i--) {
      out.add(metrics.report(last.minusMonths(i)));
    }
    return out;
  }
}
