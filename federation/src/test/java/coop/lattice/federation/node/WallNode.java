package coop.lattice.federation.node;

import coop.lattice.collective.Collective;
import coop.lattice.wall.seed.WallSeed;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real node on 127.0.0.1 hosting seeded collectives for the wall's tests: one plain
 * ({@code riverside}) and one per hostile payload, each with the payload in every text a member
 * writes. The node's and the wall's clock is fixed where the seeds end.
 */
final class WallNode {
  /** The A25 payloads: each must render inert, as text, wherever a member's text is shown. */
  static final Map<String, String> PAYLOADS = Map.of(
      "a25-script", "<script>window.a25=1</script>",
      "a25-onerror", "<img src=x onerror=\"window.a25=1\">",
      "a25-javascript", "<a href=\"javascript:window.a25=1\">javascript:window.a25=1</a>",
      "a25-data", "<a href=\"data:text/html,<script>window.a25=1</script>\">data:text/html,x</a>");

  final Vertx vertx = Vertx.vertx();
  FederationNode node;
  final String base;
  final Map<String, WallSeed> seeds = new LinkedHashMap<>();
  private final Path dir;
  private final int port;

  WallNode(Path dir) throws Exception {
    seeds.put("riverside", WallSeed.of("riverside", "Riverside Food Co-op", "plain"));
    PAYLOADS.forEach((id, payload) -> seeds.put(id, WallSeed.of(id, "Co-op " + payload, payload)));
    this.dir = dir;
    this.port = FedifyPeer.freePort();
    base = "http://127.0.0.1:" + port;
    node = start();
  }

  /** A node on the directory and port, with the wall a node makes itself (its calendar tokens kept in the directory). */
  private FederationNode start() throws Exception {
    NodeBuilder b = FederationNode.builder(vertx, URI.create(base), dir).clock(seeds.get("riverside").clock());
    seeds.values().forEach(s -> b.collective(s.collective()));
    FederationNode started = b.build();
    started.start(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    return started;
  }

  /** Stops the node and starts another on the same directory and port, hosting the same collectives. */
  void restart() throws Exception {
    node.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    node = start();
  }

  Collective collective(String id) {
    return seeds.get(id).collective();
  }

  String actor(String id) {
    return base + "/collectives/" + id;
  }

  /** The address of {@code page} ("" for the home) of collective {@code id}. */
  String page(String id, String page) {
    return page.isEmpty() ? actor(id) : actor(id) + "/" + page;
  }

  void stop() throws Exception {
    node.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
