package coop.lattice.federation.inbox;

import coop.lattice.federation.hosting.NodeStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Where one collective's accepted activities are kept, each with its id, the time it was accepted
 * and its exact JSON: the record that makes an id "seen" after a restart, and from which remote
 * objects are rebuilt. Activities are kept for the retention (the replay window, see {@link
 * SeenIds#retentionFor}); older ones are folded into a snapshot of the remote objects they made,
 * their owners, versions and tombstones, which is kept for good. The storage behind it can change
 * without its callers noticing.
 */
interface AcceptedLog {
  /** Records an accepted activity, accepted now; durable when the future completes (group commit). */
  CompletableFuture<Void> append(String id, byte[] json);

  /** The snapshot of remote objects, then each activity still kept, oldest first. */
  void replay(Replay into);

  /** On open: the activities still kept count as seen in {@code seen}, and {@code objects} are rebuilt. */
  default void restore(SeenIds seen, RemoteObjects objects) {
    replay(new Replay() {
      @Override
      public void object(String id, RemoteObjects.Stored stored) {
        objects.restore(id, stored);
      }

      @Override
      public void accepted(String id, Instant at, byte[] json) {
        seen.restore(id, at);
        objects.replay(json);
      }
    });
  }

  /** What {@link #replay} gives back. */
  interface Replay {
    /** A remote object as the snapshot of older activities left it. */
    void object(String id, RemoteObjects.Stored stored);

    /** An activity accepted at {@code at}, in the order accepted. */
    void accepted(String id, Instant at, byte[] json);
  }

  /**
   * The accepted activities of collective {@code id} in the node's line logs, with activities
   * older than {@code retention} (by {@code clock}) folded away when the log is compacted.
   */
  static AcceptedLog inLines(NodeStore store, String id, Clock clock, Duration retention) {
    return new AcceptedLines(store, id, clock, retention);
  }
}
