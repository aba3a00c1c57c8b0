package coop.lattice.federation.recovery;

import coop.lattice.agreement.Parameter;
import coop.lattice.federation.FederationException;
import coop.lattice.federation.WaitingRequest;
import coop.lattice.federation.hosting.Documents;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.keys.ObjectProofs;
import coop.lattice.federation.mirror.LedgerMirror;
import coop.lattice.federation.mirror.RecoveryWitness;
import coop.lattice.federation.outbox.Deliveries;
import coop.lattice.ledger.RecoveryCountersignature;
import coop.lattice.ledger.RecoveryRequest;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recovery of a lost ledger key between collectives, both ways. A hosted collective that lost
 * its key {@linkplain #ask asks} partners to countersign its {@link RecoveryRequest} (a {@code
 * Create} of a {@code keyRecovery} note, signed with its actor's keys, which it still holds); each
 * partner's node {@linkplain #requested checks} the request against its copy of the ledger ({@link
 * RecoveryWitness}: pulling first if it lacks the basis) and refuses it with the reason (422); if
 * the copy backs it, the partner countersigns with its own ledger key, at once if its agreements
 * say {@code key-recovery-witness: automatic}, else once one of its members {@linkplain #countersign
 * says so} (the request {@linkplain #waiting waits} meanwhile: whoever took over a collective's
 * node can ask in its name, so by default people decide), and {@linkplain #answer sends} the
 * countersignature back ({@code recoveryCountersignature}); the asking node {@linkplain
 * #countersigned keeps} each that fits its request ({@link Countersignatures}). Waiting requests are
 * kept in memory: after a restart the partner asks again.
 */
public final class KeyRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(KeyRecovery.class);

  /** A request this node's copy of the partner's ledger does not let it countersign. */
  public static final class Refused extends FederationException {
    private static final long serialVersionUID = 1L;

    Refused(String why) {
      super(why);
    }
  }

  private final Countersignatures countersignatures = new Countersignatures();
  /** By witness collective, then by the partner that asked. */
  private final Map<String, Map<String, RecoveryRequest>> waiting = new ConcurrentHashMap<>();
  private final Deliveries deliveries;
  private final LedgerMirror mirror;
  private final Clock clock;

  public KeyRecovery(Deliveries deliveries, LedgerMirror mirror, Clock clock) {
    this.deliveries = deliveries;
    this.mirror = mirror;
    this.clock = clock;
  }

  /**
   * {@code h} asks {@code partners} (their actors) to countersign {@code request}; completes once
   * every partner answered, with the countersignatures of those that countersigned (a partner that
   * refused, or could not be reached, is logged, and its refusal is in the dead letters), or fails if
   * none did.
   */
  public Future<List<RecoveryCountersignature>> ask(HostedCollective h, RecoveryRequest request, List<String> partners) {
    Future<List<RecoveryCountersignature>> answers = countersignatures.ask(h.id(), request, partners);
    for (String partner : partners) {
      byte[] body = Json.bytes(ObjectProofs.sign(Documents.recoveryRequest(h, partner, request), h.ed25519KeyId(),
          h.keys().ed25519Private(), clock.instant()));
      deliveries.sendOnce(h, partner + "/inbox", body).onFailure(e -> {
        LOG.warn("{} did not countersign the recovery of {}'s ledger key: {}", partner, h.id(), e.getMessage());
        countersignatures.refused(h.id(), partner, String.valueOf(e.getMessage()));
      });
    }
    return answers;
  }

  /** A countersignature {@code witness} (the authenticated sender) sent {@code h}; returns what came of it. */
  public String countersigned(HostedCollective h, String witness, String text) {
    return countersignatures.offered(h.id(), witness, text);
  }

  /**
   * {@code actor} asked {@code as} to countersign the request {@code text}: completes with the
   * countersignature, made with {@code as}'s ledger key, or empty if the request waits for a member
   * of {@code as}; fails with {@link Refused} saying why if the copy does not back it.
   */
  public Future<Optional<RecoveryCountersignature>> requested(HostedCollective as, String actor, String text) {
    RecoveryRequest request;
    try {
      request = RecoveryRequest.parse(text.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new Refused("not a recovery request: " + e.getMessage()));
    }
    boolean automatic = as.collective().agreements().parameters().get(Parameter.KEY_RECOVERY_WITNESS).equals("automatic");
    return backed(as, actor, request).map(c -> {
      if (automatic) {
        return Optional.of(c.get());
      }
      waiting.computeIfAbsent(as.id(), id -> new ConcurrentHashMap<>()).put(actor, request);
      LOG.info("{} asks {} to countersign the recovery of its ledger key; its copy backs it, and it waits for a member"
          + " to say so", actor, as.id());
      return Optional.empty();
    });
  }

  /** The requests waiting for a member of {@code as} to say whether to countersign them. */
  public List<WaitingRequest> waiting(HostedCollective as) {
    return waiting.getOrDefault(as.id(), Map.of()).entrySet().stream()
        .map(e -> new WaitingRequest(e.getKey(), e.getValue())).toList();
  }

  /**
   * A member of {@code as} says to countersign {@code partner}'s waiting request: checked against the
   * copy again, countersigned and sent; fails with {@link Refused} if none waits or the copy no
   * longer backs it.
   */
  public Future<Void> countersign(HostedCollective as, String partner) {
    RecoveryRequest request = waiting.getOrDefault(as.id(), Map.of()).remove(partner);
    if (request == null) {
      return Future.failedFuture(new Refused("no request of " + partner + " waits for " + as.id()));
    }
    return backed(as, partner, request).compose(c -> answer(as, partner, c.get()));
  }

  /** The countersignature, once the copy of {@code actor}'s ledger backs {@code request} (pulling first if it must). */
  private Future<Supplier<RecoveryCountersignature>> backed(HostedCollective as, String actor, RecoveryRequest request) {
    RecoveryWitness witness = mirror.recoveryWitness();
    RecoveryWitness.Answer first = witness.check(actor, request);
    Future<RecoveryWitness.Answer> answer = first.verdict() != RecoveryWitness.Verdict.PULL_FIRST
        ? Future.succeededFuture(first)
        : mirror.pull(actor, as).transform(pulled -> Future.succeededFuture(witness.check(actor, request)));
    return answer.compose(a -> a.verdict() == RecoveryWitness.Verdict.COUNTERSIGN
        ? Future.succeededFuture(() -> as.collective().ledgerKeys().countersign(request, as.actor().toString()))
        : Future.failedFuture(new Refused(a.why())));
  }

  /** Sends {@code c}, {@code as}'s countersignature, to {@code partner}'s inbox. */
  public Future<Void> answer(HostedCollective as, String partner, RecoveryCountersignature c) {
    byte[] body = Json.bytes(ObjectProofs.sign(Documents.recoveryCountersignature(as, partner, c), as.ed25519KeyId(),
        as.keys().ed25519Private(), clock.instant()));
    return deliveries.sendOnce(as, partner + "/inbox", body);
  }
}
