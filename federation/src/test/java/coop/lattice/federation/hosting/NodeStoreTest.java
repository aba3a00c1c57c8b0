package coop.lattice.federation.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's line logs: torn lines cut on open, compaction to the live lines, nothing lost meanwhile. */
class NodeStoreTest {
  @TempDir Path dir;

  /** A log of {@code key value} lines whose live lines are the latest value of each key. */
  static List<String> latestPerKey(List<String> lines) {
    Map<String, String> latest = new LinkedHashMap<>();
    for (String l : lines) {
      latest.remove(l.split(" ")[0]);
      latest.put(l.split(" ")[0], l);
    }
    return List.copyOf(latest.values());
  }

  static List<String> lines(NodeLog log) {
    List<String> out = new ArrayList<>();
    log.replay(out::add);
    return out;
  }

  @Test
  void aLineCutShortByACrashIsCutOffOnOpen() throws IOException {
    Path file = dir.resolve("food/delivery.log");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "a 1\nb 2\nc 3 but the writer was kil", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("food/delivery.log.tmp"), "a half-written compaction");
    NodeStore store = new NodeStore(dir);
    NodeLog log = store.log("food/delivery", NodeStore.Compaction.KEEP_ALL);
    assertThat(lines(log)).containsExactly("a 1", "b 2");
    log.append("c 4");
    store.close();
    assertThat(Files.readString(file)).isEqualTo("a 1\nb 2\nc 4\n");
    assertThat(dir.resolve("food/delivery.log.tmp")).doesNotExist();
  }

  @Test
  void openingCompactsALogThatHoldsDeadLinesAndLeavesALiveOneAlone() throws IOException {
    Path file = dir.resolve("cursors.log");
    Files.writeString(file, "a 1\nb 1\na 2\na 3\n");
    NodeStore store = new NodeStore(dir);
    assertThat(lines(store.log("cursors", NodeStoreTest::latestPerKey))).containsExactly("b 1", "a 3");
    store.close();
    assertThat(Files.readString(file)).isEqualTo("b 1\na 3\n");
    long modified = Files.getLastModifiedTime(file).toMillis();

    NodeStore again = new NodeStore(dir);
    again.log("cursors", NodeStoreTest::latestPerKey);
    again.close();
    assertThat(Files.readString(file)).isEqualTo("b 1\na 3\n");
    assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
  }

  @Test
  void aLogIsCompactedWhenItGrowsPastTwiceItsLiveSize() {
    NodeStore store = new NodeStore(dir, 1024);
    NodeLog log = store.log("cursors", NodeStoreTest::latestPerKey);
    long most = 0;
    for (int i = 0; i < 2000; i++) {
      log.append("inbox-" + (i % 20) + " " + i);
      most = Math.max(most, log.size());
    }
    store.close();
    assertThat(log.compactions()).isGreaterThan(20);
    // 20 live lines of at most 16 bytes: the log never passes the floor by more than one line.
    assertThat(most).isLessThanOrEqualTo(1024 + 16);

    NodeStore again = new NodeStore(dir, 1024);
    List<String> live = lines(again.log("cursors", NodeStoreTest::latestPerKey));
    again.close();
    assertThat(live).hasSize(20).contains("inbox-19 1999", "inbox-0 1980");
  }

  @Test
  void linesAppendedWhileALogIsCompactedAreKept() {
    NodeStore store = new NodeStore(dir, 1 << 20);
    NodeLog log = store.log("cursors", NodeStoreTest::latestPerKey);
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      acks.add(log.appendDurably("inbox-" + i + " " + i));
      if (i % 250 == 0) {
        log.compact(); // on this thread, while the flusher writes
      }
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
    store.close();

    NodeStore again = new NodeStore(dir);
    assertThat(lines(again.log("cursors", NodeStoreTest::latestPerKey))).hasSize(3000);
    again.close();
  }

  @Test
  void aCompactionThatFailsLeavesEveryWriterAnsweredAndTheLogWhole() {
    // Found under load: an Error in the flusher (compaction ran out of memory) ended its thread and
    // left every later writer waiting for an answer that never came. The lines were durable before
    // the compaction started, so their writers hear that they are.
    AtomicBoolean failing = new AtomicBoolean();
    NodeStore.Compaction failsWhenAsked = new NodeStore.Compaction() {
      @Override
      public List<String> live(List<String> lines) {
        if (failing.getAndSet(false)) {
          throw new AssertionError("a compaction that fails once");
        }
        return lines;
      }
    };
    NodeStore store = new NodeStore(dir, 1);
    NodeLog log = store.log("inbound", failsWhenAsked);
    failing.set(true);
    CompletableFuture<Void> first = log.appendDurably("a 1"); // past the floor: the flush compacts, which fails
    assertThat(first).succeedsWithin(Duration.ofSeconds(10));
    assertThat(failing).as("the compaction was tried").isFalse();
    assertThat(log.appendDurably("b 2")).succeedsWithin(Duration.ofSeconds(10));
    assertThat(log.appendDurably("c 3")).succeedsWithin(Duration.ofSeconds(10)); // twice the size: compacts, for real
    assertThat(log.compactions()).isEqualTo(1);
    store.close();
    assertThat(dir.resolve("inbound.log.tmp")).doesNotExist();

    NodeStore again = new NodeStore(dir);
    assertThat(lines(again.log("inbound", NodeStore.Compaction.KEEP_ALL))).containsExactly("a 1", "b 2", "c 3");
    again.close();
  }

  @Test
  void aLogOfAnEarlierVersionWithoutATrailingLineBreakLosesOnlyItsLastLine() throws IOException {
    Path file = dir.resolve("flagged.log");
    Files.writeString(file, "x why\n", StandardOpenOption.CREATE);
    Files.writeString(file, "y why", StandardOpenOption.APPEND);
    NodeStore store = new NodeStore(dir);
    assertThat(lines(store.log("flagged", NodeStore.Compaction.KEEP_ALL))).containsExactly("x why");
    store.close();
  }
}
