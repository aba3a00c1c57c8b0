package coop.lattice.federation.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.federation.DeadLetter;
import coop.lattice.federation.hosting.NodeStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery logs compact to the latest cursor per inbox and the dead letters not replayed. */
class DeliveryLinesTest {
  @TempDir Path dir;

  @Test
  void cursorsAndDeadLettersSurviveCompaction() throws Exception {
    NodeStore store = new NodeStore(dir, 8192);
    DeliveryLog log = DeliveryLog.inLines(store, "food");
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String inbox = "https://peer" + (i % 25) + ".example/inbox";
      acks.add(log.cursorSoon(inbox, i / 25 + 1));
      if (i % 500 == 0) {
        DeadLetter d = i % 1000 == 0
            ? new DeadLetter("food", inbox, i / 25, 410, "answered 410")
            : new DeadLetter("food", inbox, -1, 0, "timed out\tafter 3 tries", "{\"type\":\"Accept\",\n\"id\":\"" + i + "\"}");
        log.dead(d);
        dead.add(d);
      }
      if (i % 1500 == 0) {
        log.replayed(dead.remove(0));
      }
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
    store.close();
    assertThat(Files.size(dir.resolve("food/delivery.log"))).isLessThanOrEqualTo(8192 + 200);

    NodeStore again = new NodeStore(dir, 8192);
    DeliveryLog.Restored restored = DeliveryLog.inLines(again, "food").restore();
    again.close();
    assertThat(restored.cursors()).hasSize(25).containsEntry("https://peer24.example/inbox", 800L)
        .containsEntry("https://peer0.example/inbox", 800L);
    assertThat(restored.deadLetters()).containsExactlyElementsOf(dead.stream()
        .map(d -> new DeadLetter(d.collective(), d.inbox(), d.entry(), d.status(), DeliveryLines.oneLine(d.reason()),
            d.body()))
        .toList());
  }
}
