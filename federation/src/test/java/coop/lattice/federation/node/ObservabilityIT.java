package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.mirror.LedgerPage;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Checkpoint;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.merkle.Hash;
import coop.lattice.store.LedgerStore;
import coop.lattice.store.PrivateArea;
import coop.lattice.testkit.SteppingClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of a node on loopback: the meters in a {@link SimpleMeterRegistry} move as
 * requests are accepted and refused, deliveries fail and breakers open; the log has a line for a
 * dead letter, an opened breaker, a failed key fetch and a flag; {@code /health} answers 200, then
 * 503 once a follower's host has failed for longer than the alarm allows (the node's clock is
 * moved, nobody sleeps) or a journal has stopped; a mirror's progress and lag. Every wait is for
 * an event (an answer, a log line), with a deadline.
 */
class ObservabilityIT {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final MemberId ANA = MemberId.of("ana");
  static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final ObjectMapper json = new ObjectMapper();

  Vertx vertx;
  HttpServer remote;
  String origin;
  KeyPair fern;
  /** The status the remote inbox answers each Create with. */
  final AtomicInteger createStatus = new AtomicInteger(202);
  final AtomicInteger createsReceived = new AtomicInteger();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final SteppingClock clock = SteppingClock.startingAt(Instant.now(), Duration.ZERO);
  LogLines log;
  FederationNode node;
  String base;

  @BeforeEach
  void remote() throws Exception {
    vertx = Vertx.vertx();
    log = LogLines.capture();
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    fern = g.generateKeyPair();
    remote = await(vertx.createHttpServer().requestHandler(r -> {
      if (r.path().equals("/users/fern")) {
        InboxSecurityIT.actor(r, origin + "/users/fern", fern, "application/activity+json");
        return;
      }
      if (!r.path().equals("/users/fern/inbox")) {
        r.response().setStatusCode(404).end();
        return;
      }
      r.bodyHandler(body -> {
        boolean create = body.toString().contains("\"type\":\"Create\"");
        if (create) {
          createsReceived.incrementAndGet();
        }
        r.response().setStatusCode(create ? createStatus.get() : 202).end();
      });
    }).listen(0, "127.0.0.1"));
    origin = "http://127.0.0.1:" + remote.actualPort();
  }

  @AfterEach
  void stop() throws Exception {
    if (node != null) {
      await(node.stop());
    }
    log.close();
    await(vertx.close());
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  static Collective collective(String id, LedgerStore store) {
    Collective c = Collective.found(CollectiveId.of(id), id, ANA, Appearance.byName("Ana"), store, KEY,
        java.time.Clock.systemUTC());
    c.admit(ANA, MemberId.of("bo"), Appearance.byName("Bo"));
    return c;
  }

  static void give(Collective c, String kg) {
    c.acknowledge(ANA, c.record(Contribution.toMember(MemberId.of("bo"), ANA, ContributionKind.FOOD,
        Quantity.kilograms(kg))));
  }

  /** Starts a node hosting {@code coop} on a free port, allowed to reach the remote server only. */
  void start(Collective coop, Consumer<NodeBuilder> more) throws Exception {
    int port = FedifyPeer.freePort();
    base = "http://127.0.0.1:" + port;
    NodeBuilder b = FederationNode.builder(vertx, URI.create(base), tempDir)
        .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), remote.actualPort()))
        .clock(clock).random(new Random(7)).retryBase(Duration.ofMillis(20)).meterRegistry(meters)
        .collective(coop);
    more.accept(b);
    node = b.build();
    await(node.start(port, "127.0.0.1"));
  }

  @TempDir
  Path tempDir;

  HttpResponse<String> post(String body, String keyId, KeyPair key) throws Exception {
    URI u = URI.create(base + "/collectives/food/inbox");
    HttpMessage m = HttpSignatures.sign(HttpMessage.request("POST", "http", u.getAuthority(), u.getPath(),
        body.getBytes(StandardCharsets.UTF_8)).with("content-type", "application/activity+json"),
        HttpSignatures.Scheme.CAVAGE, keyId, key.getPrivate(), clock.instant());
    HttpRequest.Builder b = HttpRequest.newBuilder(u).timeout(WAIT).POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
    m.headers().forEach((k, v) -> {
      if (!k.equals("host") && !k.equals("content-length")) {
        v.forEach(x -> b.header(k, x));
      }
    });
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postUnsigned(String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + "/collectives/food/inbox")).timeout(WAIT)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A POST whose Content-Length is over the cap, over a plain socket: the status line of the answer. */
  String tooLarge() throws Exception {
    URI u = URI.create(base + "/collectives/food/inbox");
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", u.getPort())) {
      s.setSoTimeout((int) WAIT.toMillis());
      s.getOutputStream().write(("POST " + u.getPath() + " HTTP/1.1\r\nHost: " + u.getAuthority()
          + "\r\nContent-Length: " + (Json.MAX_DOCUMENT + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }

  String follow(int n) {
    return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + origin + "/users/fern/follows/" + n
        + "\",\"type\":\"Follow\",\"actor\":\"" + origin + "/users/fern\",\"object\":\"" + base
        + "/collectives/food\"}";
  }

  /** fern follows the node's collective; answered 202. */
  void fernFollows() throws Exception {
    HttpResponse<String> r = post(follow(1), origin + "/users/fern#main-key", fern);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  HealthAnswer health() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(WAIT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return new HealthAnswer(r.statusCode(), json.readTree(r.body()));
  }

  record HealthAnswer(int status, JsonNode body) {
    List<String> reasons() {
      List<String> out = new ArrayList<>();
      body.path("reasons").forEach(n -> out.add(n.asText()));
      return out;
    }
  }

  double count(String name, String... tags) {
    return meters.get(name).tags(tags).counter().count();
  }

  double gauge(MeterRegistry registry, String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  // ---------------------------------------------------------------------------------- inbox

  @Test
  void theInboxCountsWhatItAcceptsAndWhatItRefusesByStatusAndReason() throws Exception {
    start(collective("food", LedgerStore.inMemory()), b -> { });
    fernFollows();
    assertThat(post(follow(1), origin + "/users/fern#main-key", fern).body()).contains("already accepted");
    assertThat(postUnsigned(follow(2)).statusCode()).isEqualTo(401);
    assertThat(tooLarge()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
    assertThat(post(follow(3), origin + "/users/nobody#main-key", fern).statusCode()).isEqualTo(401);

    assertThat(count("lattice.inbox.accepted", "type", "Follow")).isEqualTo(1);
    assertThat(count("lattice.inbox.duplicates")).isEqualTo(1);
    assertThat(count("lattice.inbox.rejected", "status", "401", "reason", "signature")).isEqualTo(1);
    assertThat(count("lattice.inbox.rejected", "status", "413", "reason", "too-large")).isEqualTo(1);
    assertThat(count("lattice.inbox.rejected", "status", "401", "reason", "key")).isEqualTo(1);
    assertThat(count("lattice.inbox.key.fetches", "outcome", "fetched")).isEqualTo(1);
    assertThat(count("lattice.inbox.key.fetches", "outcome", "failed")).isEqualTo(1);
    // The tags are a fixed set: no actor, URL or key id ever becomes one.
    assertThat(meters.getMeters()).allSatisfy(m -> m.getId().getTags().forEach(t ->
        assertThat(t.getValue()).doesNotContain("/").doesNotContain("127.0.0.1")));
    log.await(Level.INFO, "Could not fetch key " + origin + "/users/nobody#main-key for food", WAIT);
  }

  // ---------------------------------------------------------------------------------- deliveries

  @Test
  void aDeadLetterIsLoggedCountedAndWaitsInTheGaugeUntilItIsReplayed() throws Exception {
    Collective coop = collective("food", LedgerStore.inMemory());
    start(coop, b -> b.healthAlarm(Duration.ofMinutes(15), 0));
    fernFollows();
    createStatus.set(410);
    give(coop, "2");
    long last = coop.ledger().size() - 1;
    log.await(Level.WARN, "Gave up delivering entry " + last + " of food to " + origin + "/users/fern/inbox", WAIT);
    assertThat(count("lattice.deliveries", "outcome", "dead-letter")).isEqualTo(2); // the record and its acknowledgement
    assertThat(gauge(meters, "lattice.deliveries.dead.letters")).isEqualTo(2);

    HealthAnswer h = health();
    assertThat(h.status()).isEqualTo(503); // the alarm allows no dead letter at all
    assertThat(h.reasons()).singleElement().asString().contains("2 activities went to the dead letters");
    clock.advance(Duration.ofMinutes(16));
    assertThat(health().status()).as("the dead letters are older than the alarm's window").isEqualTo(200);

    createStatus.set(202);
    for (var letter : node.deadLetters()) {
      await(node.replay(letter));
    }
    assertThat(gauge(meters, "lattice.deliveries.dead.letters")).isZero();
  }

  @Test
  void aFailingHostOpensItsBreakerWhichIsLoggedCountedAndMakesHealth503OnceItIsStuck() throws Exception {
    Collective coop = collective("food", LedgerStore.inMemory());
    start(coop, b -> b.circuitBreaker(3, Duration.ofHours(1)));
    fernFollows();
    HealthAnswer before = health();
    assertThat(before.status()).as(before.body().toString()).isEqualTo(200);
    assertThat(before.body().path("status").asText()).isEqualTo("healthy");
    assertThat(before.body().path("journals").get(0).path("writable").asBoolean()).isTrue();

    createStatus.set(500);
    give(coop, "1");
    String host = "127.0.0.1:" + remote.actualPort();
    log.await(Level.WARN, "Circuit breaker for " + host + " opened after 3 failed deliveries", WAIT);
    assertThat(count("lattice.deliveries.breakers.opened")).isEqualTo(1);
    assertThat(gauge(meters, "lattice.deliveries.breakers.open")).isEqualTo(1);
    assertThat(count("lattice.deliveries", "outcome", "retried")).isEqualTo(3);

    HealthAnswer fresh = health();
    assertThat(fresh.status()).as("open, but not yet for longer than the alarm allows").isEqualTo(200);
    assertThat(fresh.body().path("deliveries").path("openBreakers").asInt()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(16));
    HealthAnswer stuck = health();
    assertThat(stuck.status()).isEqualTo(503);
    assertThat(stuck.body().path("status").asText()).isEqualTo("unhealthy");
    assertThat(stuck.body().path("deliveries").path("flowing").asBoolean()).isFalse();
    assertThat(stuck.reasons()).singleElement().asString().startsWith("deliveries to " + host + " have failed since");
  }

  // ---------------------------------------------------------------------------------- journals

  @Test
  void healthIs503OnceAHostedCollectivesJournalHasStopped() throws Exception {
    StoppingStore store = new StoppingStore(LedgerStore.inMemory());
    start(collective("food", store), b -> { });
    assertThat(health().status()).isEqualTo(200);
    store.stop("an I/O error while forcing /var/lib/lattice/food (No space left on device)");
    HealthAnswer h = health();
    assertThat(h.status()).isEqualTo(503);
    assertThat(h.body().path("journals").get(0).path("writable").asBoolean()).isFalse();
    assertThat(h.reasons()).singleElement().asString().startsWith("the journal of food has stopped")
        .doesNotContain("/var/lib"); // no paths or storage errors on a public endpoint: they are in the log
  }

  /** A store that works until {@link #stop} says it failed, as a file journal does after a failed fsync. */
  static final class StoppingStore implements LedgerStore {
    private final LedgerStore delegate;
    private volatile String failure;

    StoppingStore(LedgerStore delegate) {
      this.delegate = delegate;
    }

    void stop(String why) {
      failure = why;
    }

    @Override
    public Optional<String> failure() {
      return Optional.ofNullable(failure);
    }

    @Override
    public PrivateArea privateArea() {
      return delegate.privateArea();
    }

    @Override
    public long size() {
      return delegate.size();
    }

    @Override
    public void append(List<byte[]> records) {
      if (failure != null) {
        throw new coop.lattice.StoreFailedException("stopped: " + failure);
      }
      delegate.append(records);
    }

    @Override
    public void sync() {
      delegate.sync();
    }

    @Override
    public byte[] read(long index) {
      return delegate.read(index);
    }

    @Override
    public List<byte[]> read(long from, long to) {
      return delegate.read(from, to);
    }

    @Override
    public Optional<StoredCheckpoint> checkpoint() {
      return delegate.checkpoint();
    }

    @Override
    public void writeCheckpoint(long size, byte[] signedCheckpoint) {
      delegate.writeCheckpoint(size, signedCheckpoint);
    }

    @Override
    public Optional<Damage> damage() {
      return delegate.damage();
    }

    @Override
    public void truncate(long size) {
      delegate.truncate(size);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  // ---------------------------------------------------------------------------------- mirror

  @Test
  void aMirrorReportsItsProgressAndLagPageByPageAndAFlagIsLoggedAndCounted() throws Exception {
    Collective partner = collective("partner", LedgerStore.inMemory());
    for (int i = 0; i < 700; i++) {
      give(partner, "1");
    }
    SignedCheckpoint honest = partner.checkpoint();
    long total = honest.checkpoint().size();
    AtomicReference<SignedCheckpoint> serving = new AtomicReference<>(honest);
    HttpServer peer = await(vertx.createHttpServer().requestHandler(r -> {
      if (r.path().endsWith("/checkpoint")) {
        r.response().end(Buffer.buffer(serving.get().toBytes()));
      } else if (r.path().endsWith("/ledger")) {
        long from = Long.parseLong(r.getParam("from"));
        long to = Long.parseLong(r.getParam("to"));
        r.response().putHeader("content-type", "application/json")
            .end(Buffer.buffer(Json.bytes(LedgerPage.of(partner.ledger().entries(from, to)))));
      } else {
        r.response().setStatusCode(404).end();
      }
    }).listen(0, "127.0.0.1"));
    String actor = "http://127.0.0.1:" + peer.actualPort() + "/collectives/partner";
    Collective food = collective("food", LedgerStore.inMemory());
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    start(food, b -> b.addressPolicy(AddressPolicy.publicOnly().allowing(lo, peer.actualPort())));

    record Report(long done, long total, double lag) {}
    List<Report> reports = new ArrayList<>();
    await(node.mirror(food.id(), URI.create(actor), (done, all) ->
        reports.add(new Report(done, all, gauge(meters, "lattice.mirror.lag", "partner", "partner")))));
    assertThat(reports).hasSizeGreaterThan(3); // 1,403 entries come in pages of 500
    assertThat(reports).allSatisfy(r -> {
      assertThat(r.total()).isEqualTo(total);
      assertThat(r.lag()).isEqualTo(r.total() - r.done()); // what the copy still lacks
    });
    assertThat(reports).extracting(Report::done).isSorted().startsWith(0L).endsWith(total);
    assertThat(gauge(meters, "lattice.mirror.lag", "partner", "partner")).isZero();

    Checkpoint c = honest.checkpoint();
    serving.set(new Checkpoint(c.collective(), c.size(), Hash.sha256(new byte[] {1}), c.time()).sign(KEY));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> await(node.mirror(food.id(), URI.create(actor))))
        .hasMessageContaining("equivocated");
    log.await(Level.WARN, "Flagged " + actor, WAIT);
    assertThat(count("lattice.mirror.flagged")).isEqualTo(1);
  }
}
