package coop.lattice.federation.inbox;

import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.federation.outbox.DeliveryLog;
import coop.lattice.federation.social.FollowLog;
import coop.lattice.federation.social.Follows;
import coop.lattice.testkit.SteppingClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The child process of {@code NodeLogCrashIT}: opens a node's logs in {@code args[0]} (small
 * thresholds, so that they are compacted every few batches, and after every other batch on
 * purpose), then accepts activities in batches forever, each with a follow event every fifth and a delivery cursor, printing {@code durable
 * N} once everything up to activity {@code N} is on disk. Activity {@code i} happens at {@link
 * #time}: a minute apart, so that the two-hour retention passes over hundreds of them.
 */
public final class NodeLogWriter {
  static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  static final Duration STEP = Duration.ofMinutes(1);
  static final Duration RETENTION = SeenIds.retentionFor(Duration.ofHours(1));
  static final long COMPACT_FROM = 4096;

  private NodeLogWriter() {}

  static Instant time(long i) {
    return T0.plus(STEP.multipliedBy(i + 1));
  }

  static String id(long i) {
    return BoundedNodeStateTest.PEER + "/activities/" + i;
  }

  static byte[] activity(long i) {
    return BoundedNodeStateTest.activity((int) i, time(i));
  }

  /** The follow event that goes with activity {@code i}, if any: an actor and its inbox, or none for an unfollow. */
  static void follows(long i, BiConsumer<String, Optional<String>> event) {
    if (i % 5 == 0) {
      String actor = BoundedNodeStateTest.PEER + "/followers/" + (i % 35);
      event.accept(actor, i % 3 == 0 ? Optional.empty() : Optional.of(BoundedNodeStateTest.PEER + "/inbox/" + i));
    }
  }

  /** The inbox whose cursor activity {@code i} moves (to {@code i + 1}). */
  static String inbox(long i) {
    return "https://peer" + (i % 9) + ".example/inbox";
  }

  public static void main(String[] args) {
    Random random = new Random(Long.parseLong(args[1]));
    SteppingClock clock = SteppingClock.startingAt(T0, Duration.ZERO);
    NodeStore store = new NodeStore(Path.of(args[0]), COMPACT_FROM);
    SeenIds seen = new SeenIds(clock, RETENTION);
    AcceptedLog log = AcceptedLog.inLines(store, "food", clock, RETENTION);
    long[] last = {-1};
    log.replay(new AcceptedLog.Replay() {
      @Override
      public void object(String id, RemoteObjects.Stored stored) {}

      @Override
      public void accepted(String id, Instant at, byte[] json) {
        seen.restore(id, at);
        last[0] = Math.max(last[0], Long.parseLong(id.substring(id.lastIndexOf('/') + 1)));
      }
    });
    Follows follows = new Follows(FollowLog.inLines(store, "food"));
    DeliveryLog delivery = DeliveryLog.inLines(store, "food");
    delivery.restore();
    System.out.println("opened " + last[0]);
    for (long first = last[0] + 1; ; ) {
      int n = 1 + random.nextInt(40);
      // A batch's follows and cursors are durable before its activities are recorded, so a run
      // that resumes after the last activity recorded does every later event again, in order.
      List<CompletableFuture<Void>> cursors = new ArrayList<>();
      for (long i = first; i < first + n; i++) {
        follows(i, (actor, inbox) -> inbox.ifPresentOrElse(in -> follows.follower(actor, in),
            () -> follows.unfollow(actor)));
        cursors.add(delivery.cursorSoon(inbox(i), i + 1));
      }
      CompletableFuture.allOf(cursors.toArray(CompletableFuture[]::new)).join();
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      for (long i = first; i < first + n; i++) {
        clock.advance(Duration.between(clock.instant(), time(i)));
        if (!seen.claim(id(i))) {
          System.out.println("seen before: " + id(i));
          System.exit(3);
        }
        acks.add(log.append(id(i), activity(i)));
      }
      first += n;
      if (random.nextBoolean()) {
        store.compact(); // while the batch's activities are still being flushed
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
      System.out.println("durable " + (first - 1));
      if (random.nextBoolean()) {
        store.compact(); // just when the parent is likely to kill
      }
    }
  }
}
