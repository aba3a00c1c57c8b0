package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.federation.ServerLimits;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.net.TricklingServer;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.LedgerStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and greedy clients against a running node on 127.0.0.1, with short deadlines so that each
 * test takes seconds: headers sent a byte at a time, a body sent a byte at a time, one connection
 * over the per-address cap, a slowloris of 200 connections while signed activities keep being
 * accepted, and an activity whose key server trickles its answer. Every wait is on a future with a
 * timeout; {@link #BOUND} is generous for a loaded 2-core machine, and far below what each attack
 * held a connection for before.
 */
class SlowClientsIT {
  static final Duration DEADLINE = Duration.ofSeconds(1);
  static final Duration BOUND = Duration.ofSeconds(5);

  static Vertx vertx;
  static Vertx clients;
  static NetClient net;
  static RemoteActors remote;

  @TempDir Path dir;
  Collective coop;
  FederationNode node;
  int port;
  String base;

  @BeforeAll
  static void remotes() throws Exception {
    vertx = Vertx.vertx();
    clients = Vertx.vertx();
    net = clients.createNetClient(new NetClientOptions().setConnectTimeout(10_000));
    remote = RemoteActors.start(vertx);
  }

  @AfterAll
  static void stopRemotes() throws Exception {
    remote.close();
    await(clients.close());
    await(vertx.close());
  }

  @AfterEach
  void stopNode() throws Exception {
    if (node != null) {
      await(node.stop());
    }
  }

  void startNode(ServerLimits limits, Duration outboundDeadline, int... allowedPorts) throws Exception {
    coop = Collective.found(CollectiveId.of("food"), "Food Co-op", MemberId.of("ana"), Appearance.byName("Ana"),
        LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), Clock.systemUTC());
    port = FedifyPeer.freePort();
    base = "http://127.0.0.1:" + port;
    AddressPolicy policy = AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"),
        URI.create(remote.origin).getPort());
    for (int p : allowedPorts) {
      policy = policy.allowing(InetAddress.getByName("127.0.0.1"), p);
    }
    node = FederationNode.builder(vertx, URI.create(base), dir).addressPolicy(policy).serverLimits(limits)
        .outboundDeadline(outboundDeadline).collective(coop).build();
    await(node.start(port, "127.0.0.1"));
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(RemoteActors.WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  static <T> T within(CompletableFuture<T> f, Duration d) throws Exception {
    return f.get(d.toMillis(), TimeUnit.MILLISECONDS);
  }

  String inboxPath() {
    return "/collectives/food/inbox";
  }

  String create(String actor, String n) {
    String id = actor + "/notes/" + n;
    return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + id + "/create\",\"type\":\"Create\","
        + "\"actor\":\"" + actor + "\",\"to\":[\"" + base + "/collectives/food\"],\"object\":{\"id\":\"" + id
        + "\",\"type\":\"Note\",\"attributedTo\":\"" + actor + "\",\"content\":\"note " + n + "\"}}";
  }

  /** A POST of {@code body} to the inbox signed by the remote actor at {@code actorPath}, as raw HTTP/1.1: head and body. */
  String[] signedRequest(String body, String actorPath) {
    HttpMessage m = HttpMessage.request("POST", "http", "127.0.0.1:" + port, inboxPath(),
        body.getBytes(StandardCharsets.UTF_8)).with("content-type", "application/activity+json");
    HttpMessage signed = HttpSignatures.sign(m, HttpSignatures.Scheme.CAVAGE, remote.origin + actorPath + "#main-key",
        remote.key(actorPath).getPrivate(), Instant.now());
    StringBuilder head = new StringBuilder("POST " + inboxPath() + " HTTP/1.1\r\n");
    signed.headers().forEach((k, v) -> {
      if (!k.equals("content-length")) {
        v.forEach(x -> head.append(k).append(": ").append(x).append("\r\n"));
      }
    });
    head.append("content-length: ").append(signed.body().length).append("\r\n\r\n");
    return new String[] {head.toString(), new String(signed.body(), StandardCharsets.ISO_8859_1)};
  }

  @Test
  void headersSentOneByteAtATimeAreClosedAfterTheHeaderDeadlineWithNoAnswer() throws Exception {
    startNode(ServerLimits.defaults().withHeaders(DEADLINE).withIdle(Duration.ofSeconds(30)), Duration.ofSeconds(10));
    String head = signedRequest(create(remote.origin + "/users/slow", "h1"), "/users/slow")[0];
    RawConnection c = await(RawConnection.open(clients, net, port));
    c.trickle(head.getBytes(StandardCharsets.ISO_8859_1), Duration.ofMillis(100)); // 10 bytes a second: never idle
    Duration open = within(c.closed(), BOUND);
    assertThat(open).isGreaterThanOrEqualTo(DEADLINE.minusMillis(100)).isLessThan(BOUND);
    assertThat(c.received()).as("no request was made, so nothing is answered").isEmpty();
  }

  @Test
  void aBodySentOneByteAtATimeIsAnswered408AfterTheBodyDeadlineAndNothingIsRecorded() throws Exception {
    startNode(ServerLimits.defaults().withBody(DEADLINE).withIdle(Duration.ofSeconds(30)), Duration.ofSeconds(10));
    String[] request = signedRequest(create(remote.origin + "/users/slow", "b1"), "/users/slow");
    RawConnection slow = await(RawConnection.open(clients, net, port));
    slow.write(request[0]).trickle(request[1].getBytes(StandardCharsets.ISO_8859_1), Duration.ofMillis(100));
    Duration open = within(slow.closed(), BOUND);
    assertThat(open).isGreaterThanOrEqualTo(DEADLINE.minusMillis(100)).isLessThan(BOUND);
    assertThat(slow.received()).startsWith("HTTP/1.1 408").contains("did not arrive within 1000 ms");
    assertThat(node.inbound(coop.id())).isEmpty();

    // The same signed request sent at once is accepted: nothing of the slow one was claimed or kept.
    RawConnection quick = await(RawConnection.open(clients, net, port));
    quick.write(request[0] + request[1]);
    assertThat(within(quick.answered(), BOUND)).startsWith("HTTP/1.1 202");
    assertThat(node.inbound(coop.id())).hasSize(1);
    await(quick.close());
  }

  @Test
  void noDeadlineRunsWhileARequestIsBeingProcessedAndASilentKeptAliveConnectionIsClosedAfterTheHeaderDeadline()
      throws Exception {
    startNode(ServerLimits.defaults().withHeaders(DEADLINE).withBody(DEADLINE), Duration.ofSeconds(10));
    // The sender's actor document comes after 1.5 s: longer than either deadline, and no byte moves meanwhile.
    String path = "/users/patient";
    remote.serve(path, r -> vertx.setTimer(1_500, id -> r.response().putHeader("content-type",
        "application/activity+json").end(RemoteActors.person(remote.origin + path, remote.key(path).getPublic())
        .toString())));
    String[] request = signedRequest(create(remote.origin + path, "p1"), path);
    RawConnection c = await(RawConnection.open(clients, net, port));
    c.write(request[0] + request[1]);
    assertThat(within(c.answered(), BOUND)).startsWith("HTTP/1.1 202");
    long answered = System.nanoTime();
    assertThat(node.inbound(coop.id())).hasSize(1);

    // Kept alive, the connection may wait for its next request as long as the header deadline, no longer.
    within(c.closed(), BOUND);
    assertThat(Duration.ofNanos(System.nanoTime() - answered)).isGreaterThanOrEqualTo(DEADLINE.minusMillis(100))
        .isLessThan(BOUND);
  }

  @Test
  void aConnectionOverThePerAddressCapIsClosedAtOnceWhileTheOthersStay() throws Exception {
    int cap = 4;
    startNode(ServerLimits.defaults().withPerAddress(cap), Duration.ofSeconds(10)); // headers within 10 s
    List<RawConnection> first = new ArrayList<>();
    for (int i = 0; i < cap; i++) {
      first.add(await(RawConnection.open(clients, net, port)));
    }
    long start = System.nanoTime();
    RawConnection extra = await(RawConnection.open(clients, net, port));
    within(extra.closed(), BOUND);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("closed at once, not by a deadline")
        .isLessThan(Duration.ofSeconds(3));
    assertThat(extra.received()).isEmpty();

    String get = "GET /.well-known/nodeinfo HTTP/1.1\r\nhost: 127.0.0.1:" + port + "\r\n\r\n";
    for (RawConnection c : first) {
      c.write(get);
      assertThat(within(c.answered(), BOUND)).startsWith("HTTP/1.1 200");
      assertThat(c.closed()).isNotDone();
    }

    // One of them closes: its place is free again once the server has seen it go.
    await(first.get(0).close());
    boolean admitted = false;
    for (int attempt = 0; attempt < 50 && !admitted; attempt++) {
      RawConnection again = await(RawConnection.open(clients, net, port));
      again.write(get);
      admitted = CompletableFuture.anyOf(again.answered(), again.closed()).get(BOUND.toSeconds(), TimeUnit.SECONDS)
          instanceof String;
      await(again.close());
    }
    assertThat(admitted).isTrue();
  }

  @Test
  void signedActivitiesAreAcceptedDuringASlowlorisOf200Connections() throws Exception {
    Duration headers = Duration.ofSeconds(2);
    // No cap: the attack and the senders share 127.0.0.1 here; the header deadline is what is tested.
    startNode(ServerLimits.defaults().withHeaders(headers).withPerAddress(0), Duration.ofSeconds(10));
    byte[] endless = ("POST " + inboxPath() + " HTTP/1.1\r\nhost: 127.0.0.1:" + port + "\r\n"
        + "x-slow: " + "a".repeat(10_000)).getBytes(StandardCharsets.ISO_8859_1);
    AtomicBoolean attacking = new AtomicBoolean(true);
    List<RawConnection> attack = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Future<RawConnection>> opening = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      opening.add(slowloris(endless, attacking, attack));
    }
    await(Future.all(opening));

    remote.key("/users/alice");
    for (int i = 0; i < 20; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = remote.post(URI.create(base + inboxPath()), create(remote.origin + "/users/alice",
          "s" + i), "/users/alice");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(BOUND);
    }
    assertThat(node.inbound(coop.id())).hasSize(20);

    // The first 200 were closed by the header deadline (and reopened, as slowloris does, until now).
    attacking.set(false);
    List<RawConnection> firstWave = new ArrayList<>(attack.subList(0, 200));
    for (RawConnection c : firstWave) {
      Duration open = within(c.closed(), headers.plus(BOUND));
      assertThat(open).isGreaterThanOrEqualTo(headers.minusMillis(100)).isLessThan(headers.plus(BOUND));
      assertThat(c.received()).isEmpty();
    }
    List<RawConnection> all;
    synchronized (attack) {
      all = new ArrayList<>(attack);
    }
    for (RawConnection c : all) {
      c.close();
    }
  }

  /** One slowloris connection: a header a byte every 200 ms; reopened when the server closes it, while {@code on}. */
  private Future<RawConnection> slowloris(byte[] head, AtomicBoolean on, List<RawConnection> all) {
    return RawConnection.open(clients, net, port).onSuccess(c -> {
      all.add(c);
      c.trickle(head, Duration.ofMillis(200));
      c.closed().thenRun(() -> {
        if (on.get()) {
          slowloris(head, on, all);
        }
      });
    });
  }

  @Test
  void anActivityWhoseKeyServerTricklesItsAnswerIsRefusedWithinTheOutboundDeadline() throws Exception {
    try (TricklingServer keys = TricklingServer.wholeAnswer(vertx, Duration.ofMillis(200),
        "application/activity+json", "{\"@context\":\"https://www.w3.org/ns/activitystreams\"}")) {
      startNode(ServerLimits.defaults(), DEADLINE, keys.port);
      String actor = keys.origin() + "/users/slow";
      long start = System.nanoTime();
      HttpResponse<String> r = RemoteActors.signedPost(URI.create(base + inboxPath()), create(actor, "k1"),
          actor + "#main-key", remote.key("/users/slow"), HttpSignatures.Scheme.CAVAGE, Instant.now(), m -> m);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
      assertThat(r.body()).contains("within " + DEADLINE.toMillis() + " ms");
      assertThat(took).isGreaterThanOrEqualTo(DEADLINE.minusMillis(100)).isLessThan(BOUND);
      assertThat(within(keys.closed(), BOUND)).as("the key fetch's connection was closed").isLessThan(BOUND);
      assertThat(node.inbound(coop.id())).isEmpty();
    }
  }
}
