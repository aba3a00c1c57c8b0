package coop.lattice.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.federation.json.Json;
import coop.lattice.testkit.SteppingClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steady traffic keeps a node's state bounded: 100,000 accepted activities, one a second by a
 * stepping clock (some 28 hours), through what the inbox does below HTTP for each (claim the id,
 * apply the effect to the remote objects, record it in the accepted log), with a restart every
 * 20,000. The bound, checked every 500 activities: the node directory never holds more than
 * twice its live lines plus the 64 KiB below which a log is left alone, where the live lines
 * are one line per activity accepted within the retention (two signature windows and the skew:
 * 2 h 10 min) and one snapshot line per remote object. Replays of recent ids are still refused
 * after each restart, and what the objects' owners, versions and tombstones were outlives the
 * activities that made them.
 */
class BoundedNodeStateTest {
  static final int ACTIVITIES = 100_000;
  static final int RESTART_EVERY = 20_000;
  static final Duration RETENTION = SeenIds.retentionFor(Duration.ofHours(1));
  static final String PEER = "https://peer.example";

  @TempDir Path dir;

  /** What the test knows it sent: when each activity was accepted and the bytes of its line. */
  record Sent(Instant at, int lineBytes) {}

  /** The node's parts below HTTP, as a node opens them. */
  static final class Node {
    final NodeStore store;
    final SeenIds seen;
    final RemoteObjects objects = new RemoteObjects();
    final AcceptedLog log;

    Node(Path dir, SteppingClock clock) {
      store = new NodeStore(dir);
      seen = new SeenIds(clock, RETENTION);
      log = AcceptedLog.inLines(store, "food", clock, RETENTION);
      log.restore(seen, objects);
    }

    /** What Acceptance and the Create, Update and Delete handlers do with one verified activity. */
    Optional<CompletableFuture<Void>> accept(String id, byte[] json) throws IOException {
      if (!seen.claim(id)) {
        return Optional.empty();
      }
      JsonNode a = Json.parseObject(json);
      String actor = Json.id(a.get("actor")).orElseThrow();
      JsonNode object = a.get("object");
      switch (Json.text(a, "type").orElseThrow()) {
        case "Create" -> {
          assertThat(objects.checkCreate(actor, object)).isEmpty();
          objects.put(actor, object);
        }
        case "Update" -> {
          assertThat(objects.checkUpdate(actor, object)).isEmpty();
          objects.put(actor, object);
        }
        case "Delete" -> {
          assertThat(objects.checkDelete(actor, object.asText())).isEmpty();
          objects.delete(actor, object.asText());
        }
        default -> { } // a Like: accepted, kept as data
      }
      return Optional.of(log.append(id, json));
    }
  }

  static String note(int i) {
    return PEER + "/notes/" + i;
  }

  static String actorOf(int creator) {
    return PEER + "/users/" + (creator % 20);
  }

  /** Activity {@code i}: a Create of a note every tenth, three Updates of it, a Delete every fiftieth, else a Like. */
  static byte[] activity(int i, Instant now) {
    int note = i - i % 10;
    String head = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + PEER + "/activities/" + i
        + "\",\"actor\":\"" + actorOf(note) + "\",";
    String json;
    if (i % 10 == 0) {
      json = head + "\"type\":\"Create\",\"object\":{\"id\":\"" + note(note) + "\",\"type\":\"Note\",\"content\":\"Bread"
          + " is ready at the co-op, batch " + i + "\",\"published\":\"" + now + "\"}}";
    } else if (i % 10 <= 3) {
      json = head + "\"type\":\"Update\",\"object\":{\"id\":\"" + note(note) + "\",\"type\":\"Note\",\"content\":\"Bread"
          + " is ready at the co-op, batch " + note + ", edit " + i % 10 + "\",\"updated\":\"" + now + "\"}}";
    } else if (i % 50 == 7) {
      json = head.replace(actorOf(note), actorOf(i - 7)) + "\"type\":\"Delete\",\"object\":\"" + note(i - 7) + "\"}";
    } else {
      json = head + "\"type\":\"Like\",\"object\":\"" + note(note) + "\"}";
    }
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static long directorySize(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aHundredThousandActivitiesLeaveABoundedDirectoryAndReplaysAreStillRefused() throws Exception {
    SteppingClock clock = SteppingClock.startingAt("2026-11-27T10:00:00Z", Duration.ZERO);
    Node node = new Node(dir, clock);
    ArrayDeque<Sent> live = new ArrayDeque<>();
    long liveBytes = 0;
    long everything = 0;
    long objectLines = 0;
    long largest = 0;
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    for (int i = 0; i < ACTIVITIES; i++) {
      clock.advance(Duration.ofSeconds(1));
      Instant now = clock.instant();
      String id = PEER + "/activities/" + i;
      byte[] json = activity(i, now);
      acks.add(node.accept(id, json).orElseThrow());
      int line = "a\t".length() + Long.toString(now.toEpochMilli()).length() + 1 + id.length() + 1 + json.length + 1;
      live.add(new Sent(now, line));
      liveBytes += line;
      everything += line;
      if (i % 10 == 0) {
        objectLines += ("o\t" + note(i) + "\t" + actorOf(i) + "\t" + now + "\tdeleted\n").length();
      }
      while (live.peekFirst().at().isBefore(now.minus(RETENTION))) {
        liveBytes -= live.removeFirst().lineBytes();
      }

      if (acks.size() == 500) {
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        acks.clear();
        long size = directorySize(dir);
        largest = Math.max(largest, size);
        assertThat(size).as("node directory after %s activities", i + 1)
            .isLessThanOrEqualTo(2 * (liveBytes + objectLines) + NodeStore.DEFAULT_COMPACT_FROM);
      }

      if ((i + 1) % RESTART_EVERY == 0) {
        node.store.close();
        node = new Node(dir, clock);
        String recent = PEER + "/activities/" + (i - 60); // accepted a minute ago
        assertThat(node.seen.contains(recent)).as("a replay of %s after the restart", recent).isTrue();
        assertThat(node.accept(recent, activity(i - 60, now))).as("the replay is refused").isEmpty();
        assertThat(node.seen.contains(PEER + "/activities/" + (i - 3 * 3600)))
            .as("an id three hours old is forgotten: its signature can no longer pass").isFalse();
        assertThat(node.seen.size()).isLessThanOrEqualTo((int) RETENTION.toSeconds() + 1);
        assertThat(node.objects.get(note(0))).hasValueSatisfying(s -> {
          assertThat(s.deleted()).as("a tombstone from the first minute").isTrue();
          assertThat(s.owner()).isEqualTo(actorOf(0));
        });
        assertThat(node.objects.get(note(10))).hasValueSatisfying(s -> {
          assertThat(s.deleted()).isFalse();
          assertThat(s.owner()).isEqualTo(actorOf(10));
          assertThat(s.version()).isEqualTo(Instant.parse("2026-11-27T10:00:14Z")); // its third edit
        });
        assertThat(node.objects.checkCreate(actorOf(11), Json.parseObject(("{\"id\":\"" + note(10) + "\"}")
            .getBytes(StandardCharsets.UTF_8)))).as("another actor cannot take the id").isPresent();
      }
    }
    node.store.close();
    long size = directorySize(dir);
    System.out.printf(java.util.Locale.ROOT, "bounded node state: %,d activities; directory %,d bytes (largest %,d); live lines %,d bytes"
        + " (%,d activities within %s, %,d bytes of object snapshot); uncompacted log would be %,d bytes%n",
        ACTIVITIES, size, largest, liveBytes + objectLines, live.size(), RETENTION, objectLines, everything);
    assertThat(size).isLessThan(everything / 5);
  }
}
