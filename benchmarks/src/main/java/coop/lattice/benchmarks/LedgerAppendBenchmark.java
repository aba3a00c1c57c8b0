package coop.lattice.benchmarks;

import coop.lattice.ledger.Ledger;
import coop.lattice.store.FileJournal;
import coop.lattice.store.LedgerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appending entries: canonical encoding, chain hash, Merkle update, store. Scores are entries
 * per second.
 *
 * <ul>
 *   <li>{@code inMemory}: one entry per call on the in-memory store (target: 300,000/s);
 *   <li>{@code fileJournalGroupCommit}: batches of {@code batch} entries, each batch forced to
 *       disk before the next, and the journal's acknowledged size recorded and forced after it
 *       (target: 50,000/s).
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
public class LedgerAppendBenchmark {

  /** Commands are built before the clock starts: the benchmark measures appending, not building events. */
  static final Ledger.Draft[] RING = new Ledger.Draft[4096];

  static {
    for (int i = 0; i < RING.length; i++) {
      RING[i] = Workload.draft(Workload.MEMBERS + 1 + i);
    }
  }

  @State(Scope.Thread)
  public static class InMemory {
    Ledger ledger;
    int next;

    @Setup(Level.Iteration)
    public void fresh() {
      ledger = Ledger.create(LedgerStore.inMemory(), Workload.ID, Workload.KEY.verificationKey());
      ledger.appendAll(Workload.founding());
    }
  }

  @Benchmark
  public Object inMemory(InMemory s) {
    Ledger.Draft d = RING[s.next++ & (RING.length - 1)];
    return s.ledger.append(d.time(), d.author(), d.event());
  }

  @State(Scope.Thread)
  public static class Journal {
    @Param({"100"})
    int batch;

    Path dir;
    FileJournal journal;
    Ledger ledger;
    long next;

    @Setup(Level.Iteration)
    public void fresh() throws IOException {
      dir = Files.createTempDirectory("lattice-bench-journal");
      journal = FileJournal.open(dir);
      ledger = Ledger.create(journal, Workload.ID, Workload.KEY.verificationKey());
      ledger.appendAll(Workload.founding());
      ledger.sync();
      next = ledger.size();
    }

    @TearDown(Level.Iteration)
    public void delete() throws IOException {
      journal.close();
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(100)
  public Object fileJournalGroupCommit(Journal s) {
    List<Ledger.Draft> drafts = new ArrayList<>(s.batch);
    for (int i = 0; i < s.batch; i++) {
      drafts.add(RING[(int) (s.next++ & (RING.length - 1))]);
    }
    List<?> entries = s.ledger.appendAll(drafts);
    s.ledger.sync(); // every acknowledged batch is on disk
    return entries;
  }
}
