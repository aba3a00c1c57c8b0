package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.LedgerStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * What the fediverse as it is sends and expects, against a node on loopback: inboxes that answer
 * GET with 405, requests signed for another server, cavage signatures past their {@code expires},
 * activities whose properties do not have the shapes ActivityStreams gives them.
 */
class FediverseInteropIT {
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
    coop = Collective.found(CollectiveId.of("food"), "Food Co-op", MemberId.of("ana"), Appearance.byName("Ana"),
        LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), Clock.systemUTC());
    int port = FedifyPeer.freePort();
    base = "http://127.0.0.1:" + port;
    node = FederationNode.builder(vertx, URI.create(base), dir)
        .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"),
            URI.create(remote.origin).getPort()))
        .collective(coop).build();
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

  String follow(String who, int n) {
    String actor = remote.origin + "/users/" + who;
    return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + actor + "/follows/" + n
        + "\",\"type\":\"Follow\",\"actor\":\"" + actor + "\",\"object\":\"" + base + "/collectives/food\"}";
  }

  @Test
  void aGetOnAnInboxIs405WithAllowPost() throws Exception {
    for (String path : new String[] {"/collectives/food/inbox", "/inbox"}) {
      HttpResponse<String> r = RemoteActors.HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
          .header("accept", "application/activity+json").GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(405);
      assertThat(r.headers().firstValue("allow")).as(path).contains("POST");
      assertThat(r.body()).contains("takes only POST");
    }
  }

  @Test
  void aRequestSignedForAnotherServerIsMisdirected() throws Exception {
    // A request as another node received it, signed over its Host, replayed to this node.
    String body = follow("mallory", 1);
    HttpMessage m = HttpSignatures.sign(HttpMessage.request("POST", "http", "elsewhere.example", inbox().getPath(),
        body.getBytes(StandardCharsets.UTF_8)).with("content-type", "application/activity+json"),
        HttpSignatures.Scheme.CAVAGE, remote.origin + "/users/mallory#main-key",
        remote.key("/users/mallory").getPrivate(), Instant.now());
    try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), inbox().getPort())) {
      StringBuilder head = new StringBuilder("POST " + inbox().getPath() + " HTTP/1.1\r\n");
      m.headers().forEach((k, v) -> v.forEach(x -> head.append(k).append(": ").append(x).append("\r\n")));
      head.append("content-length: ").append(m.body().length).append("\r\nconnection: close\r\n\r\n");
      OutputStream out = s.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(m.body());
      out.flush();
      String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      assertThat(status).startsWith("HTTP/1.1 421");
    }
    assertThat(node.followers(coop.id())).isEmpty();
  }

  @Test
  void aCavageSignaturePastItsExpiresIsRefused() throws Exception {
    long past = Instant.now().getEpochSecond() - 60;
    HttpResponse<String> r = RemoteActors.signedPost(inbox(), follow("mallory", 2), remote.origin
        + "/users/mallory#main-key", remote.key("/users/mallory"), HttpSignatures.Scheme.CAVAGE, Instant.now(),
        m -> m.with("signature", m.header("signature").orElseThrow() + ",expires=\"" + past + "\""));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    assertThat(r.body()).contains("expired");
    assertThat(node.followers(coop.id())).isEmpty();
  }

  @Test
  void theSameFollowWithinItsExpiresIsAccepted() throws Exception {
    long later = Instant.now().getEpochSecond() + 60;
    HttpResponse<String> r = RemoteActors.signedPost(inbox(), follow("mallory", 3), remote.origin
        + "/users/mallory#main-key", remote.key("/users/mallory"), HttpSignatures.Scheme.CAVAGE, Instant.now(),
        m -> m.with("signature", m.header("signature").orElseThrow() + ",expires=\"" + later + "\""));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(r.headers().firstValue("accept-signature")).contains(HttpSignatures.ACCEPT_ED25519);
  }

  @Test
  void anOfferWhoseObjectIsANumberIsRefusedWithAMessage() throws Exception {
    String actor = remote.origin + "/users/mallory";
    HttpResponse<String> r = remote.post(inbox(), "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\""
        + actor + "/offers/1\",\"type\":\"Offer\",\"actor\":\"" + actor + "\",\"to\":\"" + base
        + "/collectives/food\",\"object\":23}", "/users/mallory");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("object must be an IRI, an object, or an array of them, not the number 23");
    assertThat(node.inbound(coop.id())).isEmpty();
  }

  /** A Create of a Note with {@code context} after ActivityStreams, and a {@code mood} term it defines. */
  String noteWith(String context, int n) {
    String actor = remote.origin + "/users/mallory";
    return "{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"" + context + "\"],\"id\":\"" + actor
        + "/notes/" + n + "/activity\",\"type\":\"Create\",\"actor\":\"" + actor + "\",\"to\":\"" + base
        + "/collectives/food\",\"object\":{\"id\":\"" + actor + "/notes/" + n + "\",\"type\":\"Note\","
        + "\"attributedTo\":\"" + actor + "\",\"content\":\"soup on Friday\",\"mood\":\"hopeful\"}}";
  }

  static final String MOOD = "https://moods.example/ns#mood";

  static boolean hasMood(org.apache.jena.graph.Graph g) {
    return g.find(null, org.apache.jena.graph.NodeFactory.createURI(MOOD), null).hasNext();
  }

  @Test
  void anUnknownContextIsReadAsPlainJsonAtOnceAndLearnedOffThePathOnceAndForGood() throws Exception {
    java.util.concurrent.CompletableFuture<Void> release = new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
    remote.serve("/ns/moods.jsonld", r -> {
      fetches.incrementAndGet();
      release.thenRun(() -> r.response().putHeader("content-type", "application/ld+json")
          .end("{\"@context\":{\"mood\":\"" + MOOD + "\"}}"));
    });
    java.util.concurrent.LinkedBlockingQueue<coop.lattice.federation.rdf.ContextFetcher.Attempt> attempts =
        new java.util.concurrent.LinkedBlockingQueue<>();
    node.onContextFetched(attempts::add);
    String context = remote.origin + "/ns/moods.jsonld";

    // Answered while the context's server has not answered: nothing is fetched on the inbox path.
    HttpResponse<String> r = remote.post(inbox(), noteWith(context, 1), "/users/mallory");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(node.inbound(coop.id())).hasSize(1);
    assertThat(hasMood(node.inboundGraph(coop.id()))).as("no graph before the context is known").isFalse();
    assertThat(node.inboundGraph(coop.id()).size()).isZero();

    release.complete(null);
    var attempt = attempts.poll(RemoteActors.WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(attempt).isNotNull();
    assertThat(attempt.learned()).as(String.valueOf(attempt.failure())).isTrue();
    assertThat(hasMood(node.inboundGraph(coop.id()))).isTrue();

    // Learned for good: after a restart, a new note reads at once, and nothing is fetched again.
    await(node.stop());
    startNode(dir);
    assertThat(remote.post(inbox(), noteWith(context, 2), "/users/mallory").statusCode()).isEqualTo(202);
    assertThat(hasMood(node.inboundGraph(coop.id()))).isTrue();
    assertThat(fetches).hasValue(1);
  }

  @Test
  void aLearnedContextThatRedefinesActorGivesNoGraph() throws Exception {
    remote.serve("/ns/sly.jsonld", r -> r.response().putHeader("content-type", "application/ld+json")
        .end("{\"@context\":{\"mood\":\"" + MOOD + "\",\"actor\":\"https://sly.example/ns#notTheActor\"}}"));
    java.util.concurrent.LinkedBlockingQueue<coop.lattice.federation.rdf.ContextFetcher.Attempt> attempts =
        new java.util.concurrent.LinkedBlockingQueue<>();
    node.onContextFetched(attempts::add);
    String context = remote.origin + "/ns/sly.jsonld";
    assertThat(remote.post(inbox(), noteWith(context, 3), "/users/mallory").statusCode()).isEqualTo(202);
    assertThat(attempts.poll(RemoteActors.WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    assertThat(node.inboundGraph(coop.id()).size()).as("its graph would not name the authorized actor").isZero();
    // Once the context is known, the same kind of document is refused at the door.
    HttpResponse<String> again = remote.post(inbox(), noteWith(context, 4), "/users/mallory");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(400);
    assertThat(again.body()).contains("redefine id or actor");
  }

  @Test
  void aContextOnAForbiddenAddressIsNeverFetched() throws Exception {
    java.util.concurrent.LinkedBlockingQueue<coop.lattice.federation.rdf.ContextFetcher.Attempt> attempts =
        new java.util.concurrent.LinkedBlockingQueue<>();
    node.onContextFetched(attempts::add);
    assertThat(remote.post(inbox(), noteWith("http://10.0.0.1/ns/moods.jsonld", 5), "/users/mallory").statusCode())
        .isEqualTo(202);
    var attempt = attempts.poll(RemoteActors.WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(attempt).isNotNull();
    assertThat(attempt.learned()).isFalse();
    assertThat(attempt.failure()).contains("refused to connect");
    assertThat(node.inboundGraph(coop.id()).size()).isZero();
  }

  @Test
  void aContextThatAliasesObjectCannotMakeTheGraphDescribeAnotherServersNote() throws Exception {
    String actor = remote.origin + "/users/mallory";
    String body = "{\"@context\":[\"https://www.w3.org/ns/activitystreams\",{\"payload\":{\"@id\":\"as:object\","
        + "\"@type\":\"@id\"}}],\"id\":\"" + actor + "/creates/9\",\"type\":\"Create\",\"actor\":\"" + actor
        + "\",\"to\":\"" + base + "/collectives/food\",\"object\":\"" + actor + "/notes/9\",\"payload\":{\"id\":"
        + "\"https://victim.example/notes/1\",\"type\":\"Note\",\"attributedTo\":\"https://victim.example/alice\","
        + "\"content\":\"forged\"}}";
    HttpResponse<String> r = remote.post(inbox(), body, "/users/mallory");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("describes https://victim.example/notes/1, which is not on its actor's origin");
    assertThat(node.inboundGraph(coop.id()).size()).isZero();
  }
}
