package coop.lattice.federation.inbox;

import coop.lattice.federation.FollowState;
import coop.lattice.federation.InboundActivity;
import coop.lattice.federation.RateLimits;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Hosts;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.federation.hosting.RemoteDocuments;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.mirror.Flags;
import coop.lattice.federation.mirror.LedgerMirror;
import coop.lattice.federation.mirror.PartnerSteps;
import coop.lattice.federation.mirror.TradeRelay;
import coop.lattice.federation.mirror.Witnesses;
import coop.lattice.federation.recovery.KeyRecovery;
import coop.lattice.federation.outbox.Deliveries;
import coop.lattice.federation.rdf.ContextFetcher;
import coop.lattice.federation.rdf.Contexts;
import coop.lattice.federation.social.Blocks;
import coop.lattice.federation.social.FollowBook;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A node's inbox, assembled: the pipeline of steps, each handed the next when it is built, and
 * the registry of handlers at its end. Supporting a new activity type is one {@link
 * ActivityHandler} and one {@code register} line here.
 *
 * <pre>
 * BodyLimit -> SignatureInspection -> ActivityReader -> OriginRules -> Authentication
 *   -> LinkedDataCheck -> ProofCheck -> ActivityHandlers -> (a handler) -> Acceptance
 * </pre>
 *
 * <p>Every request is counted once in {@code meters} ({@link InboxMeters}: accepted by type,
 * refused by status and {@link Reason}), and refusals are logged at their reason's level.
 */
public final class Inbox {
  private final RemoteObjects objects = new RemoteObjects();
  private final Acceptance acceptance;
  private final Admission entry;

  public Inbox(Vertx vertx, Clock clock, Hosts hosts, NodeStore store, HttpSignatures signatures,
      RemoteDocuments documents, Flags flags, LedgerMirror mirror, TradeRelay trades, PartnerSteps steps,
      FollowBook follows,
      Deliveries deliveries, Blocks blocks, Witnesses witnesses, KeyRecovery recovery, Contexts contexts,
      ContextFetcher fetcher, RateLimits limits, MeterRegistry registry) {
    InboxMeters meters = new InboxMeters(registry);
    LocalActors local = new LocalActors(hosts);
    KeyCache keys = new KeyCache(documents, local, clock, meters);
    this.acceptance = new Acceptance(vertx, store, clock, SeenIds.retentionFor(signatures.window()), meters);
    ActivityHandlers handlers = new ActivityHandlers(acceptance)
        .register("Follow", new FollowHandler(documents, follows, deliveries, acceptance))
        .register("Undo", new UndoHandler(follows, acceptance))
        .register("Accept", new FollowAnswerHandler(FollowState.ACCEPTED, follows, acceptance))
        .register("Reject", new FollowAnswerHandler(FollowState.REJECTED, follows, acceptance))
        .register("Create", new CreateHandler(objects, trades, steps, mirror, witnesses, acceptance, recovery))
        .register("Update", new UpdateHandler(keys, objects, acceptance))
        .register("Delete", new DeleteHandler(objects, acceptance))
        .register("Flag", new FlagHandler(mirror, acceptance));
    meters.countTypes(handlers.types());
    this.entry = new Admission(limits, clock, meters, new BodyLimit(meters,
        new SignatureInspection(hosts.base(), signatures,
            new ActivityReader(
                new ActivityShapes(
                    new OriginRules(hosts, local, flags, blocks,
                        new Authentication(keys,
                            new LinkedDataCheck(contexts, fetcher,
                                new ProofCheck(keys, handlers)))))))));
  }

  /**
   * A POST to {@code target}'s inbox, or to the shared inbox ({@code target} null). Answered exactly
   * once; every answer carries {@code Accept-Signature}, asking for RFC 9421 with Ed25519, which a
   * sender signs many times faster than RSA.
   */
  public void receive(HttpServerRequest req, @Nullable HostedCollective target) {
    req.response().putHeader("accept-signature", HttpSignatures.ACCEPT_ED25519);
    entry.receive(req, target);
  }

  /** On open: what {@code h} accepted within the replay window counts as seen, and its remote objects are rebuilt. */
  public void restore(HostedCollective h) {
    acceptance.restore(h, objects);
  }

  /** Called with each accepted activity once it is durable, before its sender has the 202, on a Vert.x thread. */
  public void onInbound(Consumer<InboundActivity> listener) {
    acceptance.onInbound(listener);
  }
}
