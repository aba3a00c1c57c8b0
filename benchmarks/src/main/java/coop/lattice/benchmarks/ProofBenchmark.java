package coop.lattice.benchmarks;

import coop.lattice.ledger.Ledger;
import coop.lattice.merkle.ConsistencyProof;
import coop.lattice.merkle.Hash;
import coop.lattice.merkle.InclusionProof;
import coop.lattice.store.LedgerStore;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Proof generation plus verification on a 1,000,000-entry ledger, for random leaves and sizes.
 * Each operation generates one proof and verifies it. Target: 200,000 proofs/s on 2 cores; run
 * with {@code -t 2} for the two-core figure.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class ProofBenchmark {
  static final long SIZE = 1_000_000;

  @State(Scope.Benchmark)
  public static class Million {
    Ledger ledger;
    Hash[] roots;

    @Setup(Level.Trial)
    public void build() {
      ledger = Workload.build(LedgerStore.inMemory(), SIZE, 10_000);
      // Roots that a verifier would hold from signed checkpoints, sampled every 1,000 entries.
      roots = new Hash[(int) (SIZE / 1000) + 1];
      for (int i = 1; i < roots.length; i++) {
        roots[i] = ledger.root(i * 1000L);
      }
    }
  }

  /** One seed per thread, so that two threads ask for different proofs, not the same ones. */
  @State(Scope.Thread)
  public static class Dice {
    SplittableRandom random;

    @Setup(Level.Trial)
    public void seed(ThreadParams thread) {
      random = new SplittableRandom(42 + thread.getThreadIndex());
    }
  }

  @Benchmark
  public boolean inclusion(Million m, Dice d) {
    int checkpoint = 1 + d.random.nextInt(m.roots.length - 1);
    long size = checkpoint * 1000L;
    long leaf = d.random.nextLong(size);
    InclusionProof p = m.ledger.inclusionProof(leaf, size);
    boolean ok = p.verify(m.ledger.leafHash(leaf), m.roots[checkpoint]);
    if (!ok) {
      throw new AssertionError("inclusion proof failed");
    }
    return ok;
  }

  @Benchmark
  public boolean consistency(Million m, Dice d) {
    // Both sizes are checkpoints the verifier holds signed roots for.
    int a = 1 + d.random.nextInt(m.roots.length - 2);
    int b = a + 1 + d.random.nextInt(m.roots.length - 1 - a);
    ConsistencyProof p = m.ledger.consistencyProof(a * 1000L, b * 1000L);
    boolean ok = p.verify(m.roots[a], m.roots[b]);
    if (!ok) {
      throw new AssertionError("consistency proof failed");
    }
    return ok;
  }
}
