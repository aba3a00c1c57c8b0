package coop.lattice.federation.outbox;

import coop.lattice.federation.DeadLetter;
import coop.lattice.federation.hosting.NodeStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where one collective's delivery state is kept: a cursor per follower inbox (the index of the
 * next entry to deliver) and the dead letters, with those replayed struck off. The storage behind
 * it can change without its callers noticing.
 */
public interface DeliveryLog {
  /** What the log holds when the node opens. */
  record Restored(Map<String, Long> cursors, List<DeadLetter> deadLetters) {}

  Restored restore();

  /** Moves {@code inbox}'s cursor to {@code next}; durable when this returns. */
  void cursor(String inbox, long next);

  /**
   * Moves {@code inbox}'s cursor to {@code next}, durable when the future completes (shared with
   * other writes: group commit). A cursor that lags after a crash only sends an entry again,
   * which delivery at least once allows and receivers deduplicate.
   */
  CompletableFuture<Void> cursorSoon(String inbox, long next);

  void dead(DeadLetter letter);

  void replayed(DeadLetter letter);

  /** The delivery state of collective {@code id} in the node's line logs. */
  static DeliveryLog inLines(NodeStore store, String id) {
    return new DeliveryLines(id, store);
  }
}
