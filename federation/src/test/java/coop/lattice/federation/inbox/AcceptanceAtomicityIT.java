package coop.lattice.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.federation.InboundActivity;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Hosts;
import coop.lattice.federation.json.Json;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.LedgerStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All of an accepted activity or none of it: when its record cannot be made durable, the answer is
 * 503, its effect is not applied, it is not in the inbound list, no listener hears of it, and its
 * id is free again, so the sender's retry is accepted. The log is a stand-in whose appends fail on
 * demand (a disk error cannot be caused for real here); the HTTP requests are real.
 */
class AcceptanceAtomicityIT {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  Vertx vertx;
  HttpServer server;
  Acceptance acceptance;
  HostedCollective h;
  /** Each append takes the next outcome: a future the test completes, or fails. */
  final ConcurrentLinkedQueue<CompletableFuture<Void>> outcomes = new ConcurrentLinkedQueue<>();
  /** Each id the log was asked to append, as it was asked. */
  final java.util.concurrent.LinkedBlockingQueue<String> appends = new java.util.concurrent.LinkedBlockingQueue<>();
  final AtomicInteger effects = new AtomicInteger();
  final List<InboundActivity> heard = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    vertx = Vertx.vertx();
    Collective coop = Collective.found(CollectiveId.of("food"), "Food Co-op", MemberId.of("ana"),
        Appearance.byName("Ana"), LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), Clock.systemUTC());
    h = new Hosts(URI.create("http://127.0.0.1:1"), dir).add(coop);
    AcceptedLog log = new AcceptedLog() {
      @Override
      public CompletableFuture<Void> append(String id, byte[] json) {
        appends.add(id);
        return outcomes.remove();
      }

      @Override
      public void replay(Replay into) {}
    };
    InboxMeters meters = new InboxMeters(new SimpleMeterRegistry());
    acceptance = new Acceptance(vertx, id -> log, Clock.systemUTC(), Duration.ofHours(2), meters);
    acceptance.onInbound(heard::add);
    server = vertx.createHttpServer().requestHandler(req -> req.bodyHandler(body -> {
      Arrival arrival = new Arrival(req, h, body.getBytes(), meters);
      arrival.guard(() -> {
        ObjectNode doc;
        try {
          doc = Json.parseObject(body.getBytes());
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        VerifiedActivity a = new VerifiedActivity(arrival, h, doc, doc.get("id").asText(), doc.get("actor").asText(),
            "Follow", null);
        acceptance.accept(a, effects::incrementAndGet, () -> { });
      });
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  CompletableFuture<HttpResponse<String>> post(String id) {
    String body = "{\"id\":\"" + id + "\",\"type\":\"Follow\",\"actor\":\"https://a.example/u\"}";
    return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/inbox"))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRecordThatFailsLeavesNothingBehindAndTheRetryIsAccepted() throws Exception {
    outcomes.add(CompletableFuture.failedFuture(new IOException("disk full")));
    HttpResponse<String> first = post("https://a.example/f/1").get(20, TimeUnit.SECONDS);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(503);
    assertThat(effects).hasValue(0);
    assertThat(h.inbound()).isEmpty();
    assertThat(heard).isEmpty();
    assertThat(acceptance.seen(h, "https://a.example/f/1")).as("the id is free again").isFalse();

    outcomes.add(CompletableFuture.completedFuture(null));
    HttpResponse<String> retry = post("https://a.example/f/1").get(20, TimeUnit.SECONDS);
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
    assertThat(effects).hasValue(1);
    assertThat(h.inbound()).hasSize(1);
    assertThat(heard).hasSize(1);
  }

  @Test
  void nothingIsVisibleBeforeTheRecordIsDurableAndACopyMeanwhileIsToldToComeBack() throws Exception {
    CompletableFuture<Void> durable = new CompletableFuture<>();
    outcomes.add(durable);
    CompletableFuture<HttpResponse<String>> first = post("https://a.example/f/2");
    assertThat(appends.poll(20, TimeUnit.SECONDS)).isEqualTo("https://a.example/f/2");
    // The copy is answered while the first is still being recorded (it waits on the test).
    HttpResponse<String> copy = post("https://a.example/f/2").get(20, TimeUnit.SECONDS);
    assertThat(copy.statusCode()).as(copy.body()).isEqualTo(503);
    assertThat(copy.headers().firstValue("retry-after")).contains("1");
    assertThat(first).isNotDone();
    assertThat(effects).hasValue(0);
    assertThat(h.inbound()).isEmpty();
    assertThat(heard).isEmpty();

    durable.complete(null);
    assertThat(first.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
    assertThat(effects).hasValue(1);
    assertThat(h.inbound()).hasSize(1);
    HttpResponse<String> replay = post("https://a.example/f/2").get(20, TimeUnit.SECONDS);
    assertThat(replay.statusCode()).isEqualTo(202);
    assertThat(replay.body()).contains("already accepted");
    assertThat(effects).hasValue(1);
  }
}
