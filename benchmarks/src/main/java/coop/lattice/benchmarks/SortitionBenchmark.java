package coop.lattice.benchmarks;

import coop.lattice.merkle.Hash;
import coop.lattice.sortition.PanelRequest;
import coop.lattice.sortition.Sortition;
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
 * A constrained draw of 100 from 5,000 candidates with quotas over 3 features (issue 20, target
 * 60 s): the distribution (maximin or leximin) and the draw from a seed, each shot from scratch;
 * and verifying the resulting transcript. Single shots: 1 warm-up, 5 measured.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SortitionBenchmark {
  static final Hash SEED = Hash.sha256(new byte[] {20, 4});

  @State(Scope.Benchmark)
  public static class Pool {
    PanelRequest request;
    Sortition.Transcript transcript;

    @Setup(Level.Trial)
    public void build() {
      request = AssemblyPool.of(5_000, 100, 1);
      transcript = Sortition.draw(Sortition.maximin(request), SEED);
    }
  }

  @Benchmark
  public Sortition.Transcript maximinDraw(Pool p) {
    return Sortition.draw(Sortition.maximin(p.request), SEED);
  }

  @Benchmark
  public Sortition.Transcript leximinDraw(Pool p) {
    return Sortition.draw(Sortition.leximin(p.request), SEED);
  }

  @Benchmark
  public List<String> verify(Pool p) {
    List<String> problems = Sortition.verify(p.transcript);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(problems.toString());
    }
    return problems;
  }

}
