package coop.lattice.federation.social;

import coop.lattice.federation.hosting.NodeStore;

/**
 * Where one collective's follows are kept: each event is durable once its method returns, and
 * {@link #replay} gives them back in order on open. The storage behind it can change without its
 * callers noticing.
 */
public interface FollowLog extends FollowEvents {
  /** Replays every recorded event into {@code into}, oldest first. */
  void replay(FollowEvents into);

  /** The follows of collective {@code id} in the node's line logs. */
  static FollowLog inLines(NodeStore store, String id) {
    return new FollowLines(store, id);
  }
}
