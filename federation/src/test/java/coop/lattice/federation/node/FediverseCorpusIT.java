package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.federation.keys.ObjectProofs;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.rdf.ContextFetcher;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.LedgerStore;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fediverse corpus ({@code src/test/resources/fediverse-corpus}: activities as nine server
 * families send them) posted to a node on loopback, each signed by its actor on a loopback server
 * that stands for its family's server (the family's {@code https://<family>.example} origin
 * rewritten to it, the Lattice collective's to the node's). Each is accepted, or refused for a
 * reason {@code docs/federation.md} states; the table of outcomes is {@code node-expected.tsv}
 * beside the corpus. Documents whose context is not known (instance-hosted litepub, Funkwhale's)
 * are accepted as plain JSON, and have a graph once the context is learned.
 */
class FediverseCorpusIT {
  static final Path CORPUS = Path.of("src/test/resources/fediverse-corpus");
  static final ObjectMapper JSON = new ObjectMapper();
  static Vertx vertx;
  static final Map<String, RemoteActors> servers = new LinkedHashMap<>();
  static FederationNode node;
  static Collective coop;
  static String base;
  static final LinkedBlockingQueue<ContextFetcher.Attempt> attempts = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    vertx = Vertx.vertx();
    AddressPolicy policy = AddressPolicy.publicOnly();
    for (String family : families()) {
      RemoteActors r = RemoteActors.start(vertx);
      servers.put(family, r);
      policy = policy.allowing(InetAddress.getByName("127.0.0.1"), URI.create(r.origin).getPort());
      // Stand-ins for contexts that are not bundled: written for this test, not the published documents.
      r.serve("/schemas/litepub-0.1.jsonld", q -> q.response().putHeader("content-type", "application/ld+json")
          .end("{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"https://w3id.org/security/v1\","
              + "{\"litepub\":\"http://litepub.social/ns#\",\"directMessage\":\"litepub:directMessage\","
              + "\"EmojiReact\":\"litepub:EmojiReact\",\"Emoji\":\"toot:Emoji\",\"toot\":\"http://joinmastodon.org/ns#\"}]}"));
      r.serve("/ns", q -> q.response().putHeader("content-type", "application/ld+json")
          .end("{\"@context\":{\"fw\":\"https://funkwhale.audio/ns#\",\"Library\":\"fw:Library\","
              + "\"library\":{\"@id\":\"fw:library\",\"@type\":\"@id\"},\"bitrate\":\"fw:bitrate\"}}"));
    }
    coop = Collective.found(CollectiveId.of("food"), "Food Co-op", MemberId.of("ana"), Appearance.byName("Ana"),
        LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), Clock.systemUTC());
    int port = FedifyPeer.freePort();
    base = "http://127.0.0.1:" + port;
    node = FederationNode.builder(vertx, URI.create(base), dir).addressPolicy(policy).collective(coop).build();
    node.onContextFetched(attempts::add);
    node.start(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    node.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    servers.values().forEach(RemoteActors::close);
    vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  static List<String> families() throws Exception {
    try (Stream<Path> s = Files.list(CORPUS)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(f -> !f.equals("edge"))
          .sorted().toList();
    }
  }

  /** The document as its family's server (on loopback) would send it to the node's collective. */
  static String rewritten(String family, Path file) throws Exception {
    return Files.readString(file, StandardCharsets.UTF_8)
        .replace("https://" + family + ".example", servers.get(family).origin)
        .replace("https://lattice.example/c/food", base + "/collectives/food");
  }

  static Map<String, String[]> expected() throws Exception {
    Map<String, String[]> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(CORPUS.resolve("node-expected.tsv"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] p = line.split("\t");
        out.put(p[0], p);
      }
    }
    return out;
  }

  @Test
  void everyDocumentIsAcceptedOrRefusedForAStatedReason() throws Exception {
    Map<String, String[]> expected = expected();
    List<String> outcomes = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (String family : families()) {
      try (Stream<Path> files = Files.list(CORPUS.resolve(family))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          String name = family + "/" + f.getFileName();
          String body = rewritten(family, f);
          JsonNode doc = JSON.readTree(body);
          String actor = doc.path("actor").isTextual() ? doc.path("actor").asText() : doc.path("actor").path("id").asText();
          String path = URI.create(actor).getRawPath();
          if (doc.has("proof")) {
            // The corpus holds placeholder proof values: sign it as its server would, with the actor's Ed25519 key.
            body = ObjectProofs.sign((ObjectNode) doc, doc.path("proof").path("verificationMethod").asText(),
                servers.get(family).ed25519(path).getPrivate(), Instant.now()).toString();
          }
          HttpResponse<String> r = servers.get(family).post(URI.create(base + "/collectives/food/inbox"), body, path);
          String outcome = name + "\t" + r.statusCode() + "\t" + r.body();
          outcomes.add(outcome);
          String[] want = expected.get(name);
          if (want == null || r.statusCode() != Integer.parseInt(want[1]) || !r.body().contains(want[2])) {
            wrong.add(outcome + (want == null ? "\t(not in node-expected.tsv)" : "\t(expected " + want[1] + " "
                + want[2] + ")"));
          }
        }
      }
    }
    assertThat(wrong).as("outcomes:\n" + String.join("\n", outcomes)).isEmpty();
    assertThat(outcomes).hasSize(expected.size());
  }

  @Test
  void documentsWhoseContextWasUnknownHaveAGraphOnceItIsLearned() throws Exception {
    String family = "pleroma";
    Path file = CORPUS.resolve(family).resolve("like.json");
    String body = rewritten(family, file);
    JsonNode doc = JSON.readTree(body);
    String context = servers.get(family).origin + "/schemas/litepub-0.1.jsonld";
    String id = doc.path("id").asText().replace("/activities/", "/activities/again-");
    body = body.replace(doc.path("id").asText(), id);
    String path = URI.create(doc.path("actor").asText()).getRawPath();
    assertThat(servers.get(family).post(URI.create(base + "/collectives/food/inbox"), body, path).statusCode())
        .isEqualTo(202);
    while (true) { // the attempts of every test so far, then this one's if it was not learned yet
      ContextFetcher.Attempt a = attempts.poll(20, TimeUnit.SECONDS);
      assertThat(a).as("the node tried to learn " + context).isNotNull();
      if (a.url().equals(context)) {
        assertThat(a.learned()).as(String.valueOf(a.failure())).isTrue();
        break;
      }
    }
    assertThat(node.inboundGraph(coop.id()).contains(org.apache.jena.graph.NodeFactory.createURI(id), null, null))
        .isTrue();
  }
}
