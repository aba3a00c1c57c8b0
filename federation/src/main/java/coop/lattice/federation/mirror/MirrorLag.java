package coop.lattice.federation.mirror;

import coop.lattice.CollectiveId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauges {@code lattice.mirror.lag}, tagged {@code partner}: how many entries each copy lacks
 * of its partner's latest checkpoint seen. One per mirrored partner, at most {@value #MAX_GAUGES}.
 */
final class MirrorLag {
  private static final Logger LOG = LoggerFactory.getLogger(MirrorLag.class);
  static final int MAX_GAUGES = 1000;

  private final MeterRegistry registry;
  private final List<Gauge> gauges = new CopyOnWriteArrayList<>();

  MirrorLag(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Names the copy's partner, once, and measures the copy's lag from then on. */
  void measure(MirrorCopy c, CollectiveId partner) {
    synchronized (gauges) {
      if (c.collective != null) {
        return;
      }
      c.collective = partner;
      if (gauges.size() >= MAX_GAUGES) {
        LOG.info("Not measuring the lag of the mirror of {}: {} partners are measured already", partner, MAX_GAUGES);
        return;
      }
      gauges.add(Gauge.builder("lattice.mirror.lag", c, MirrorCopy::lag)
          .description("Entries a mirror lacks of its partner's latest checkpoint").tag("partner", partner.value())
          .strongReference(true).register(registry));
    }
  }

  /** Takes the gauges out of the registry (the node stops). */
  void close() {
    gauges.forEach(registry::remove);
    gauges.clear();
  }
}
