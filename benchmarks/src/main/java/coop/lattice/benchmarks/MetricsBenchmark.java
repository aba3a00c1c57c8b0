package coop.lattice.benchmarks;

import coop.lattice.collective.Collective;
import coop.lattice.health.HealthReport;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Ledger;
import coop.lattice.metrics.SovereigntyMetrics;
import coop.lattice.store.LedgerStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sovereignty metrics and the health report over a 1,000,000-entry ledger. Targets: full
 * computation at most 2 s; incremental update per new entry at most 10 microseconds.
 */
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
public class MetricsBenchmark {
  static final long SIZE = 1_000_000;

  @State(Scope.Benchmark)
  public static class Million {
    List<Entry> entries;
    Collective collective;

    @Setup(Level.Trial)
    public void build() {
      LedgerStore store = LedgerStore.inMemory();
      Ledger ledger = Workload.build(store, SIZE, 10_000);
      entries = ledger.entries(0, ledger.size());
      ledger.checkpoint(Workload.KEY, Workload.START);
      collective = Collective.open(store, Workload.KEY, Clock.systemUTC());
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public SovereigntyMetrics fullMetrics(Million m) {
    return SovereigntyMetrics.compute(m.entries, ZoneOffset.UTC);
  }

  /** Metrics kept current over 900,000 entries; each operation folds one more. */
  @State(Scope.Thread)
  public static class Live {
    SovereigntyMetrics metrics;
    int next;

    @Setup(Level.Iteration)
    public void upTo(Million m) {
      metrics = SovereigntyMetrics.compute(m.entries.subList(0, 900_000), ZoneOffset.UTC);
      next = 900_000;
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 2, time = 1)
  @Measurement(iterations = 5, time = 1)
  public SovereigntyMetrics incrementalMetrics(Million m, Live live) {
    live.metrics.apply(m.entries.get(live.next));
    live.next = live.next + 1 == m.entries.size() ? 900_000 : live.next + 1;
    return live.metrics;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 5, time = 2)
  public HealthReport healthReport(Million m) {
    return m.collective.health(Instant.parse("2026-06-01T00:00:00Z"));
  }
}
