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
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.keys.ActorKeys;
import coop.lattice.federation.keys.ObjectProofs;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.store.LedgerStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lattice and Fedify 1.10.12 (src/test/peers/fedify-1.10), both directions, over loopback. Fedify
 * 1.10 signs with RFC 9421 first and double-knocks to draft-cavage, and verifies an RFC 9421
 * request only with a key it finds under the actor's {@code publicKey}: follows accepted each way,
 * ledger entries and a checkpoint reaching Fedify as verified activities, a Fedify {@code Create}
 * accepted by Lattice, and key rotation on either side, all with no request refused, neither by
 * Fedify (its {@code [http]} lines: every inbound POST answered 2xx) nor by Lattice (Fedify's
 * {@code [out]} lines, and the node's {@code lattice.inbox.rejected} meters).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Fedify110PeerIT {
  static final MemberId ANA = MemberId.of("ana");
  static final Duration WAIT = Duration.ofSeconds(30);
  static FedifyPeer peer;
  static Vertx vertx;
  static Collective coop;
  static FederationNode node;
  static String base;
  static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  /** Ledger entries an inbox took, as the node tells it ({@link FederationNode#onDelivered}). */
  static final Map<Long, CompletableFuture<String>> delivered = new ConcurrentHashMap<>();
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    peer = FedifyPeer.start("fedify-1.10");
    vertx = Vertx.vertx();
    coop = Collective.found(CollectiveId.of("riverside-food"), "Riverside Food Co-op", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), Clock.systemUTC());
    int port = FedifyPeer.freePort();
    base = "http://127.0.0.1:" + port;
    node = FederationNode.builder(vertx, URI.create(base), dir.resolve("node"))
        .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), peer.port))
        .random(new java.util.Random(7)).meterRegistry(meters).collective(coop).build();
    node.onDelivered((inbox, entry) -> delivery(entry).complete(inbox));
    await(node.start(port, "127.0.0.1"));
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

  // ------------------------------------------------------------------------------------ helpers

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** What the node tells (an activity it took, an entry an inbox took), within {@link #WAIT}; else what the peer said. */
  static <T> T await(CompletableFuture<T> f) throws Exception {
    try {
      return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("nothing from the node within " + WAIT + "; the peer said:\n"
          + String.join("\n", peer.linesSoFar()), e);
    }
  }

  static CompletableFuture<String> delivery(long entry) {
    return delivered.computeIfAbsent(entry, e -> new CompletableFuture<>());
  }

  static HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> control(String path) throws Exception {
    HttpResponse<String> r = get(peer.origin() + path);
    assertThat(r.statusCode()).as("%s: %s", path, r.body()).isBetween(200, 299);
    return r;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String actor() {
    return node.actor(coop.id()).toString();
  }

  static JsonNode peerActor() throws Exception {
    return json.readTree(http.send(HttpRequest.newBuilder(URI.create(peer.actor()))
        .header("accept", "application/activity+json").timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  /**
   * A request line of the peer: {@code [http] METHOD PATH STATUS SIGNATURE [TYPE ID]} (a request
   * it received and the status it answered) or {@code [out] METHOD URL STATUS SIGNATURE [TYPE ID]}
   * (a request it sent and the status it got back).
   */
  record Request(String line, String kind, String method, String target, String status, String signature,
      String type, String id) {
    static Optional<Request> parse(String line) {
      if (!line.startsWith("[http] ") && !line.startsWith("[out] ")) {
        return Optional.empty();
      }
      String[] p = line.split(" ", 8);
      if (p.length < 5) {
        return Optional.empty();
      }
      return Optional.of(new Request(line, p[0], p[1], p[2], p[3], p[4], p.length > 5 ? p[5] : "",
          p.length > 6 ? p[6] : ""));
    }

    boolean ok() {
      return status.length() == 3 && status.charAt(0) == '2';
    }
  }

  /** Waits for the peer's request line {@code kind} ([http] or [out]) that carried the activity {@code id} and was answered 2xx. */
  static Request awaitTaken(String kind, String id) throws InterruptedException {
    String line = peer.await(l -> Request.parse(l).filter(r -> r.kind().equals(kind) && r.method().equals("POST")
        && r.id().equals(id) && r.ok()).isPresent(), WAIT);
    return Request.parse(line).orElseThrow();
  }

  /** The id of the activity in the peer's {@code [inbox] TYPE from ACTOR: JSON} line. */
  static String activityIn(String inboxLine) throws Exception {
    return json.readTree(inboxLine.substring(inboxLine.indexOf(": {") + 2)).path("id").asText();
  }

  /** How many of the peer's lines {@link #assertNoRefusedRequest} has checked, so that each test answers for its own. */
  static int linesChecked;

  /**
   * Every POST the peer received and every POST it sent since the last check, and what the node
   * refused or gave up on: none may have been refused. A mark first, so that every request that
   * ended before this call is among the lines read (the peer prints a request's line before it
   * answers it, and a request it sent once the answer came).
   */
  static void assertNoRefusedRequest() throws Exception {
    String mark = UUID.randomUUID().toString();
    control("/_control/mark?text=" + mark);
    peer.await(l -> l.equals("[mark] " + mark), WAIT);
    List<String> all = peer.linesSoFar();
    List<Request> posts = new ArrayList<>();
    for (String l : all.subList(linesChecked, all.size())) {
      Request.parse(l).filter(r -> r.method().equals("POST")).ifPresent(posts::add);
    }
    linesChecked = all.size();
    assertThat(posts).as("the peer's POST lines").isNotEmpty();
    assertThat(posts.stream().filter(r -> !r.ok()).map(Request::line).toList())
        .as("POSTs refused ([http]: by Fedify 1.10, [out]: by Lattice), of the peer's POST lines:\n%s",
            String.join("\n", posts.stream().map(Request::line).toList()))
        .isEmpty();
    List<String> rejected = new ArrayList<>();
    for (Counter c : meters.find("lattice.inbox.rejected").counters()) {
      if (c.count() > 0) {
        rejected.add(c.getId().getTags() + " x" + (long) c.count());
      }
    }
    assertThat(rejected).as("lattice.inbox.rejected").isEmpty();
    assertThat(node.deadLetters()).as("the node's dead letters").isEmpty();
    assertThat(deliveries("retried")).as("lattice.deliveries{outcome=retried}").isZero();
    assertThat(deliveries("dead-letter")).as("lattice.deliveries{outcome=dead-letter}").isZero();
    // No knock was refused and cavage taken: deliveries to Fedify 1.10 stay on RFC 9421.
    assertThat(node.signatureScheme("127.0.0.1:" + peer.port)).isEqualTo(HttpSignatures.Scheme.RFC9421);
  }

  static double deliveries(String outcome) {
    return meters.get("lattice.deliveries").tag("outcome", outcome).counter().count();
  }

  // ------------------------------------------------------------------------------------ tests

  @Test
  @Order(1)
  void fedifyFollowsTheCollectiveAndGetsAnAccept() throws Exception {
    CompletableFuture<InboundActivity> follow = new CompletableFuture<>();
    node.onInbound(a -> {
      if (a.type().equals("Follow")) {
        follow.complete(a);
      }
    });
    String sent = json.readTree(control("/_control/follow?target=" + enc(actor())).body()).path("sent").asText();
    InboundActivity f = await(follow);
    assertThat(f.actor()).isEqualTo(peer.actor());
    assertThat(f.id()).isEqualTo(sent);
    // Fedify's Follow went in with its first knock (RFC 9421, its RSA key), and Lattice took it.
    Request out = awaitTaken("[out]", sent);
    assertThat(out.signature()).startsWith("rfc9421(alg=rsa-v1_5-sha256,keyid=" + peer.actor() + "#main-key");
    String accept = activityIn(peer.await(l -> l.startsWith("[inbox] Accept from " + actor()), WAIT));
    awaitTaken("[http]", accept);
    assertThat(node.followers(coop.id())).containsKey(peer.actor());
    assertNoRefusedRequest();
  }

  @Test
  @Order(2)
  void ledgerEntriesAndACheckpointReachFedifyAsVerifiedActivitiesWithNoRefusedRequest() throws Exception {
    coop.admit(ANA, MemberId.of("bo"), Appearance.byName("Bo"));
    List<Long> refs = List.of(
        coop.record(Contribution.toCollective(MemberId.of("bo"), ContributionKind.FOOD, Quantity.kilograms("12.5"))),
        coop.record(Contribution.toCollective(ANA, ContributionKind.FOOD, Quantity.kilograms("3"))));
    List<Request> taken = new ArrayList<>();
    for (long ref : refs) {
      String activityId = actor() + "/entries/" + ref + "/activity";
      peer.await(l -> l.startsWith("[inbox] Create from " + actor()) && l.contains(activityId), WAIT);
      assertThat(await(delivery(ref))).startsWith(peer.origin());
      taken.add(awaitTaken("[http]", activityId));
    }
    JsonNode received = json.readTree(control("/_control/received").body());
    for (long ref : refs) {
      String activityId = actor() + "/entries/" + ref + "/activity";
      boolean found = false;
      for (JsonNode a : received) {
        found |= activityId.equals(a.path("id").asText()) && "Create".equals(a.path("type").asText())
            && a.toString().contains("eddsa-jcs-2022"); // our FEP-8b32 proof came through with it
      }
      assertThat(found).as("Fedify's log of verified activities holds %s", activityId).isTrue();
    }
    var cp = await(node.publishCheckpoint(coop.id()));
    String checkpoint = actor() + "/checkpoints/" + cp.checkpoint().size();
    peer.await(l -> l.startsWith("[inbox] Create from " + actor()) && l.contains(checkpoint), WAIT);
    taken.add(awaitTaken("[http]", checkpoint + "/activity"));
    assertNoRefusedRequest();
    // Each went in with its first knock, RFC 9421 signed with the RSA key of the actor's publicKey.
    for (Request r : taken) {
      assertThat(r.signature()).as(r.line()).startsWith("rfc9421(alg=rsa-v1_5-sha256,keyid=" + actor() + "#main-key)");
    }
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
    peer.await(l -> l.startsWith("[inbox] Follow from " + actor()) && l.contains(followId), WAIT);
    awaitTaken("[http]", followId);
    InboundActivity a = await(accept);
    assertThat(a.actor()).isEqualTo(peer.actor());
    awaitTaken("[out]", a.id());
    assertThat(node.followState(coop.id(), followId)).contains(FollowState.ACCEPTED);
    assertNoRefusedRequest();
  }

  @Test
  @Order(4)
  void aFedifyNoteReachesLatticeAndIsAccepted() throws Exception {
    CompletableFuture<InboundActivity> create = new CompletableFuture<>();
    node.onInbound(a -> {
      if (a.type().equals("Create")) {
        create.complete(a);
      }
    });
    String sent = json.readTree(control("/_control/note?to=" + enc(actor()) + "&text="
        + enc("<b>hello</b> from fedify 1.10")).body()).path("sent").asText();
    InboundActivity a = await(create);
    assertThat(a.id()).isEqualTo(sent);
    assertThat(a.actor()).isEqualTo(peer.actor());
    assertThat(json.readTree(a.json()).path("object").path("content").asText()).isEqualTo("<b>hello</b> from fedify 1.10");
    assertThat(node.inbound(coop.id())).extracting(InboundActivity::id).contains(a.id());
    Request out = awaitTaken("[out]", sent);
    assertThat(out.signature()).as(out.line()).startsWith("rfc9421(");
    assertNoRefusedRequest();
  }

  @Test
  @Order(5)
  void latticeRotatesItsKeysAndTheNextEntryReachesFedify() throws Exception {
    await(node.rotateKeys(coop.id())); // completes once Fedify's inbox took the Update
    peer.await(l -> l.startsWith("[inbox] Update from " + actor()), WAIT);
    long ref = coop.record(Contribution.toCollective(ANA, ContributionKind.FOOD, Quantity.kilograms("2")));
    String activityId = actor() + "/entries/" + ref + "/activity";
    peer.await(l -> l.startsWith("[inbox] Create from " + actor()) && l.contains(activityId), WAIT);
    await(delivery(ref));
    awaitTaken("[http]", activityId);
    assertNoRefusedRequest();
  }

  @Test
  @Order(6)
  void fedifyRotatesItsKeysItsUpdateIsAcceptedAndSoIsTheNextNote() throws Exception {
    JsonNode before = peerActor();
    CompletableFuture<InboundActivity> update = new CompletableFuture<>();
    CompletableFuture<InboundActivity> create = new CompletableFuture<>();
    node.onInbound(a -> {
      if (a.type().equals("Update")) {
        update.complete(a);
      } else if (a.type().equals("Create")) {
        create.complete(a); // the Create of test 4 came before this listener
      }
    });
    JsonNode rotated = json.readTree(control("/_control/rotate").body());
    assertThat(rotated.path("followers").toString()).contains(actor());
    JsonNode after = peerActor();
    assertThat(after.path("publicKey").path("id").asText()).isEqualTo(before.path("publicKey").path("id").asText());
    assertThat(after.path("publicKey").path("publicKeyPem").asText())
        .isNotEqualTo(before.path("publicKey").path("publicKeyPem").asText());

    // Fedify delivers the Update through its queue: it is taken (2xx), or both knocks fail and Fedify says why.
    String updateId = rotated.path("sent").asText();
    String outcome = peer.await(l -> l.startsWith("[delivery error] " + updateId) || Request.parse(l)
        .filter(r -> r.kind().equals("[out]") && r.id().equals(updateId) && r.ok()).isPresent(), WAIT);
    List<String> said = peer.linesSoFar();
    assertThat(outcome).as("Fedify's Update after its key rotation, taken by Lattice; the peer said:\n%s",
        String.join("\n", said.subList(linesChecked, said.size()))).startsWith("[out] ");
    InboundActivity u = await(update);
    assertThat(u.id()).isEqualTo(updateId);
    assertThat(u.actor()).isEqualTo(peer.actor());
    assertThat(json.readTree(u.json()).path("object").path("id").asText()).isEqualTo(peer.actor());
    assertThat(meters.get("lattice.inbox.accepted").tag("type", "Update").counter().count()).isEqualTo(1);

    String sent = json.readTree(control("/_control/note?to=" + enc(actor()) + "&text="
        + enc("signed with the new key")).body()).path("sent").asText();
    InboundActivity a = await(create);
    assertThat(a.id()).isEqualTo(sent);
    awaitTaken("[out]", sent);
    // Its FEP-8b32 proof is by the new Ed25519 key, and the old one does not verify it.
    var activity = Json.parseObject(a.json());
    String method = ObjectProofs.verificationMethod(activity);
    ObjectProofs.verify(activity, ActorKeys.fromMultibase(multibase(after, method)));
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> ObjectProofs.verify(activity, ActorKeys.fromMultibase(multibase(before, method))))
        .isInstanceOf(coop.lattice.federation.http.SignatureRejected.class);
    assertNoRefusedRequest();
  }

  static String multibase(JsonNode actor, String keyId) {
    for (JsonNode m : actor.path("assertionMethod")) {
      if (keyId.equals(m.path("id").asText())) {
        return m.path("publicKeyMultibase").asText();
      }
    }
    throw new AssertionError("Fedify's actor lists no assertion method " + keyId + ": " + actor);
  }
}
