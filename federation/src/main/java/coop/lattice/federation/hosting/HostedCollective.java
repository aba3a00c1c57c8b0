package coop.lattice.federation.hosting;

import coop.lattice.CollectiveId;
import coop.lattice.collective.Collective;
import coop.lattice.federation.InboundActivity;
import coop.lattice.federation.keys.ActorKeys;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A collective hosted on a node: the collective, its actor URL, its keys (replaced on rotation),
 * and the activities accepted for it since the node started (the latest 10,000, so memory stays
 * bounded; the accepted-activity log on disk keeps them as long as its retention says). Its followers, deliveries and
 * mirrors are kept by the packages that own them, keyed by {@link #id()}.
 */
public final class HostedCollective {
  private final Collective collective;
  private final String id;
  private final URI actor;
  private final Path keyFile;
  private volatile ActorKeys keys;
  /** The most recent accepted activities kept in memory; older ones are on disk only. */
  static final int INBOUND_KEPT = 10_000;

  private final ArrayDeque<InboundActivity> inbound = new ArrayDeque<>();

  HostedCollective(Collective collective, URI base, Path dir) {
    this.collective = collective;
    this.id = collective.id().value();
    this.actor = base.resolve("/collectives/" + id);
    this.keyFile = dir.resolve(id).resolve("keys.properties");
    this.keys = ActorKeys.loadOrCreate(keyFile);
  }

  public Collective collective() {
    return collective;
  }

  public CollectiveId collectiveId() {
    return collective.id();
  }

  /** The collective's id as it appears in paths and log names. */
  public String id() {
    return id;
  }

  public URI actor() {
    return actor;
  }

  public ActorKeys keys() {
    return keys;
  }

  /** The id of the RSA key, as {@code publicKey} lists it. */
  public String keyId() {
    return actor + "#main-key";
  }

  /** The id of the Ed25519 key, as {@code assertionMethod} lists it. */
  public String ed25519KeyId() {
    return actor + "#ed25519-key";
  }

  /** New keys under the same key ids, stored atomically. */
  public void rotateKeys() {
    keys = ActorKeys.create(keyFile);
  }

  /** Remembers an activity accepted for this collective. */
  public void accepted(InboundActivity a) {
    synchronized (inbound) {
      inbound.addLast(a);
      if (inbound.size() > INBOUND_KEPT) {
        inbound.removeFirst();
      }
    }
  }

  /** The activities accepted since the node started, oldest first: the latest 10,000. */
  public List<InboundActivity> inbound() {
    synchronized (inbound) {
      return List.copyOf(inbound);
    }
  }
}
