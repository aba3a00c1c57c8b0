package coop.lattice.benchmarks;

import coop.lattice.collective.Collective;
import coop.lattice.ledger.Ledger;
import coop.lattice.store.LedgerStore;
import coop.lattice.wall.PartnerSignals;
import coop.lattice.wall.Rendered;
import coop.lattice.wall.Wall;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
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
 * The wall's pages of a collective with 1,000,000 entries (the {@link Workload}: 200 members, a
 * third shown only in totals; about 500,000 contributions, each acknowledged), rendered to HTML
 * bytes as the node sends them: the open ledger (the feed's newest 50 lines, this month's totals and
 * all time's, read from the kept hour buckets and the entry-ordered map, never a scan), the home
 * (agreements and the agenda), sovereignty (kept incrementally), and the map, health, lattice,
 * lotteries and poster pages. Throughput and the sampled
 * latency percentiles (p99) in one run; run with {@code -t 2} for both cores. The warm-up is long
 * (four times five seconds): a page's template is one large method that the JIT compiles fully
 * only after some thousands of pages, and two three-second rounds measured it half compiled.
 */
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
public class WallBenchmark {
  static final long SIZE = 1_000_000;
  static final String ACTOR = "https://food.example/collectives/benchmark-coop";

  @State(Scope.Benchmark)
  public static class Million {
    Collective collective;
    Wall wall;

    @Setup(Level.Trial)
    public void build() {
      LedgerStore store = LedgerStore.inMemory();
      Ledger ledger = Workload.build(store, SIZE, 10_000);
      ledger.checkpoint(Workload.KEY, Workload.START);
      Clock now = Clock.fixed(ledger.entry(ledger.size() - 1).time(), ZoneOffset.UTC);
      collective = Collective.open(store, Workload.KEY, now);
      wall = Wall.create(now, ZoneOffset.UTC);
    }

    Rendered page(String name) {
      return wall.page(collective, ACTOR, "food.example", name, Locale.ENGLISH, PartnerSignals.NONE).orElseThrow();
    }
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Rendered ledgerPage(Million m) {
    return m.page("outbox");
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Rendered homePage(Million m) {
    return m.page("");
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Rendered sovereigntyPage(Million m) {
    return m.page("sovereignty");
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Rendered mapPage(Million m) {
    return m.page("map");
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Rendered healthPage(Million m) {
    return m.page("health");
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Rendered latticePage(Million m) {
    return m.page("lattice");
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Rendered lotteriesPage(Million m) {
    return m.page("lotteries");
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Rendered posterPage(Million m) {
    return m.page("poster");
  }
}
