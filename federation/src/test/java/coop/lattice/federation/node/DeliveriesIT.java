package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.http.Signing;
import coop.lattice.federation.keys.ActorKeys;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.store.LedgerStore;
import coop.lattice.testkit.SteppingClock;
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
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery to a follower's inbox on loopback whose answers the test scripts: retries that honour
 * Retry-After, 410 to the dead-letter log and back by replay, the double knock, and cursors that
 * survive a restart of the node.
 */
class DeliveriesIT {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final ObjectMapper json = new ObjectMapper();

  record Received(String type, String id, boolean rfc9421, String signatureInput, Instant at) {}

  Vertx vertx;
  HttpServer follower;
  String origin;
  KeyPair key;
  /** Statuses the follower's inbox answers Creates with, in order; 202 once they run out. */
  final ConcurrentLinkedQueue<String> script = new ConcurrentLinkedQueue<>();
  final LinkedBlockingQueue<Received> creates = new LinkedBlockingQueue<>();
  final LinkedBlockingQueue<String> checkpoints = new LinkedBlockingQueue<>();
  final LinkedBlockingQueue<com.fasterxml.jackson.databind.JsonNode> updates = new LinkedBlockingQueue<>();
  /** Whether the follower's inbox asks for Ed25519 with Accept-Signature, as a Lattice inbox does. */
  volatile boolean asksForEd25519;
  Collective coop;
  FederationNode node;
  Path dir;
  int port;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    this.dir = dir;
    vertx = Vertx.vertx();
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    key = g.generateKeyPair();
    follower = await(vertx.createHttpServer().requestHandler(r -> {
      if (r.path().equals("/users/fern")) {
        InboxSecurityIT.actor(r, origin + "/users/fern", key, "application/activity+json");
        return;
      }
      r.bodyHandler(body -> {
        try {
          var a = json.readTree(body.getBytes());
          if (a.path("type").asText().equals("Update")) {
            updates.add(a);
          }
          if (a.path("object").has("checkpoint")) {
            checkpoints.add(a.path("object").path("checkpoint").asText());
          }
          if (!a.path("type").asText().equals("Create") || a.path("object").has("checkpoint")) {
            r.response().setStatusCode(202).end();
            return;
          }
          boolean rfc = r.getHeader("signature-input") != null;
          if (rfc && script.peek() != null && script.peek().equals("refuse-rfc9421")) {
            script.poll();
            r.response().setStatusCode(401).end();
            return;
          }
          String next = script.poll();
          String[] status = (next == null ? "202" : next).split(" ");
          creates.add(new Received("Create", a.path("id").asText(), rfc,
              rfc ? r.getHeader("signature-input") : "", Instant.now()));
          var resp = r.response().setStatusCode(Integer.parseInt(status[0]));
          if (asksForEd25519) {
            resp.putHeader("accept-signature", HttpSignatures.ACCEPT_ED25519);
          }
          if (status.length > 1) {
            resp.putHeader("retry-after", status[1]);
          }
          resp.end();
        } catch (java.io.IOException e) {
          r.response().setStatusCode(400).end();
        }
      });
    }).listen(0, "127.0.0.1"));
    origin = "http://127.0.0.1:" + follower.actualPort();
    coop = Collective.found(CollectiveId.of("food"), "Food Co-op", MemberId.of("ana"), Appearance.byName("Ana"),
        LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), Clock.systemUTC());
    port = FedifyPeer.freePort();
    startNode();
    URI inbox = URI.create("http://127.0.0.1:" + port + "/collectives/food/inbox");
    String follow = "{\"id\":\"" + origin + "/users/fern/follows/1\",\"type\":\"Follow\",\"actor\":\"" + origin
        + "/users/fern\",\"object\":\"http://127.0.0.1:" + port + "/collectives/food\"}";
    HttpMessage m = HttpSignatures.sign(HttpMessage.request("POST", "http", inbox.getAuthority(), inbox.getPath(),
        follow.getBytes(StandardCharsets.UTF_8)), HttpSignatures.Scheme.CAVAGE, origin + "/users/fern#main-key",
        key.getPrivate(), Instant.now());
    HttpRequest.Builder b = HttpRequest.newBuilder(inbox).POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
    m.headers().forEach((k, v) -> {
      if (!k.equals("host")) {
        v.forEach(x -> b.header(k, x));
      }
    });
    assertThat(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
  }

  void startNode() throws Exception {
    startNode(b -> b);
  }

  void startNode(java.util.function.UnaryOperator<NodeBuilder> more) throws Exception {
    node = more.apply(FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + port), dir)
        .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), follower.actualPort()))
        .random(new java.util.Random(1)).retryBase(Duration.ofMillis(20)).circuitBreaker(3, Duration.ofMillis(1500))
        .collective(coop)).build();
    await(node.start(port, "127.0.0.1"));
  }

  @AfterEach
  void stop() throws Exception {
    await(node.stop());
    await(vertx.close());
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  long record() {
    return coop.record(Contribution.toCollective(MemberId.of("ana"), ContributionKind.FOOD, Quantity.kilograms("1")));
  }

  Received next() throws InterruptedException {
    Received r = creates.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(r).as("a Create reached the follower").isNotNull();
    return r;
  }

  String activityId(long entry) {
    return "http://127.0.0.1:" + port + "/collectives/food/entries/" + entry + "/activity";
  }

  @Test
  void aFailedDeliveryIsRetriedAndRetryAfterIsHonoured() throws Exception {
    script.addAll(List.of("503 1", "500"));
    java.util.concurrent.CompletableFuture<Long> delivered = new java.util.concurrent.CompletableFuture<>();
    node.onDelivered((inbox, entry) -> delivered.complete(entry));
    long e = record();
    Received first = next();
    Received second = next();
    Received third = next();
    assertThat(List.of(first.id(), second.id(), third.id())).containsOnly(activityId(e));
    assertThat(Duration.between(first.at(), second.at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(delivered.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(e);
    assertThat(node.delivered()).isEqualTo(1);
    assertThat(node.deadLetters()).isEmpty();
  }

  @Test
  void goneGoesToTheDeadLetterLogAndComesBackByReplay() throws Exception {
    script.add("410");
    long e = record();
    assertThat(next().id()).isEqualTo(activityId(e));
    long f = record(); // the cursor moved on: the next entry is delivered
    assertThat(next().id()).isEqualTo(activityId(f));
    assertThat(node.deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.entry()).isEqualTo(e);
      assertThat(d.status()).isEqualTo(410);
    });
    await(node.replay(node.deadLetters().get(0)));
    assertThat(next().id()).isEqualTo(activityId(e));
    assertThat(node.deadLetters()).isEmpty();
  }

  @Test
  void aHostThatRefusesRfc9421IsKnockedAgainWithCavageAndRemembered() throws Exception {
    script.add("refuse-rfc9421");
    java.util.concurrent.CompletableFuture<Long> delivered = new java.util.concurrent.CompletableFuture<>();
    node.onDelivered((inbox, entry) -> delivered.complete(entry));
    long e = record();
    Received r = next();
    assertThat(delivered.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(e);
    assertThat(r.id()).isEqualTo(activityId(e));
    assertThat(r.rfc9421()).isFalse();
    assertThat(node.signatureScheme("127.0.0.1:" + follower.actualPort()))
        .isEqualTo(HttpSignatures.Scheme.CAVAGE);
    record();
    assertThat(next().rfc9421()).isFalse();
  }

  @Test
  void theFirstKnockIsRfc9421WithTheRsaKeyAndEd25519FollowsOnceTheHostAsksForIt() throws Exception {
    asksForEd25519 = true;
    LinkedBlockingQueue<Long> delivered = new LinkedBlockingQueue<>();
    node.onDelivered((inbox, entry) -> delivered.add(entry));
    long e = record();
    assertThat(delivered.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(e);
    Received first = next();
    assertThat(first.rfc9421()).isTrue();
    assertThat(first.signatureInput()).contains("alg=\"rsa-v1_5-sha256\"")
        .contains("keyid=\"http://127.0.0.1:" + port + "/collectives/food#main-key\"");
    assertThat(node.signing("127.0.0.1:" + follower.actualPort())).isEqualTo(Signing.RFC9421_ED25519);
    record();
    Received second = next();
    assertThat(second.signatureInput()).contains("alg=\"ed25519\"");
    assertThat(node.deadLetters()).isEmpty();
  }

  @Test
  void aHostThatDoesNotAskForEd25519KeepsGettingTheRsaKey() throws Exception {
    LinkedBlockingQueue<Long> delivered = new LinkedBlockingQueue<>();
    node.onDelivered((inbox, entry) -> delivered.add(entry));
    record();
    record();
    assertThat(next().signatureInput()).contains("alg=\"rsa-v1_5-sha256\"");
    assertThat(next().signatureInput()).contains("alg=\"rsa-v1_5-sha256\"");
    assertThat(delivered.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    assertThat(delivered.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    assertThat(node.signing("127.0.0.1:" + follower.actualPort())).isEqualTo(Signing.RFC9421_RSA);
  }

  @Test
  void rfc9421IsTriedAgainOnceTheWaitAfterARefusalIsOver() throws Exception {
    await(node.stop());
    startNode(b -> b.rfc9421Again(Duration.ZERO));
    script.add("refuse-rfc9421");
    LinkedBlockingQueue<Long> delivered = new LinkedBlockingQueue<>();
    node.onDelivered((inbox, entry) -> delivered.add(entry));
    long e = record();
    assertThat(delivered.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(e);
    assertThat(next().rfc9421()).isFalse(); // refused, then taken with cavage
    assertThat(node.signatureScheme("127.0.0.1:" + follower.actualPort())).isEqualTo(HttpSignatures.Scheme.CAVAGE);
    record();
    assertThat(next().rfc9421()).as("asked again after the wait (zero here)").isTrue();
    assertThat(node.signing("127.0.0.1:" + follower.actualPort())).isEqualTo(Signing.RFC9421_RSA);
  }

  @Test
  void entriesAppendedWhileTheNodeWasDownAreDeliveredAfterARestart() throws Exception {
    java.util.concurrent.CompletableFuture<Long> delivered = new java.util.concurrent.CompletableFuture<>();
    node.onDelivered((inbox, entry) -> delivered.complete(entry));
    long e = record();
    assertThat(next().id()).isEqualTo(activityId(e));
    // Once the inbox's answer is in, the cursor has moved (before that, a restart would send e again:
    // delivery is at least once, and the receiver deduplicates).
    assertThat(delivered.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(e);
    await(node.stop());
    long f = record();
    long g = record();
    startNode();
    assertThat(List.of(next().id(), next().id())).containsExactly(activityId(f), activityId(g));
  }

  @Test
  void aSignedCheckpointGoesToTheFollowersAndVerifiesWithTheLedgersKey() throws Exception {
    record();
    var cp = await(node.publishCheckpoint(coop.id()));
    String text = checkpoints.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(text).isNotNull();
    var received = SignedCheckpoint.parse(text.getBytes(StandardCharsets.UTF_8));
    assertThat(received).isEqualTo(cp);
    assertThat(received.verify(coop.ledger().verificationKey())).isTrue();
    assertThat(received.checkpoint().size()).isEqualTo(coop.ledger().size());
  }

  /** The next checkpoint the follower received, verified with the ledger's key. */
  SignedCheckpoint nextCheckpoint() throws InterruptedException {
    String text = checkpoints.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(text).as("a checkpoint reached the follower").isNotNull();
    SignedCheckpoint cp = SignedCheckpoint.parse(text.getBytes(StandardCharsets.UTF_8));
    assertThat(cp.verify(coop.ledger().verificationKey())).isTrue();
    return cp;
  }

  @Test
  void onceEnoughEntriesWaitTheNodeSignsAndSendsACheckpointByItself() throws Exception {
    await(node.stop());
    startNode(b -> b.checkpointEvery(3, Duration.ZERO));
    assertThat(coop.ledger().size()).isEqualTo(2); // founded, and ana joined: no checkpoint covers them yet
    record();
    assertThat(nextCheckpoint().checkpoint().size()).isEqualTo(3);
    record();
    record();
    record(); // the fourth, fifth and sixth: the next checkpoint covers all six, none was signed at five
    assertThat(nextCheckpoint().checkpoint().size()).isEqualTo(6);
    assertThat(coop.ledger().latestCheckpoint().orElseThrow().checkpoint().size()).isEqualTo(6);
  }

  @Test
  void anEntryThatWaitedLongerThanTheTimeSetIsCoveredByACheckpointSignedByItself() throws Exception {
    await(node.stop());
    SteppingClock clock = SteppingClock.startingAt(Instant.now(), Duration.ZERO);
    startNode(b -> b.clock(clock).checkpointEvery(0, Duration.ofMinutes(10)));
    long e = record();
    assertThat(next().id()).isEqualTo(activityId(e));
    clock.advance(Duration.ofMinutes(11)); // by the node's clock, entry e has now waited eleven minutes
    assertThat(nextCheckpoint().checkpoint().size()).isEqualTo(coop.ledger().size()).isEqualTo(e + 1);
  }

  @Test
  void aKeyRotationIsAnnouncedWithAnUpdateSignedByTheNewKey() throws Exception {
    String before = ActorKeys.loadOrCreate(dir.resolve("food/keys.properties")).rsaPem();
    await(node.rotateKeys(coop.id()));
    var update = updates.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(update).isNotNull();
    String after = update.path("object").path("publicKey").path("publicKeyPem").asText();
    assertThat(after).isNotEqualTo(before).isEqualTo(ActorKeys.loadOrCreate(dir.resolve("food/keys.properties")).rsaPem());
    long e = record(); // and deliveries go on, signed with the new key
    assertThat(next().id()).isEqualTo(activityId(e));
  }

  @Test
  void aHostThatKeepsFailingIsLeftAloneWhileItsBreakerIsOpenAndTriedAgainAfter() throws Exception {
    script.addAll(List.of("500", "500", "500", "500"));
    long e = record();
    Received first = next();
    Received second = next();
    Received third = next(); // the third failure in a row opens the breaker for 1.5 s
    Received fourth = next();
    Received fifth = next(); // 202
    assertThat(List.of(first.id(), fifth.id())).containsOnly(activityId(e));
    assertThat(Duration.between(second.at(), third.at())).isLessThan(Duration.ofMillis(1000));
    assertThat(Duration.between(third.at(), fourth.at())).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
  }

  @Test
  void aOneOffActivityThatCannotBeDeliveredGoesToTheDeadLettersAndComesBackByReplay() throws Exception {
    follower.close(); // the follower's server is gone: the announcement of a key rotation cannot be delivered
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> await(node.rotateKeys(coop.id())));
    var letter = node.deadLetters().stream().filter(d -> d.entry() < 0 && d.body().contains("\"Update\""))
        .findFirst().orElseThrow();
    assertThat(letter.body()).contains("\"type\":\"Update\"");
    follower = await(vertx.createHttpServer().requestHandler(r -> r.bodyHandler(b -> {
      updates.add(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(b.toString()));
      r.response().setStatusCode(202).end();
    })).listen(URI.create(origin).getPort(), "127.0.0.1"));
    await(node.replay(letter));
    assertThat(updates.poll(WAIT.toSeconds(), TimeUnit.SECONDS).asText()).contains("\"type\":\"Update\"");
    assertThat(node.deadLetters()).doesNotContain(letter);
  }
}
