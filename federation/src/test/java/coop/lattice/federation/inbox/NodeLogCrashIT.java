package coop.lattice.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.outbox.DeliveryLog;
import coop.lattice.federation.social.FollowLog;
import coop.lattice.federation.social.Follows;
import coop.lattice.testkit.SteppingClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the node's logs with a real process: a child JVM ({@link NodeLogWriter})
 * appends accepted activities, follows and delivery cursors, its logs compacting every few
 * batches; we SIGKILL it (by its pid) at random moments and check after every kill that the node
 * opens, that every acknowledged activity id inside the retention is still refused as a replay,
 * that the remote objects, followers and cursors hold at least what was acknowledged, and that no
 * log holds a torn or half-compacted line.
 */
class NodeLogCrashIT {
  static final int KILLS = Integer.getInteger("lattice.crash.kills", 20);

  @TempDir Path dir;

  @Test
  void everyAcknowledgedLineSurvivesSigkillDuringAppendsAndCompactions() throws Exception {
    Random random = new Random(20261127L);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    long acknowledged = -1;
    for (int kill = 0; kill < KILLS; kill++) {
      Process child = new ProcessBuilder(java, "-cp", cp, NodeLogWriter.class.getName(), dir.toString(),
          Long.toString(random.nextLong())).redirectErrorStream(true).start();
      int waitFor = 1 + random.nextInt(12);
      int seen = 0;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          if (line.startsWith("durable ")) {
            acknowledged = Long.parseLong(line.substring(8));
            if (++seen == waitFor) {
              break;
            }
          } else if (!line.startsWith("opened ") && !line.startsWith("SLF4J(")) {
            // (SLF4J's own notes on its start, with the node's logger starting beside the test's
            // provider, are not the child's; anything the child logs, or throws, is.)
            StringBuilder said = new StringBuilder(line);
            out.lines().limit(12).forEach(l -> said.append('\n').append(l)); // what follows says what it was
            ProcessHandle.of(child.pid()).ifPresent(ProcessHandle::destroyForcibly);
            throw new AssertionError("child said: " + said);
          }
        }
        ProcessHandle.of(child.pid()).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL, by pid
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // What it acknowledged between our reading and the kill counts too (we may have been slow).
        for (String line; (line = out.readLine()) != null; ) {
          if (line.startsWith("durable ")) {
            acknowledged = Long.parseLong(line.substring(8));
          }
        }
      }
      assertThat(seen).as("acks before kill %s", kill).isEqualTo(waitFor);
      check(acknowledged, kill);
    }
    assertThat(acknowledged).isGreaterThan(10L * KILLS);
  }

  private void check(long k, int kill) throws Exception {
    SteppingClock clock = SteppingClock.startingAt(NodeLogWriter.time(k + 1), Duration.ZERO);
    NodeStore store = new NodeStore(dir, NodeLogWriter.COMPACT_FROM); // the kill let go of the lock
    try {
      SeenIds seen = new SeenIds(clock, NodeLogWriter.RETENTION);
      RemoteObjects objects = new RemoteObjects();
      AcceptedLog.inLines(store, "food", clock, NodeLogWriter.RETENTION).restore(seen, objects);
      Follows follows = new Follows(FollowLog.inLines(store, "food"));
      DeliveryLog.Restored delivery = DeliveryLog.inLines(store, "food").restore();

      // The retention is 130 activities; the child may have been a batch (up to 40) past the last
      // one it acknowledged, and forgets by its own clock, so the last 90 are certain to be kept.
      for (long i = Math.max(0, k - 89); i <= k; i++) {
        assertThat(seen.contains(NodeLogWriter.id(i))).as("activity %s after kill %s", i, kill).isTrue();
      }
      List<Long> notes = new ArrayList<>(List.of(0L, 10L)); // long folded into the snapshot
      for (long n = Math.max(20, (k - 300) / 10 * 10); n + 10 <= k; n += 10) {
        notes.add(n); // the recent ones, whose activities are still kept
      }
      for (long n : notes) {
        if (n + 10 > k) {
          continue; // not done yet
        }
        boolean deleted = n % 50 == 0;
        assertThat(objects.get(BoundedNodeStateTest.note((int) n))).as("note %s after kill %s", n, kill)
            .hasValueSatisfying(s -> {
              assertThat(s.owner()).isEqualTo(BoundedNodeStateTest.actorOf((int) n));
              assertThat(s.deleted()).isEqualTo(deleted);
              assertThat(s.version()).isEqualTo(NodeLogWriter.time(n + 3));
            });
      }
      Map<String, String> followers = follows.followers();
      Map<String, List<Optional<String>>> allowed = followerStates(k);
      assertThat(allowed).containsKeys(followers.keySet().toArray(String[]::new));
      allowed.forEach((actor, states) -> assertThat(states).as("%s after kill %s", actor, kill)
          .contains(Optional.ofNullable(followers.get(actor))));
      for (long i = Math.max(0, k - 8); i <= k; i++) {
        assertThat(delivery.cursors().get(NodeLogWriter.inbox(i))).as("cursor of %s", NodeLogWriter.inbox(i))
            .isGreaterThanOrEqualTo(i + 1);
      }
    } finally {
      store.close();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String name = p.getFileName().toString();
        assertThat(name).as("no half-compacted file is left").doesNotEndWith(".tmp");
        if (name.endsWith(".log")) {
          String text = Files.readString(p);
          assertThat(text.isEmpty() || text.endsWith("\n")).as("%s ends with a whole line", p).isTrue();
          text.lines().forEach(line -> wellFormed(name, line));
        }
      }
    }
  }

  private static void wellFormed(String log, String line) {
    String[] f = line.split("\t", 4);
    switch (log) {
      case "inbound.log" -> {
        if (f[0].equals("a")) {
          assertThat(f).hasSize(4);
          try {
            Json.parseObject(f[3].getBytes(StandardCharsets.UTF_8));
          } catch (java.io.IOException e) {
            throw new AssertionError("a torn activity: " + line, e);
          }
        } else {
          assertThat(line.split("\t")).as(line).hasSize(5).startsWith("o");
        }
      }
      case "followers.log" -> assertThat(f.length).as(line).isEqualTo(f[0].equals("+") ? 3 : 2);
      case "delivery.log" -> {
        assertThat(f).as(line).hasSize(3).startsWith("cursor");
        Long.parseLong(f[2]);
      }
      case "following.log" -> throw new AssertionError("no follow was sent: " + line);
      default -> throw new AssertionError("an unexpected log " + log);
    }
  }

  /**
   * For each actor, the states it may be in once activity {@code k} is acknowledged: the one its
   * last event up to {@code k} left (none if it had none), or one a later event left, up to a
   * batch beyond {@code k} (written, not yet acknowledged, when the kill came). A run resumes
   * after the last activity its log holds and does the events after it again, in order, so an
   * acknowledged event is never undone by an older one.
   */
  static Map<String, List<Optional<String>>> followerStates(long k) {
    Map<String, List<Optional<String>>> allowed = new HashMap<>();
    for (long i = 0; i <= k + 45; i++) {
      boolean acknowledged = i <= k;
      BiConsumer<String, Optional<String>> event = (actor, state) -> {
        if (acknowledged) {
          allowed.put(actor, new ArrayList<>(List.of(state)));
        } else {
          allowed.computeIfAbsent(actor, a -> new ArrayList<>(List.of(Optional.empty()))).add(state);
        }
      };
      NodeLogWriter.follows(i, event);
    }
    return allowed;
  }
}
