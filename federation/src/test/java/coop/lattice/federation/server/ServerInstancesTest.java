package coop.lattice.federation.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.federation.ServerLimits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Server instances each run on an event loop of their own, so a node started with two uses two threads. */
class ServerInstancesTest {
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void twoInstancesServeOnTwoEventLoops() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    ServerInstances servers = new ServerInstances(vertx, new GuardedServer(vertx, ServerLimits.defaults()), req -> {
      threads.add(Thread.currentThread().getName());
      req.response().end("ok");
    });
    // Started from an event loop, as a node started inside a Vert.x application would be.
    int port = Future.<Integer>future(p -> vertx.runOnContext(x -> servers.listen(0, "127.0.0.1", 2).onComplete(p)))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    // Eight requests, each on a connection of its own: Vert.x hands new connections to the instances in turn.
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false), new PoolOptions());
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(client.request(HttpMethod.GET, port, "127.0.0.1", "/").compose(r -> r.send())
          .compose(r -> r.body().map(b -> r.statusCode())));
    }
    Future.all(answers).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(answers).allSatisfy(a -> assertThat(a.result()).isEqualTo(200));
    assertThat(threads).hasSize(2).allSatisfy(t -> assertThat(t).startsWith("vert.x-eventloop-thread-"));
    servers.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void noInstancesIsRefused() {
    ServerInstances servers = new ServerInstances(vertx, new GuardedServer(vertx, ServerLimits.defaults()),
        req -> req.response().end());
    assertThatThrownBy(() -> servers.listen(0, "127.0.0.1", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one server instance");
  }
}
