package coop.lattice.federation.net;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.federation.http.HttpMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbound deadline is a total one: a server that trickles its answer one byte every 200 ms
 * (never idle) is cut off when the deadline of the whole exchange passes, and so is a chain of
 * redirects whose every hop is quick enough on its own.
 */
class OutboundDeadlineIT {
  static final Duration DEADLINE = Duration.ofSeconds(1);
  /** Far above the deadline, for a loaded 2-core machine; an exchange with no total deadline takes much longer. */
  static final Duration BOUND = Duration.ofSeconds(5);
  static final String DOC = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"x\",\"type\":\"Person\"}";

  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  static SafeClient client(int port) throws Exception {
    return new SafeClient(vertx, AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), port),
        SafeClient.Limits.DEFAULT.withDeadline(DEADLINE));
  }

  /** The failure of {@code f} and how long it took from {@code start}; fails the test if {@code f} succeeds. */
  static Failure failureOf(Future<SafeClient.Response> f, long start) throws Exception {
    try {
      SafeClient.Response r = f.toCompletionStage().toCompletableFuture().get(BOUND.toSeconds() * 2, TimeUnit.SECONDS);
      throw new AssertionError("expected the deadline to pass, got " + r.status());
    } catch (ExecutionException e) {
      return new Failure(e.getCause(), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  record Failure(Throwable cause, Duration after) {}

  static void assertDeadline(Failure f) {
    assertThat(f.cause()).isInstanceOf(SafeClient.DeadlinePassed.class)
        .hasMessageContaining("within " + DEADLINE.toMillis() + " ms");
    assertThat(f.after()).as("failed after").isGreaterThanOrEqualTo(DEADLINE.minusMillis(50)).isLessThan(BOUND);
  }

  @Test
  void anAnswerTrickledFromItsFirstByteIsCutOffAtTheDeadline() throws Exception {
    try (TricklingServer slow = TricklingServer.wholeAnswer(vertx, Duration.ofMillis(200), "application/activity+json",
        DOC)) {
      SafeClient client = client(slow.port);
      long start = System.nanoTime();
      Failure f = failureOf(client.send(HttpMessage.request("GET", URI.create(slow.origin() + "/users/slow"),
          new byte[0]), m -> m), start);
      assertDeadline(f);
      // the request was reset: the server sees its connection closed, long before it finished answering
      assertThat(slow.closed().get(BOUND.toSeconds(), TimeUnit.SECONDS)).isLessThan(BOUND);
      client.close();
    }
  }

  @Test
  void aBodyTrickledAfterPromptHeadersIsCutOffAtTheDeadline() throws Exception {
    try (TricklingServer slow = TricklingServer.bodyOnly(vertx, Duration.ofMillis(200), "application/activity+json",
        DOC)) {
      SafeClient client = client(slow.port);
      long start = System.nanoTime();
      Failure f = failureOf(client.send(HttpMessage.request("GET", URI.create(slow.origin() + "/users/slow"),
          new byte[0]), m -> m), start);
      assertDeadline(f);
      assertThat(slow.closed().get(BOUND.toSeconds(), TimeUnit.SECONDS)).isLessThan(BOUND);
      client.close();
    }
  }

  @Test
  void redirectsShareOneDeadline() throws Exception {
    // Each hop answers a redirect after 300 ms, well inside the deadline on its own; six of them are not.
    HttpServer hops = vertx.createHttpServer().requestHandler(r -> vertx.setTimer(300, id -> {
      int n = Integer.parseInt(r.path().substring("/hop/".length()));
      r.response().setStatusCode(302).putHeader("location", "/hop/" + (n + 1)).end();
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    try {
      SafeClient client = client(hops.actualPort());
      long start = System.nanoTime();
      Failure f = failureOf(client.send(HttpMessage.request("GET",
          URI.create("http://127.0.0.1:" + hops.actualPort() + "/hop/0"), new byte[0]), m -> m), start);
      assertDeadline(f);
      client.close();
    } finally {
      hops.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void aPromptAnswerIsUntouched() throws Exception {
    HttpServer quick = vertx.createHttpServer().requestHandler(r -> r.response()
        .putHeader("content-type", "application/activity+json").end(DOC))
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    try {
      SafeClient client = client(quick.actualPort());
      SafeClient.Response r = client.send(HttpMessage.request("GET",
          URI.create("http://127.0.0.1:" + quick.actualPort() + "/users/quick"), new byte[0]), m -> m)
          .toCompletionStage().toCompletableFuture().get(BOUND.toSeconds(), TimeUnit.SECONDS);
      assertThat(r.status()).isEqualTo(200);
      assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(DOC);
      client.close();
    } finally {
      quick.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
  }
}
