package coop.lattice.federation.node;

import coop.lattice.CollectiveId;
import coop.lattice.federation.hosting.Hosts;
import coop.lattice.federation.recovery.KeyRecovery;
import coop.lattice.federation.WaitingRequest;
import coop.lattice.ledger.RecoveryCountersignature;
import coop.lattice.ledger.RecoveryRequest;
import io.vertx.core.Future;
import java.util.List;

/**
 * The recovery of a hosted collective's lost ledger key with its partners, and each hosted
 * collective's part as a partner's witness ({@link KeyRecovery}); obtained from {@link
 * FederationNode#keyRecoveries()}.
 *
 * <pre>{@code
 * Collective coop = Collective.openToRecover(store, secret, next, clock);   // the key in force is lost
 * node.host(coop);
 * RecoveryRequest request = coop.ledgerKeys().recoveryRequest(next);
 * List<RecoveryCountersignature> signed = node.keyRecoveries().ask(coop.id(), request, partners)
 *     .toCompletionStage().toCompletableFuture().get(1, TimeUnit.DAYS);   // partners' members may take a while
 * // ... the members adopt `next` (ledger-key) in an agreement ...
 * coop.ledgerKeys().recover(ana, next, signed);
 * }</pre>
 */
public final class KeyRecoveries {
  private final Hosts hosts;
  private final KeyRecovery recovery;

  KeyRecoveries(Hosts hosts, KeyRecovery recovery) {
    this.hosts = hosts;
    this.recovery = recovery;
  }

  /**
   * {@code collective}, whose ledger key is lost, asks {@code partners} (their actors) to countersign
   * {@code request}; completes once every partner answered, with the countersignatures of those that
   * did (a partner that refused says why in this node's dead letters), or fails if none did. A
   * partner whose members decide answers when they do: give the future a timeout of your own.
   */
  public Future<List<RecoveryCountersignature>> ask(CollectiveId collective, RecoveryRequest request,
      List<String> partners) {
    return recovery.ask(hosts.get(collective), request, partners);
  }

  /** Partners' requests that {@code collective}'s copy of their ledger backs, waiting for one of its members. */
  public List<WaitingRequest> waiting(CollectiveId collective) {
    return recovery.waiting(hosts.get(collective));
  }

  /**
   * A member of {@code collective} says to countersign {@code partner}'s waiting request, having
   * checked with the partner's people: checked against the copy again, countersigned and sent.
   */
  public Future<Void> countersign(CollectiveId collective, String partner) {
    return recovery.countersign(hosts.get(collective), partner);
  }
}
