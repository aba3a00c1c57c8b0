package coop.lattice.benchmarks;

import coop.lattice.collective.Collective;
import coop.lattice.ledger.Ledger;
import coop.lattice.store.LedgerStore;
import java.lang.management.ManagementFactory;
import java.time.Clock;

/**
 * Measures the heap a 1,000,000-entry ledger holds in memory (store, Merkle tree), and the same
 * with the collective's state folded from it. Prints used heap after full GCs.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar coop.lattice.benchmarks.HeapFootprint}
 */
public final class HeapFootprint {
  private HeapFootprint() {}

  public static void main(String[] args) {
    long entries = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    long base = usedAfterGc();
    LedgerStore store = LedgerStore.inMemory();
    Ledger ledger = Workload.build(store, entries, 10_000);
    long withLedger = usedAfterGc();
    System.out.printf("ledger of %,d entries (in-memory store + Merkle tree): %,d MB%n", ledger.size(),
        (withLedger - base) >> 20);
    ledger.checkpoint(Workload.KEY, Workload.START);
    Collective collective = Collective.open(store, Workload.KEY, Clock.systemUTC());
    long withState = usedAfterGc();
    System.out.printf("plus a second ledger view and the collective's folded state: %,d MB in all (%d entries)%n",
        (withState - base) >> 20, collective.ledger().size());
    // Keep both reachable until measured.
    if (ledger.size() != collective.ledger().size()) {
      throw new AssertionError();
    }
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
