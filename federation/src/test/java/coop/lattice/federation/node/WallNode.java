package coop.lattice.federation.node;

import coop.lattice.collective.Collective;
import coop.lattice.wall.Wall;
import coop.lattice.wall.seed.WallSeed;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneOffset;
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
  final FederationNode node;
  final String base;
  final Map<String, WallSeed> seeds = new LinkedHashMap<>();

  WallNode(Path dir) throws Exception {
    seeds.put("riverside", WallSeed.of("riverside", "Riverside Food Co-op", "plain"));
    PAYLOADS.forEach((id, payload) -> seeds.put(id, WallSeed.of(id, "Co-op " + payload, payload)));
    WallSeed first = seeds.get("riverside");
    int port = FedifyPeer.freePort();
    base = "http://127.0.0.1:" + port;
    NodeBuilder b = FederationNode.builder(vertx, URI.create(base), dir).clock(first.clock())
        .wall(Wall.create(first.clock(), ZoneOffset.UTC));
    seeds.values().forEach(s -> b.collective(s.collective()));
    node = b.build();
    node.start(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
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
