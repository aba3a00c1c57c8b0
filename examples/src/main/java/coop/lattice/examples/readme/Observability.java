package coop.lattice.examples.readme;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.federation.node.FederationNode;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.FileJournal;
import coop.lattice.store.LedgerStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The README's observability snippets: a node's meters in the application's registry, and a
 * journal reopened with progress.
 */
final class Observability {
  private Observability() {}

  // snippet:start metrics
  static double meterANode(Path dir, int port) throws Exception {
    Vertx vertx = Vertx.vertx();
    MeterRegistry registry = new SimpleMeterRegistry();   // or the one your application exports, Prometheus say
    Collective coop = Collective.found(CollectiveId.of("food"), "Riverside Food Co-op", MemberId.of("ana"),
        Appearance.byName("Ana"), LedgerStore.inMemory(), CollectiveKey.generate(), Clock.systemUTC());
    FederationNode node = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + port), dir)
        .meterRegistry(registry)                   // one per node, or a common tag that tells nodes apart
        .healthAlarm(Duration.ofMinutes(15), 10)   // when GET /health says deliveries are stuck (the defaults)
        .collective(coop).build();
    node.start(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    double waiting = registry.get("lattice.deliveries.dead.letters").gauge().value();
    System.out.println("dead letters waiting: " + waiting);   // 0.0 on a new node
    node.stop().compose(v -> vertx.close()).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    return waiting;
  }
  // snippet:end

  // snippet:start progress
  static long reopenWithProgress(Path dir, CollectiveKey key) {
    try (FileJournal journal = FileJournal.open(dir,   // every frame's checksums, in bytes
        (done, total) -> System.err.printf("\rscanning %d of %d bytes", done, total))) {
      Collective coop = Collective.open(journal, key, Clock.systemUTC(),   // every entry and rule, in entries
          (done, total) -> System.err.printf("\rverifying %d of %d entries", done, total));
      System.err.println();
      return coop.ledger().size();
    }
  }
  // snippet:end
}
