package coop.lattice.wall.internal;

import coop.lattice.Unit;
import coop.lattice.metrics.Need;
import coop.lattice.metrics.SovereigntyReport;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sovereignty: the needs the community met for itself, month by month, as charts (how many needs
 * were met, how many hours of help) and as a table with what was gained and lost. Group level.
 *
 * @param months the months shown, oldest first
 * @param needsChart the number of needs met per month
 * @param hoursChart the hours of help per month
 */
public record SovereigntyView(List<Month> months, Chart needsChart, Chart hoursChart) {
  /** How many months the page shows. */
  public static final int MONTHS = 12;

  /** A month: what was met (need, amount, unit), gained and lost (need names). */
  public record Month(YearMonth period, List<Met> met, List<String> gained, List<String> lost) {}

  /** An amount of one need met in one unit. */
  public record Met(String need, BigDecimal amount, Unit unit) {}

  static SovereigntyView of(List<SovereigntyReport> reports, Words w) {
    List<Month> months = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Double> needs = new ArrayList<>();
    List<String> needsShown = new ArrayList<>();
    List<Double> hours = new ArrayList<>();
    List<String> hoursShown = new ArrayList<>();
    DateTimeFormatter label = DateTimeFormatter.ofPattern("MMM yy", w.locale());
    for (SovereigntyReport r : reports) {
      List<Met> met = new ArrayList<>();
      BigDecimal h = BigDecimal.ZERO;
      for (Map.Entry<Need, Map<Unit, BigDecimal>> e : r.met().entrySet()) {
        for (Unit u : Unit.values()) {
          BigDecimal amount = e.getValue().get(u);
          if (amount != null) {
            met.add(new Met(e.getKey().value(), amount, u));
            h = u == Unit.HOURS ? h.add(amount) : h;
          }
        }
      }
      months.add(new Month(r.period(), List.copyOf(met), names(r.gained()), names(r.lost())));
      labels.add(label.format(r.period()));
      needs.add((double) r.performed().size());
      needsShown.add(w.number(r.performed().size()));
      hours.add(h.doubleValue());
      hoursShown.add(w.number(h));
    }
    return new SovereigntyView(List.copyOf(months), Chart.of(labels, needs, needsShown),
        Chart.of(labels, hours, hoursShown));
  }

  private static List<String> names(java.util.Set<Need> needs) {
    return needs.stream().map(Need::value).toList();
  }
}
