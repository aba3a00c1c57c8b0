package coop.lattice.wall.internal;

import coop.lattice.collective.Collective;
import coop.lattice.health.HealthReport;
import coop.lattice.health.Indicator;
import java.time.Instant;
import java.util.List;

/**
 * The health report, group level only: each indicator, its value against its threshold, and
 * whether it crossed. Unlike an activity dashboard, it names nobody and scores nobody.
 *
 * @param at when it was computed
 * @param indicators in the report's fixed order
 */
public record HealthView(Instant at, List<Line> indicators) {
  /** An indicator; {@code name} is also its bundle key's last part. */
  public record Line(String name, double value, double threshold, boolean crossed) {}

  static HealthView of(Collective c, Instant now) {
    HealthReport r = c.health(now);
    return new HealthView(r.at(), r.indicators().stream().map(HealthView::line).toList());
  }

  private static Line line(Indicator i) {
    return new Line(i.name(), i.value(), i.threshold(), i.crossed());
  }
}
