package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.federation.FollowState;
import coop.lattice.federation.InboundActivity;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.keys.ActorKeys;
import coop.lattice.federation.keys.ObjectProofs;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.rdf.LinkedData;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.store.LedgerStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lattice and a real Fedify server, both directions, over loopback: WebFinger and actor lookup,
 * follows accepted each way, a ledger entry reaching Fedify as a verified activity, a Fedify
 * {@code Create} accepted by Lattice, and unsigned or tampered requests refused by Fedify.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FedifyPeerIT {
  static final MemberId ANA = MemberId.of("ana");
  static final Duration WAIT = Duration.ofSeconds(30);
  static FedifyPeer peer;
  static Vertx vertx;
  static Collective coop;
  static FederationNode node;
  static String base;
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    peer = FedifyPeer.start("fedify");
    vertx = Vertx.vertx();
    coop = Collective.found(CollectiveId.of("riverside-food"), "Riverside Food Co-op", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), Clock.systemUTC());
    int port = FedifyPeer.freePort();
    base = "http://127.0.0.1:" + port;
    nodeDir = dir.resolve("node");
    node = FederationNode.builder(vertx, URI.create(base), nodeDir)
        .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), peer.port))
        .random(new java.util.Random(7)).collective(coop).build();
    await(node.start(port, "127.0.0.1"));
    String capture = System.getProperty("lattice.capture");
    if (capture != null) { // -Dlattice.capture=DIR keeps Fedify's activities, for the JSON-LD corpus
      java.nio.file.Files.createDirectories(Path.of(capture));
      node.onInbound(a -> {
        try {
          java.nio.file.Files.write(Path.of(capture, a.type().toLowerCase(java.util.Locale.ROOT) + ".json"), a.json());
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      await(node.stop());
    }
    if (vertx != null) {
      await(vertx.close());
    }
    if (peer != null) {
      peer.close();
    }
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  static HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String actor() {
    return node.actor(coop.id()).toString();
  }

  @Test
  @Order(1)
  void latticeFindsFedifyByWebFingerAndFetchesItsActor() throws Exception {
    URI found = await(node.lookup(coop.id(), "acct:peer@127.0.0.1:" + peer.port, "http"));
    assertThat(found.toString()).isEqualTo(peer.actor());
  }

  @Test
  @Order(2)
  void fedifyFollowsTheCollectiveAndGetsAnAccept() throws Exception {
    CompletableFuture<InboundActivity> follow = new CompletableFuture<>();
    node.onInbound(a -> {
      if (a.type().equals("Follow")) {
        follow.complete(a);
      }
    });
    HttpResponse<String> r = get(peer.origin() + "/_control/follow?target=" + URLEncoder.encode(actor(),
        StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(follow.get(WAIT.toSeconds(), TimeUnit.SECONDS).actor()).isEqualTo(peer.actor());
    peer.await(l -> l.startsWith("[inbox] Accept from " + actor()), WAIT);
    assertThat(node.followers(coop.id())).containsKey(peer.actor());
  }

  @Test
  @Order(3)
  void theCollectiveFollowsFedifyAndGetsAnAccept() throws Exception {
    CompletableFuture<InboundActivity> accept = new CompletableFuture<>();
    node.onInbound(a -> {
      if (a.type().equals("Accept")) {
        accept.complete(a);
      }
    });
    String followId = await(node.follow(coop.id(), URI.create(peer.actor())));
    peer.await(l -> l.startsWith("[inbox] Follow from " + actor()), WAIT);
    assertThat(accept.get(WAIT.toSeconds(), TimeUnit.SECONDS).actor()).isEqualTo(peer.actor());
    assertThat(node.followState(coop.id(), followId)).contains(FollowState.ACCEPTED);
  }

  @Test
  @Order(4)
  void aLedgerEntryAndACheckpointReachFedifyAsVerifiedActivities() throws Exception {
    coop.admit(ANA, MemberId.of("bo"), Appearance.byName("Bo"));
    long ref = coop.record(Contribution.toCollective(MemberId.of("bo"), ContributionKind.FOOD,
        Quantity.kilograms("12.5")));
    String activityId = actor() + "/entries/" + ref + "/activity";
    peer.await(l -> l.startsWith("[inbox] Create from " + actor()) && l.contains(activityId), WAIT);
    JsonNode received = json.readTree(get(peer.origin() + "/_control/received").body());
    boolean found = false;
    for (JsonNode a : received) {
      found |= activityId.equals(a.path("id").asText()) && "Create".equals(a.path("type").asText())
          && a.toString().contains("eddsa-jcs-2022"); // our FEP-8b32 proof came through with it
    }
    assertThat(found).as("Fedify's log of verified activities holds %s", activityId).isTrue();
    // A signed checkpoint follows the entries, and Fedify takes it as well.
    var cp = await(node.publishCheckpoint(coop.id()));
    peer.await(l -> l.startsWith("[inbox] Create from " + actor()) && l.contains(actor() + "/checkpoints/"
        + cp.checkpoint().size()), WAIT);
    // Fedify 1.5.9 speaks draft-cavage only: the first knock with RFC 9421 was refused, cavage got in.
    assertThat(node.signatureScheme("127.0.0.1:" + peer.port)).isEqualTo(HttpSignatures.Scheme.CAVAGE);
  }

  @Test
  @Order(5)
  void aFedifyCreateReachesLatticeAndIsAccepted() throws Exception {
    CompletableFuture<InboundActivity> create = new CompletableFuture<>();
    node.onInbound(a -> {
      if (a.type().equals("Create")) {
        create.complete(a);
      }
    });
    HttpResponse<String> r = get(peer.origin() + "/_control/note?to=" + URLEncoder.encode(actor(),
        StandardCharsets.UTF_8) + "&text=" + URLEncoder.encode("<b>hello</b> from fedify", StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    InboundActivity a = create.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(a.actor()).isEqualTo(peer.actor());
    assertThat(json.readTree(a.json()).path("object").path("content").asText())
        .isEqualTo("<b>hello</b> from fedify"); // kept as data, exactly as sent; escaped on output
    assertThat(node.inbound(coop.id())).extracting(InboundActivity::id).contains(a.id());
    assertThat(node.inboundGraph(coop.id()).contains(org.apache.jena.graph.NodeFactory.createURI(a.id()),
        org.apache.jena.vocabulary.RDF.type.asNode(),
        org.apache.jena.graph.NodeFactory.createURI("https://www.w3.org/ns/activitystreams#Create"))).isTrue();

    // Its JSON-LD reads offline: every context Fedify uses is bundled.
    var graph = LinkedData.toGraph(a.json());
    assertThat(graph.contains(org.apache.jena.graph.NodeFactory.createURI(a.id()),
        org.apache.jena.vocabulary.RDF.type.asNode(),
        org.apache.jena.graph.NodeFactory.createURI("https://www.w3.org/ns/activitystreams#Create"))).isTrue();

    // Fedify signs the activity itself too (FEP-8b32, eddsa-jcs-2022): our reading of the proof agrees with its.
    var activity = Json.parseObject(a.json());
    String method = ObjectProofs.verificationMethod(activity);
    JsonNode peerActor = json.readTree(http.send(HttpRequest.newBuilder(URI.create(peer.actor()))
        .header("accept", "application/activity+json").build(), HttpResponse.BodyHandlers.ofString()).body());
    String multibase = null;
    for (JsonNode m : peerActor.path("assertionMethod")) {
      if (method.equals(m.path("id").asText())) {
        multibase = m.path("publicKeyMultibase").asText();
      }
    }
    assertThat(multibase).as("Fedify's actor lists the proof's key %s", method).isNotNull();
    var key = ActorKeys.fromMultibase(multibase);
    ObjectProofs.verify(activity, key);
    var tampered = activity.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) tampered.get("object")).put("content", "changed");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ObjectProofs.verify(tampered, key))
        .isInstanceOf(coop.lattice.federation.http.SignatureRejected.class);
  }

  @Test
  @Order(6)
  void fedifyRefusesUnsignedAndTamperedRequests() throws Exception {
    String body = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + actor()
        + "/forged/1\",\"type\":\"Create\",\"actor\":\"" + actor() + "\",\"object\":{\"id\":\"" + actor()
        + "/forged/1/note\",\"type\":\"Note\",\"content\":\"forged\"}}";
    HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(peer.actor() + "/inbox"))
        .header("content-type", "application/activity+json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(401);

    // Signed by the collective's real key, then the body changed on the way.
    var m = HttpMessage.request("POST", "http", "127.0.0.1:" + peer.port,
        "/users/peer/inbox", body.getBytes(StandardCharsets.UTF_8)).with("content-type", "application/activity+json");
    ActorKeys keys = ActorKeys.loadOrCreate(nodeDir().resolve("riverside-food/keys.properties"));
    var signed = HttpSignatures.sign(m, HttpSignatures.Scheme.CAVAGE, actor() + "#main-key", keys.rsaPrivate(),
        java.time.Instant.now());
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(peer.actor() + "/inbox"))
        .POST(HttpRequest.BodyPublishers.ofString(body.replace("forged", "tampered")));
    signed.headers().forEach((k, v) -> {
      if (!k.equals("host") && !k.equals("content-length")) {
        v.forEach(x -> b.header(k, x));
      }
    });
    HttpResponse<String> tampered = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(tampered.statusCode()).isGreaterThanOrEqualTo(400).isLessThan(500);
    assertThat(get(peer.origin() + "/_control/received").body()).doesNotContain("forged").doesNotContain("tampered");
  }

  @Test
  @Order(7)
  void afterAKeyRotationFedifyFetchesTheNewKeyAndTakesTheNextEntry() throws Exception {
    await(node.rotateKeys(coop.id())); // Fedify takes the Update (202) but has no handler that logs it
    long ref = coop.record(Contribution.toCollective(ANA, ContributionKind.FOOD, Quantity.kilograms("2")));
    String activityId = actor() + "/entries/" + ref + "/activity";
    peer.await(l -> l.startsWith("[inbox] Create from " + actor()) && l.contains(activityId), WAIT);
  }

  static Path nodeDir;

  static Path nodeDir() {
    return nodeDir;
  }
}
