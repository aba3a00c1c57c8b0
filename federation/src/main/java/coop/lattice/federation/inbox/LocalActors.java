package coop.lattice.federation.inbox;

import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Hosts;
import java.util.Optional;

/**
 * The actors of the collectives this node hosts, as senders: a food co-op and a repair café on one
 * node follow and trade with each other through their inboxes like any partners, and their keys are
 * the node's own, read from {@link Hosts} rather than fetched. An activity on this node's origin is
 * taken only from a hosted collective, signed with its key; anything else claiming the origin is
 * refused ({@code OriginRules}).
 */
final class LocalActors {
  private final Hosts hosts;

  LocalActors(Hosts hosts) {
    this.hosts = hosts;
  }

  /** Whether {@code actor} is the actor of a collective hosted here. */
  boolean hosts(String actor) {
    return collective(actor).isPresent();
  }

  /** The key {@code keyId} of a hosted collective's actor (RSA or Ed25519), with its owner. */
  Optional<KeyCache.Key> key(String keyId) {
    for (HostedCollective h : hosts.all()) {
      if (keyId.equals(h.keyId())) {
        return Optional.of(new KeyCache.Key(h.keys().rsaPublic(), h.actor().toString()));
      }
      if (keyId.equals(h.ed25519KeyId())) {
        return Optional.of(new KeyCache.Key(h.keys().ed25519Public(), h.actor().toString()));
      }
    }
    return Optional.empty();
  }

  private Optional<HostedCollective> collective(String actor) {
    return hosts.all().stream().filter(h -> h.actor().toString().equals(actor)).findFirst();
  }
}
