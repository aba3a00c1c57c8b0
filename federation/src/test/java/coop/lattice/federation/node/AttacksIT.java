package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.federation.FollowRequest;
import coop.lattice.federation.RateLimits;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.keys.ActorKeys;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.LedgerStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on a running node over loopback, each of which got through before: a key that claims an
 * owner who does not list it, key ids with user info, page numbers that overflow.
 */
class AttacksIT {
  static Vertx vertx;
  static RemoteActors remote;

  Collective coop;
  FederationNode node;
  String base;

  @BeforeAll
  static void remotes() throws Exception {
    vertx = Vertx.vertx();
    remote = RemoteActors.start(vertx);
  }

  @AfterAll
  static void stopRemotes() throws Exception {
    remote.close();
    await(vertx.close());
  }

  Path dir;

  @BeforeEach
  void startNode(@TempDir Path dir) throws Exception {
    this.dir = dir;
    startNode(RateLimits.defaults());
  }

  void startNode(RateLimits limits) throws Exception {
    if (coop == null) {
      coop = Collective.found(CollectiveId.of("food"), "Food Co-op", MemberId.of("ana"), Appearance.byName("Ana"),
          LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), Clock.systemUTC());
    }
    int port = FedifyPeer.freePort();
    base = "http://127.0.0.1:" + port;
    node = FederationNode.builder(vertx, URI.create(base), dir)
        .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"),
            URI.create(remote.origin).getPort()))
        .rateLimits(limits).collective(coop).build();
    await(node.start(port, "127.0.0.1"));
  }

  @AfterEach
  void stopNode() throws Exception {
    await(node.stop());
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(RemoteActors.WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  URI inbox() {
    return URI.create(base + "/collectives/food/inbox");
  }

  String follow(String actor, int n) {
    return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + actor + "/follows/" + n
        + "\",\"type\":\"Follow\",\"actor\":\"" + actor + "\",\"object\":\"" + base + "/collectives/food\"}";
  }

  /** Serves a key document of its own at {@code path}: the key of {@code keyHolder}, claiming {@code owner}. */
  void keyDocument(String path, String keyHolder, String owner) {
    remote.serve(path, r -> r.response().putHeader("content-type", "application/activity+json").end(
        "{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"https://w3id.org/security/v1\"],\"id\":\""
            + remote.origin + path + "\",\"type\":\"Key\",\"owner\":\"" + owner + "\",\"publicKeyPem\":"
            + com.fasterxml.jackson.databind.node.TextNode.valueOf(ActorKeys.pem(remote.key(keyHolder).getPublic()))
            + "}"));
  }

  @Test
  void aKeyDocumentClaimingAnOwnerWhoDoesNotListItIsRefused() throws Exception {
    // Mallory's key, in a key document of its own that claims alice (on the same origin) as owner.
    keyDocument("/keys/mallory", "/users/mallory", remote.origin + "/users/alice");
    HttpResponse<String> r = RemoteActors.signedPost(inbox(), follow(remote.origin + "/users/alice", 1),
        remote.origin + "/keys/mallory", remote.key("/users/mallory"), HttpSignatures.Scheme.CAVAGE, Instant.now(),
        m -> m);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    assertThat(r.body()).contains("does not list it");
    assertThat(node.followers(coop.id())).isEmpty();
  }

  @Test
  void aKeyDocumentWhoseOwnerListsItIsAccepted() throws Exception {
    // As GoToSocial serves keys: a document of its own, owned by an actor whose document lists it.
    String owner = "/users/carol";
    remote.serve(owner, r -> {
      var a = RemoteActors.person(remote.origin + owner, remote.key(owner).getPublic());
      ((com.fasterxml.jackson.databind.node.ObjectNode) a.get("publicKey")).put("id", remote.origin + "/keys/carol");
      r.response().putHeader("content-type", "application/activity+json").end(a.toString());
    });
    keyDocument("/keys/carol", owner, remote.origin + owner);
    HttpResponse<String> r = RemoteActors.signedPost(inbox(), follow(remote.origin + owner, 2),
        remote.origin + "/keys/carol", remote.key(owner), HttpSignatures.Scheme.CAVAGE, Instant.now(), m -> m);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  @Test
  void aKeyIdWithUserInfoIsRefusedBeforeAnyFetch() throws Exception {
    String actor = remote.origin + "/users/mallory";
    String keyId = actor.replace("http://", "http://u1@") + "#main-key";
    HttpResponse<String> r = RemoteActors.signedPost(inbox(), follow(actor, 3), keyId, remote.key("/users/mallory"),
        HttpSignatures.Scheme.CAVAGE, Instant.now(), m -> m);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    assertThat(r.body()).contains("has user info");
  }

  @Test
  void pageNumbersOutOfRangeAre400WithAMessage() throws Exception {
    for (String path : new String[] {"/collectives/food/outbox", "/collectives/food/followers"}) {
      for (String page : new String[] {"9223372036854775807", "99999999999999999999", "-1", "2"}) {
        HttpResponse<String> r = RemoteActors.HTTP.send(HttpRequest.newBuilder(URI.create(base + path + "?page=" + page))
            .header("accept", "application/activity+json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + "?page=" + page + ": " + r.body()).isEqualTo(400);
        assertThat(r.body()).contains("page is a whole number from 0 to 0");
      }
      HttpResponse<String> first = RemoteActors.HTTP.send(HttpRequest.newBuilder(URI.create(base + path + "?page=0"))
          .header("accept", "application/activity+json").GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(first.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anActivityIdWithANewlineIsRefusedAtOnceAndNothingIsRecorded() throws Exception {
    String actor = remote.origin + "/users/mallory";
    String body = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + actor
        + "/follows/4\\nforged line\",\"type\":\"Follow\",\"actor\":\"" + actor + "\",\"object\":\"" + base
        + "/collectives/food\"}";
    HttpResponse<String> r = remote.post(inbox(), body, "/users/mallory");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("id must be an absolute http(s) IRI without spaces or control characters");
    assertThat(node.inbound(coop.id())).isEmpty();
    assertThat(node.followers(coop.id())).isEmpty();
  }

  @Test
  void aFollowerWhoseInboxWouldBreakALogLineIsRefused() throws Exception {
    String path = "/users/liar";
    remote.serve(path, r -> {
      var a = RemoteActors.person(remote.origin + path, remote.key(path).getPublic());
      a.put("inbox", remote.origin + path + "/inbox\nsent\tforged");
      r.response().putHeader("content-type", "application/activity+json").end(a.toString());
    });
    HttpResponse<String> r = remote.post(inbox(), follow(remote.origin + path, 5), path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(node.followers(coop.id())).isEmpty();
  }

  @Test
  void anOriginOverItsRateIsAnswered429BeforeAnySignatureWork() throws Exception {
    await(node.stop());
    startNode(new RateLimits(0, 2, java.time.Duration.ofMinutes(10)));
    String actor = remote.origin + "/users/mallory";
    assertThat(remote.post(inbox(), follow(actor, 6), "/users/mallory").statusCode()).isEqualTo(202);
    assertThat(remote.post(inbox(), follow(actor, 7), "/users/mallory").statusCode()).isEqualTo(202);
    // The third claims the same origin: refused at the door, even with a signature that would not verify.
    HttpResponse<String> r = RemoteActors.signedPost(inbox(), follow(actor, 8), actor + "#main-key",
        remote.key("/users/eve"), HttpSignatures.Scheme.CAVAGE, Instant.now(), m -> m);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
    assertThat(r.headers().firstValue("retry-after")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
    assertThat(node.inbound(coop.id())).hasSize(2);
  }

  @Test
  void anAddressOverItsRateIsAnswered429EvenUnsigned() throws Exception {
    await(node.stop());
    startNode(new RateLimits(3, 0, java.time.Duration.ofMinutes(10)));
    int[] statuses = new int[4];
    for (int i = 0; i < 4; i++) {
      statuses[i] = RemoteActors.HTTP.send(HttpRequest.newBuilder(inbox()).header("content-type",
          "application/activity+json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode();
    }
    assertThat(statuses).containsExactly(401, 401, 401, 429);
  }

  String announce(String by, String of, int n) {
    return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + by + "/announces/" + n
        + "\",\"type\":\"Announce\",\"actor\":\"" + by + "\",\"to\":\"" + base + "/collectives/food\","
        + "\"object\":{\"id\":\"" + of + "/notes/" + n + "/activity\",\"type\":\"Create\",\"actor\":\"" + of
        + "\",\"object\":{\"id\":\"" + of + "/notes/" + n + "\",\"type\":\"Note\",\"attributedTo\":\"" + of
        + "\",\"content\":\"hello\"}}}";
  }

  @Test
  void aBlockedActorIsRefusedDirectlyAndInsideAnotherActorsAnnounceAndTheBlockSurvivesARestart() throws Exception {
    String mallory = remote.origin + "/users/mallory";
    String bob = remote.origin + "/users/bob";
    node.defences().block(mallory, "harassment, by the collective's agreement of 2026-11-30");
    HttpResponse<String> direct = remote.post(inbox(), follow(mallory, 9), "/users/mallory");
    assertThat(direct.statusCode()).as(direct.body()).isEqualTo(403);
    assertThat(direct.body()).contains("is blocked here (harassment");
    HttpResponse<String> wrapped = remote.post(inbox(), announce(bob, mallory, 10), "/users/bob");
    assertThat(wrapped.statusCode()).as(wrapped.body()).isEqualTo(403);
    assertThat(wrapped.body()).contains(mallory + " is blocked here");
    // The same, with the wrapped activity in an array.
    String inArray = announce(bob, mallory, 17).replace("\"object\":{\"id\":\"" + mallory + "/notes/17/activity\"",
        "\"object\":[{\"id\":\"" + mallory + "/notes/17/activity\"").replace("}}}", "}}]}");
    HttpResponse<String> arrayed = remote.post(inbox(), inArray, "/users/bob");
    assertThat(arrayed.statusCode()).as(arrayed.body()).isEqualTo(403);
    assertThat(arrayed.body()).contains(mallory + " is blocked here");
    assertThat(remote.post(inbox(), follow(bob, 11), "/users/bob").statusCode()).as("bob is not blocked")
        .isEqualTo(202);

    await(node.stop());
    startNode(RateLimits.defaults());
    assertThat(node.defences().blocks()).containsKey("actor:" + mallory);
    assertThat(remote.post(inbox(), follow(mallory, 12), "/users/mallory").statusCode()).isEqualTo(403);
    node.defences().unblock(mallory);
    assertThat(remote.post(inbox(), follow(mallory, 13), "/users/mallory").statusCode()).isEqualTo(202);
  }

  @Test
  void aBlockedDomainCoversEveryActorOnIt() throws Exception {
    node.defences().block("127.0.0.1", "a test of domain blocks");
    HttpResponse<String> r = remote.post(inbox(), follow(remote.origin + "/users/carol2", 14), "/users/carol2");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(node.followers(coop.id())).isEmpty();
  }

  @Test
  void aRequestWithBothContentLengthAndChunkedIsRefusedAndItsConnectionClosed() throws Exception {
    try (java.net.Socket socket = new java.net.Socket(InetAddress.getByName("127.0.0.1"), inbox().getPort())) {
      socket.setSoTimeout(10_000);
      String smuggled = "GET /health HTTP/1.1\r\nHost: " + inbox().getAuthority() + "\r\n\r\n";
      String request = "POST " + inbox().getPath() + " HTTP/1.1\r\nHost: " + inbox().getAuthority()
          + "\r\nContent-Type: application/activity+json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked"
          + "\r\n\r\n0\r\n\r\n" + smuggled;
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String all = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(all).startsWith("HTTP/1.1 400");
      assertThat(all).as("the bytes after the chunked body are not read as a second request")
          .doesNotContain("HTTP/1.1 200").containsOnlyOnce("HTTP/1.1 ");
    }
  }

  @Test
  void withApprovalNewFollowersWaitForTheCollectiveWhichAcceptsOrRejectsThemEvenAfterARestart() throws Exception {
    node.requireFollowerApproval(coop.id(), true);
    String mallory = remote.origin + "/users/mallory";
    String bob = remote.origin + "/users/bob";
    assertThat(remote.post(inbox(), follow(mallory, 15), "/users/mallory").statusCode()).isEqualTo(202);
    assertThat(remote.post(inbox(), follow(bob, 16), "/users/bob").statusCode()).isEqualTo(202);
    assertThat(node.followers(coop.id())).isEmpty();
    assertThat(node.followRequests(coop.id())).extracting(FollowRequest::actor)
        .containsExactly(mallory, bob);

    await(node.stop());
    startNode(RateLimits.defaults());
    assertThat(node.followRequests(coop.id())).hasSize(2);
    await(node.approveFollower(coop.id(), bob));
    await(node.declineFollower(coop.id(), mallory));
    assertThat(node.followers(coop.id())).containsOnlyKeys(bob);
    assertThat(node.followRequests(coop.id())).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> await(node.approveFollower(coop.id(), mallory)))
        .hasMessageContaining("waits for an answer");
  }
}
