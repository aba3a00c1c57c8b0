package coop.lattice.federation.hosting;

import coop.lattice.CollectiveId;
import coop.lattice.collective.Collective;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The collectives a node hosts, under its base URL, by id, in the order they were added. Reads
 * see an immutable snapshot (hosting changes rarely, lookups happen on every request).
 */
public final class Hosts {
  private final URI base;
  private final Path dir;
  private volatile Map<String, HostedCollective> byId = Map.of();

  public Hosts(URI base, Path dir) {
    this.base = base;
    this.dir = dir;
  }

  /** The node's base URL, such as {@code https://food.example}. */
  public URI base() {
    return base;
  }

  /** Hosts {@code collective} (its keys are loaded, or made on first use). */
  public HostedCollective add(Collective collective) {
    synchronized (this) {
      if (byId.containsKey(collective.id().value())) {
        throw new IllegalArgumentException("this node already hosts " + collective.id());
      }
      HostedCollective h = new HostedCollective(collective, base, dir);
      Map<String, HostedCollective> next = new LinkedHashMap<>(byId);
      next.put(h.id(), h);
      byId = Collections.unmodifiableMap(next);
      return h;
    }
  }

  /** Stops hosting {@code id}; throws if this node does not host it. */
  public HostedCollective remove(CollectiveId id) {
    synchronized (this) {
      HostedCollective h = get(id);
      Map<String, HostedCollective> next = new LinkedHashMap<>(byId);
      next.remove(h.id());
      byId = Collections.unmodifiableMap(next);
      return h;
    }
  }

  /** The hosted collective {@code id}; throws if this node does not host it. */
  public HostedCollective get(CollectiveId id) {
    HostedCollective h = byId.get(id.value());
    if (h == null) {
      throw new IllegalArgumentException("this node does not host " + id);
    }
    return h;
  }

  /** The hosted collective whose path segment is {@code id}, if any. */
  public Optional<HostedCollective> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The hosted collective whose actor URL is one of {@code actors}, if any. */
  public Optional<HostedCollective> firstActorIn(List<String> actors) {
    return byId.values().stream().filter(h -> actors.contains(h.actor().toString())).findFirst();
  }

  public Collection<HostedCollective> all() {
    return List.copyOf(byId.values());
  }

  public int size() {
    return byId.size();
  }
}
