package coop.lattice.benchmarks;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.federation.node.FederationNode;
import coop.lattice.federation.node.NodeBuilder;
import coop.lattice.ledger.Appearance;
import coop.lattice.store.LedgerStore;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Heap of a node hosting 100 collectives with 10,000 followers in total (100 each, each follower
 * with its own inbox and delivery cursor), as the node holds them after a restart: followers and
 * cursors replayed from its logs, every collective's keys loaded, the server listening. Run it
 * with {@code -Xmx512m}: it must start and report the live heap after a full GC.
 *
 * <pre>{@code
 * java -Xmx512m -cp benchmarks.jar coop.lattice.benchmarks.NodeFootprint
 * }</pre>
 */
public final class NodeFootprint {
  private NodeFootprint() {}

  public static void main(String[] args) throws Exception {
    int collectives = 100;
    int followersEach = 100;
    Path dir = Files.createTempDirectory("node-footprint");
    List<Collective> hosted = new ArrayList<>();
    for (int c = 0; c < collectives; c++) {
      String id = "collective-" + c;
      hosted.add(Collective.found(CollectiveId.of(id), "Collective " + c, MemberId.of("ana"), Appearance.byName("Ana"),
          LedgerStore.inMemory(), Workload.KEY, Clock.systemUTC()));
      StringBuilder followers = new StringBuilder();
      StringBuilder cursors = new StringBuilder();
      for (int f = 0; f < followersEach; f++) {
        String actor = "https://server-" + (f % 50) + ".example/users/member-" + c + "-" + f;
        followers.append("+\t").append(actor).append('\t').append(actor).append("/inbox\n");
        cursors.append("cursor\t").append(actor).append("/inbox\t2\n");
      }
      Files.createDirectories(dir.resolve(id));
      Files.writeString(dir.resolve(id + "/followers.log"), followers, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(id + "/delivery.log"), cursors, StandardCharsets.UTF_8);
    }
    Vertx vertx = Vertx.vertx();
    NodeBuilder b = FederationNode.builder(vertx, URI.create("http://127.0.0.1:18081"), dir);
    hosted.forEach(b::collective);
    FederationNode node = b.build();
    node.start(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    long total = hosted.stream().mapToLong(c -> node.followers(c.id()).size()).sum();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf("%d collectives, %d followers: live heap after GC %.1f MB (max heap %.0f MB)%n", collectives,
        total, used / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
