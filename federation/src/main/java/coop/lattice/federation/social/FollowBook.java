package coop.lattice.federation.social;

import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.NodeStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The follows of every collective on a node, each read from its log when first asked for. */
public final class FollowBook {
  private final NodeStore store;
  private final Map<String, Follows> byCollective = new ConcurrentHashMap<>();

  public FollowBook(NodeStore store) {
    this.store = store;
  }

  public Follows of(HostedCollective h) {
    return byCollective.computeIfAbsent(h.id(), id -> new Follows(FollowLog.inLines(store, id)));
  }
}
