package coop.lattice.federation.inbox;

import coop.lattice.federation.hosting.NodeStore;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Where one collective's accepted activities are kept, each with its id and its exact JSON: the
 * record that makes an id "seen" after a restart, and from which remote objects are rebuilt. The
 * storage behind it can change without its callers noticing.
 */
interface AcceptedLog {
  /** Records an accepted activity; durable when the future completes (group commit). */
  CompletableFuture<Void> append(String id, byte[] json);

  /** Each recorded activity, oldest first. */
  void replay(BiConsumer<String, byte[]> each);

  /** The accepted activities of collective {@code id} in the node's line logs. */
  static AcceptedLog inLines(NodeStore store, String id) {
    return new AcceptedLines(store.log(id + "/inbound", NodeStore.Compaction.KEEP_ALL));
  }
}
