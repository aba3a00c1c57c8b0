package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.keys.ObjectProofs;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.merkle.Hash;
import coop.lattice.store.LedgerStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox checklist of {@code reference/security.md}, each case sent over HTTP to a running
 * node: the status, that no handler ran (nothing accepted, no listener called), that the ledger
 * did not change, and for the SSRF cases that the target outside the allow-list saw no
 * connection. The remote side is a small Vert.x server on loopback serving actors and keys.
 */
class InboxSecurityIT {
  static final Duration WAIT = Duration.ofSeconds(20);
  static Vertx vertx;
  static HttpServer remote;
  static HttpServer forbidden;
  static final AtomicInteger forbiddenConnections = new AtomicInteger();
  static KeyPair mallory;
  static KeyPair eve;
  static KeyPair weak;
  static final java.util.concurrent.atomic.AtomicReference<KeyPair> rotor = new java.util.concurrent.atomic.AtomicReference<>();
  static String origin;
  static int forbiddenPort;
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final ObjectMapper json = new ObjectMapper();

  Collective coop;
  FederationNode node;
  String base;
  final AtomicInteger handled = new AtomicInteger();

  @BeforeAll
  static void remotes() throws Exception {
    vertx = Vertx.vertx();
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    mallory = g.generateKeyPair();
    eve = g.generateKeyPair();
    g.initialize(1024);
    weak = g.generateKeyPair();
    forbidden = await(vertx.createHttpServer().connectionHandler(c -> forbiddenConnections.incrementAndGet())
        .requestHandler(r -> r.response().end("{}")).listen(0, "127.0.0.1"));
    forbiddenPort = forbidden.actualPort();
    remote = await(vertx.createHttpServer().requestHandler(r -> {
      String p = r.path();
      String me = origin + p;
      switch (p) {
        case "/users/mallory" -> actor(r, me, mallory, "application/activity+json");
        case "/users/eve" -> actor(r, me, eve, "application/activity+json");
        case "/users/rotor" -> actor(r, me, rotor.get(), "application/activity+json");
        case "/users/weak" -> actor(r, me, weak, "application/activity+json");
        case "/users/html" -> actor(r, me, mallory, "text/html");
        case "/users/liar" -> actor(r, origin + "/users/someone-else", mallory, "application/activity+json");
        case "/users/away" -> r.response().setStatusCode(302)
            .putHeader("location", "http://127.0.0.1:" + forbiddenPort + "/users/mallory").end();
        default -> r.response().setStatusCode(404).end();
      }
    }).listen(0, "127.0.0.1"));
    origin = "http://127.0.0.1:" + remote.actualPort();
  }

  static void actor(io.vertx.core.http.HttpServerRequest r, String id, KeyPair key, String type) {
    r.response().putHeader("content-type", type).end(RemoteActors.person(id, key.getPublic()).toString());
  }

  @AfterAll
  static void stopRemotes() throws Exception {
    await(vertx.close());
  }

  @BeforeEach
  void startNode(@TempDir Path dir) throws Exception {
    coop = Collective.found(CollectiveId.of("food"), "Food Co-op", MemberId.of("ana"), Appearance.byName("Ana"),
        LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), Clock.systemUTC());
    int port = FedifyPeer.freePort();
    base = "http://127.0.0.1:" + port;
    node = FederationNode.builder(vertx, URI.create(base), dir)
        .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), remote.actualPort()))
        .collective(coop).build();
    node.onInbound(a -> handled.incrementAndGet());
    await(node.start(port, "127.0.0.1"));
    forbiddenConnections.set(0);
  }

  @AfterEach
  void stopNode() throws Exception {
    await(node.stop());
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  String inbox() {
    return base + "/collectives/food/inbox";
  }

  String activity(String id, String actor, String type, String object) {
    return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + id + "\",\"type\":\"" + type
        + "\",\"actor\":\"" + actor + "\",\"object\":\"" + object + "\"}";
  }

  String follow(String who, int n) {
    return activity(origin + "/users/" + who + "/follows/" + n, origin + "/users/" + who, "Follow",
        base + "/collectives/food");
  }

  /** Posts {@code body} signed as {@code keyId} with {@code key}, letting {@code change} alter the signed message. */
  HttpResponse<String> post(String body, String keyId, KeyPair key, HttpSignatures.Scheme scheme, Instant at,
      java.util.function.UnaryOperator<HttpMessage> change) throws Exception {
    return RemoteActors.signedPost(URI.create(inbox()), body, keyId, key, scheme, at, change);
  }

  HttpResponse<String> post(String body, String who, KeyPair key) throws Exception {
    return post(body, origin + "/users/" + who + "#main-key", key, HttpSignatures.Scheme.CAVAGE, Instant.now(),
        m -> m);
  }

  /** The request is refused with {@code status}, no handler ran, and the ledger is as it was. */
  void refused(int status, HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(handled).hasValue(0);
    assertThat(node.inbound(coop.id())).isEmpty();
    assertThat(node.followers(coop.id())).isEmpty();
  }

  @Test
  void aValidFollowIsAcceptedOnceAndItsReplayDoesNothing() throws Exception {
    long size = coop.ledger().size();
    Hash root = coop.ledger().root();
    String body = follow("mallory", 1);
    HttpResponse<String> r = post(body, "mallory", mallory);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(node.followers(coop.id())).containsKey(origin + "/users/mallory");
    HttpResponse<String> again = post(body, "mallory", mallory);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.body()).contains("already accepted");
    assertThat(handled).hasValue(1);
    assertThat(coop.ledger().size()).isEqualTo(size);
    assertThat(coop.ledger().root()).isEqualTo(root);
  }

  @Test
  void aRotatedKeyIsFetchedAgainOnceAndTheOldOneStopsWorking() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair first = g.generateKeyPair();
    KeyPair second = g.generateKeyPair();
    rotor.set(first);
    assertThat(post(follow("rotor", 1), "rotor", first).statusCode()).isEqualTo(202); // the node caches the first key
    rotor.set(second);
    String actor = origin + "/users/rotor";
    String update = "{\"id\":\"" + actor + "/updates/1\",\"type\":\"Update\",\"actor\":\"" + actor + "\",\"object\":{"
        + "\"id\":\"" + actor + "\",\"type\":\"Person\"}}";
    assertThat(post(update, "rotor", second).statusCode()).as("signed with the new key").isEqualTo(202);
    String note = activity(actor + "/notes/1", actor, "Create", base + "/collectives/food");
    assertThat(post(note, "rotor", first).statusCode()).as("signed with the old key").isEqualTo(401);
    assertThat(post(note, "rotor", second).statusCode()).isEqualTo(202);
  }

  @Test
  void anUpdateOfSomeoneElsesObjectIsRefused() throws Exception {
    String actor = origin + "/users/mallory";
    refused(401, post("{\"id\":\"" + actor + "/updates/2\",\"type\":\"Update\",\"actor\":\"" + actor + "\",\"object\":"
        + "{\"id\":\"" + base + "/collectives/food\",\"type\":\"Group\",\"name\":\"Taken over\"}}", "mallory", mallory));
    refused(403, post("{\"id\":\"" + actor + "/updates/3\",\"type\":\"Update\",\"actor\":\"" + actor + "\",\"to\":\""
        + base + "/collectives/food\",\"object\":\"" + base + "/collectives/food\"}", "mallory", mallory));
  }

  @Test
  void onlyTheOwnerUpdatesOrDeletesAnObjectAndOnlyWithANewerVersion() throws Exception {
    String m = origin + "/users/mallory";
    String e = origin + "/users/eve";
    String note = m + "/notes/77";
    String food = base + "/collectives/food";
    java.util.function.BiFunction<String, String, String> noteAt = (field, time) -> "{\"id\":\"" + note
        + "\",\"type\":\"Note\",\"content\":\"v\",\"" + field + "\":\"" + time + "\"}";
    String create = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + m + "/c/77\",\"type\":"
        + "\"Create\",\"actor\":\"" + m + "\",\"to\":\"" + food + "\",\"object\":"
        + noteAt.apply("published", "2026-11-27T10:00:00Z") + "}";
    assertThat(post(create, "mallory", mallory).statusCode()).isEqualTo(202);
    java.util.function.BiFunction<String, String, String> update = (n, time) -> "{\"@context\":"
        + "\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + origin + "/u/" + n + "\",\"type\":\"Update\","
        + "\"actor\":\"ACTOR\",\"to\":\"" + food + "\",\"object\":" + noteAt.apply("updated", time) + "}";
    String newer = update.apply("1", "2026-11-27T11:00:00Z").replace("ACTOR", m).replace(origin + "/u/", m + "/u/");
    assertThat(post(newer, "mallory", mallory).statusCode()).isEqualTo(202);
    assertThat(post(newer, "mallory", mallory).body()).contains("already accepted"); // an exact replay: a no-op
    String same = update.apply("2", "2026-11-27T11:00:00Z").replace("ACTOR", m).replace(origin + "/u/", m + "/u/");
    assertThat(post(same, "mallory", mallory).statusCode()).isEqualTo(409);
    String older = update.apply("3", "2026-11-27T10:30:00Z").replace("ACTOR", m).replace(origin + "/u/", m + "/u/");
    assertThat(post(older, "mallory", mallory).statusCode()).isEqualTo(409);
    String byEve = update.apply("4", "2026-11-27T12:00:00Z").replace("ACTOR", e).replace(origin + "/u/", e + "/u/");
    assertThat(post(byEve, "eve", eve).statusCode()).isEqualTo(403);
    java.util.function.BiFunction<String, String, String> delete = (who, n) -> "{\"@context\":"
        + "\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + who + "/d/" + n + "\",\"type\":\"Delete\",\"actor\":\""
        + who + "\",\"to\":\"" + food + "\",\"object\":\"" + note + "\"}";
    assertThat(post(delete.apply(e, "1"), "eve", eve).statusCode()).isEqualTo(403);
    assertThat(post(delete.apply(m, "1"), "mallory", mallory).statusCode()).isEqualTo(202);
    String afterDelete = update.apply("5", "2026-11-27T13:00:00Z").replace("ACTOR", m).replace(origin + "/u/", m + "/u/");
    assertThat(post(afterDelete, "mallory", mallory).statusCode()).isEqualTo(410);
    String createAgainByEve = create.replace(m + "/c/77", e + "/c/78").replace("\"actor\":\"" + m, "\"actor\":\"" + e);
    assertThat(post(createAgainByEve, "eve", eve).statusCode()).isEqualTo(403);
  }

  @Test
  void anUnsignedRequestIsRefused() throws Exception {
    refused(401, http.send(HttpRequest.newBuilder(URI.create(inbox())).header("content-type", "application/activity+json")
        .POST(HttpRequest.BodyPublishers.ofString(follow("mallory", 2))).build(), HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void aBodyChangedAfterSigningIsRefused() throws Exception {
    String body = follow("mallory", 3);
    refused(401, post(body, origin + "/users/mallory#main-key", mallory, HttpSignatures.Scheme.CAVAGE, Instant.now(),
        m -> new HttpMessage(m.method(), m.scheme(), m.authority(), m.pathAndQuery(), m.headers(),
            body.replace("Follow", "Undo").getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aSignatureFromTwoHoursAgoIsRefused() throws Exception {
    refused(401, post(follow("mallory", 4), origin + "/users/mallory#main-key", mallory, HttpSignatures.Scheme.CAVAGE,
        Instant.now().minus(Duration.ofHours(2)), m -> m));
  }

  @Test
  void aSignatureThatDoesNotCoverTheDigestIsRefused() throws Exception {
    refused(401, post(follow("mallory", 5), origin + "/users/mallory#main-key", mallory, HttpSignatures.Scheme.CAVAGE,
        Instant.now(), m -> m.with("signature", m.header("signature").orElseThrow()
            .replace("headers=\"(request-target) host date digest content-type\"", "headers=\"(request-target) host date\""))));
  }

  @Test
  void aKeyOwnedBySomeoneElseIsRefused() throws Exception {
    // Signed with eve's key, claiming to be mallory: the key's owner is not the actor.
    refused(401, post(follow("mallory", 6), "eve", eve));
  }

  @Test
  void aKeyOnAnotherOriginIsRefused() throws Exception {
    refused(401, post(follow("mallory", 7), "http://127.0.0.1:" + forbiddenPort + "/users/mallory#main-key", mallory,
        HttpSignatures.Scheme.CAVAGE, Instant.now(), m -> m));
    assertThat(forbiddenConnections).hasValue(0);
  }

  @Test
  void anActivityIdOnAnotherOriginIsRefused() throws Exception {
    refused(401, post(activity("http://evil.example/a/1", origin + "/users/mallory", "Follow", base
        + "/collectives/food"), "mallory", mallory));
  }

  @Test
  void aRemoteActivityClaimingThisNodesOriginIsRefused() throws Exception {
    String ours = base + "/collectives/food";
    refused(401, post(activity(ours + "/forged/1", ours, "Create", ours), origin + "/users/mallory#main-key",
        mallory, HttpSignatures.Scheme.CAVAGE, Instant.now(), m -> m));
  }

  @Test
  void anObjectProofThatDoesNotVerifyIsRefusedEvenUnderAValidHttpSignature() throws Exception {
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    ObjectNode doc = Json.parseObject(follow("mallory", 12).getBytes(StandardCharsets.UTF_8));
    ObjectNode proved = ObjectProofs.sign(doc, origin + "/users/mallory#main-key", other.getPrivate(), Instant.now());
    refused(401, post(proved.toString(), "mallory", mallory));
  }

  @Test
  void aDocumentWithAnUnknownContextIsTakenAsPlainJsonAndTheContextIsNotFetchedFromAForbiddenAddress()
      throws Exception {
    java.util.concurrent.LinkedBlockingQueue<coop.lattice.federation.rdf.ContextFetcher.Attempt> attempts =
        new java.util.concurrent.LinkedBlockingQueue<>();
    node.onContextFetched(attempts::add);
    String actor = origin + "/users/mallory";
    HttpResponse<String> r = post("{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"http://127.0.0.1:"
        + forbiddenPort + "/context\"],\"id\":\"" + actor + "/notes/9\",\"type\":\"Create\",\"actor\":\"" + actor
        + "\",\"to\":\"" + base + "/collectives/food\",\"object\":\"" + actor + "/notes/9/n\"}", "mallory", mallory);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    var attempt = attempts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(attempt).isNotNull();
    assertThat(attempt.learned()).isFalse();
    assertThat(forbiddenConnections).hasValue(0);
    assertThat(node.inboundGraph(coop.id()).size()).isZero();
  }

  @Test
  void anRsaKeyUnder2048BitsIsRefused() throws Exception {
    refused(401, post(follow("weak", 8), "weak", weak));
  }

  @Test
  void aKeyDocumentThatIsNotActivityPubIsRefused() throws Exception {
    refused(401, post(follow("html", 9), "html", mallory));
  }

  @Test
  void aKeyDocumentWhoseIdIsNotItsUrlIsRefused() throws Exception {
    refused(401, post(follow("liar", 10), "liar", mallory));
  }

  @Test
  void aKeyBehindARedirectToAForbiddenAddressIsNeverFetched() throws Exception {
    refused(401, post(follow("away", 11), "away", mallory));
    assertThat(forbiddenConnections).hasValue(0);
  }

  @Test
  void anAcceptForAFollowThisCollectiveNeverSentIsRefused() throws Exception {
    refused(422, post(activity(origin + "/users/mallory/accepts/1", origin + "/users/mallory", "Accept",
        base + "/collectives/food/follows/never-sent"), "mallory", mallory));
  }

  @Test
  void duplicateKeysAndDeepNestingAreRefused() throws Exception {
    String dup = "{\"id\":\"" + origin + "/users/mallory/x/1\",\"id\":\"" + origin + "/users/mallory/x/2\","
        + "\"type\":\"Follow\",\"actor\":\"" + origin + "/users/mallory\",\"object\":\"" + base + "/collectives/food\"}";
    refused(400, post(dup, "mallory", mallory));
    String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
    refused(400, post(deep, "mallory", mallory));
  }

  @Test
  void aBodyOverOneMebibyteIsRefusedByItsLengthBeforeItIsSent() throws Exception {
    assertThat(raw("Content-Length: " + ((1 << 20) + 1) + "\r\n", new byte[0]))
        .isEqualTo("HTTP/1.1 413 Request Entity Too Large");
    assertThat(handled).hasValue(0);
  }

  /** Sends a POST to the inbox over a plain socket: extra header lines, then {@code body} repeated 20 times. */
  String raw(String headers, byte[] body) throws Exception {
    URI u = URI.create(inbox());
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", u.getPort())) {
      s.setSoTimeout((int) WAIT.toMillis());
      var out = s.getOutputStream();
      out.write(("POST " + u.getPath() + " HTTP/1.1\r\nHost: " + u.getAuthority() + "\r\nContent-Type: "
          + "application/activity+json\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
      try {
        for (int i = 0; i < 20 && body.length > 0; i++) {
          out.write(body);
        }
        out.flush();
      } catch (java.io.IOException closedByTheServer) {
        // the node may close the connection while the rest is still being written
      }
      return new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }

  @Test
  void aChunkedBodyIsCutOffOnceItPassesOneMebibyte() throws Exception {
    byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII); // 64 KiB
    assertThat(raw("Transfer-Encoding: chunked\r\n", chunk)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
    assertThat(handled).hasValue(0);
    assertThat(node.inbound(coop.id())).isEmpty();
  }

  @Test
  void theActorWebFingerNodeInfoOutboxAndFollowersAreServed() throws Exception {
    HttpResponse<String> actor = http.send(HttpRequest.newBuilder(URI.create(base + "/collectives/food"))
        .header("accept", "application/activity+json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(actor.statusCode()).isEqualTo(200);
    assertThat(actor.headers().firstValue("content-type")).contains("application/activity+json");
    var doc = json.readTree(actor.body());
    assertThat(doc.path("type").asText()).isEqualTo("Group");
    assertThat(doc.path("publicKey").path("owner").asText()).isEqualTo(base + "/collectives/food");
    assertThat(doc.path("assertionMethod").get(0).path("publicKeyMultibase").asText()).startsWith("z6Mk");
    HttpResponse<String> html = http.send(HttpRequest.newBuilder(URI.create(base + "/collectives/food"))
        .header("accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(html.statusCode()).as("a browser gets the collective's page").isEqualTo(200);
    assertThat(html.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
    HttpResponse<String> image = http.send(HttpRequest.newBuilder(URI.create(base + "/collectives/food"))
        .header("accept", "image/png").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(image.statusCode()).isEqualTo(406);

    var wf = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base
        + "/.well-known/webfinger?resource=acct:food@127.0.0.1")).build(), HttpResponse.BodyHandlers.ofString()).body());
    assertThat(wf.path("links").get(0).path("href").asText()).isEqualTo(base + "/collectives/food");
    var ni = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/nodeinfo/2.1")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertThat(ni.path("protocols").get(0).asText()).isEqualTo("activitypub");

    var outbox = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/collectives/food/outbox?page=0"))
        .header("accept", "application/activity+json").build(), HttpResponse.BodyHandlers.ofString()).body());
    assertThat(outbox.path("orderedItems")).hasSize((int) coop.ledger().size());
    assertThat(outbox.path("orderedItems").get(0).path("object").path("sequence").asLong())
        .isEqualTo(coop.ledger().size() - 1);
    var followers = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/collectives/food/followers"))
        .header("accept", "application/activity+json").build(), HttpResponse.BodyHandlers.ofString()).body());
    assertThat(followers.path("totalItems").asInt()).isZero();
  }
}
