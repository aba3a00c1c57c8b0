package coop.lattice.federation.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Follower inboxes are spread over event loops of their own, each inbox always on the same one. */
class DeliveryLoopsTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void inboxesAreSpreadOverTheLoopsAndEachKeepsItsLoop() throws Exception {
    DeliveryLoops loops = new DeliveryLoops();
    assertThat(loops.of("http://a.example/inbox")).isNull(); // before start: the caller's context is used
    loops.start(vertx, 2).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    Set<Context> used = new HashSet<>();
    List<Future<String>> threads = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String inbox = "http://host" + i + ".example/users/f" + i + "/inbox";
      Context c = loops.of(inbox);
      assertThat(loops.of(inbox)).isSameAs(c);
      used.add(c);
      threads.add(Future.future(p -> c.runOnContext(v -> p.complete(Thread.currentThread().getName()))));
    }
    Future.all(threads).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(used).hasSize(2).allSatisfy(c -> assertThat(c.isEventLoopContext()).isTrue());
    assertThat(threads.stream().map(Future::result).distinct()).hasSize(2);
    loops.stop(vertx).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(loops.of("http://a.example/inbox")).isNull();
  }

  @Test
  void noLoopsIsRefused() {
    assertThatThrownBy(() -> new DeliveryLoops().start(vertx, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one event loop");
  }
}
