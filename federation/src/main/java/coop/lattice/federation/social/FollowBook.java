package coop.lattice.federation.social;

import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.NodeStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The follows of every collective on a node, each read from its log when first asked for. */
public final class FollowBook {
  private final NodeStore store;
  private final Map<String, Follows> byCollective = new ConcurrentHashMap<>();
  private final Map<String, Approvals> approvals = new ConcurrentHashMap<>();

  public FollowBook(NodeStore store) {
    this.store = store;
  }

  public Follows of(HostedCollective h) {
    return byCollective.computeIfAbsent(h.id(), id -> new Follows(FollowLog.inLines(store, id)));
  }

  /** Whether {@code h} approves its followers itself, and the follows waiting for it. */
  public Approvals approvals(HostedCollective h) {
    return approvals.computeIfAbsent(h.id(), id -> new Approvals(store, id));
  }
}
