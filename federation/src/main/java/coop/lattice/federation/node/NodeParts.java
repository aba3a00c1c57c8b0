package coop.lattice.federation.node;

import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.federation.clearing.ClearingCounterparts;
import coop.lattice.federation.clearing.ClearingRelay;
import coop.lattice.federation.clearing.RoundKeeper;
import coop.lattice.federation.hosting.Addressees;
import coop.lattice.federation.hosting.Hosts;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.federation.hosting.RemoteDocuments;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.inbox.Inbox;
import coop.lattice.federation.mirror.Evidence;
import coop.lattice.federation.mirror.Flags;
import coop.lattice.federation.mirror.LedgerMirror;
import coop.lattice.federation.mirror.PartnerSteps;
import coop.lattice.federation.mirror.TradeCounterparts;
import coop.lattice.federation.mirror.TradeRelay;
import coop.lattice.federation.mirror.Witnesses;
import coop.lattice.federation.sparql.GraphFeed;
import coop.lattice.federation.sparql.NetworkGraphs;
import coop.lattice.federation.sparql.NetworkLinkedData;
import coop.lattice.federation.sparql.SparqlEndpoint;
import coop.lattice.federation.recovery.KeyRecovery;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.net.SafeClient;
import coop.lattice.federation.outbox.Broadcasts;
import coop.lattice.federation.outbox.Deliveries;
import coop.lattice.federation.rdf.ContextCache;
import coop.lattice.federation.rdf.ContextFetcher;
import coop.lattice.federation.rdf.Contexts;
import coop.lattice.federation.routes.Router;
import coop.lattice.federation.social.ActorLookup;
import coop.lattice.federation.social.Blocks;
import coop.lattice.federation.social.FollowAnswers;
import coop.lattice.federation.social.FollowBook;
import coop.lattice.federation.social.FollowRequests;
import coop.lattice.wall.Wall;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The parts of a node, each built once and handed to the parts that use it through their
 * constructors: the wiring diagram of the federation module, in one place.
 */
record NodeParts(NodeStore store, Hosts hosts, SafeClient client, FollowBook follows, Deliveries deliveries,
    Broadcasts broadcasts, FollowRequests followRequests, FollowAnswers followAnswers, ActorLookup lookup,
    Flags flags, Evidence evidence, Witnesses witnesses, KeyRecovery recovery,
    LedgerMirror mirror, TradeRelay trades, Blocks blocks, Contexts contexts, ContextFetcher contextFetcher,
    Inbox inbox, PartnerWatch partners, RoundKeeper rounds, GraphFeed linked, NetworkLinkedData linkedData,
    Router router) {

  static NodeParts assemble(NodeBuilder b, Wall wall) {
    Vertx vertx = b.vertx;
    URI base = b.base;
    Path dir = b.dir;
    Clock clock = b.clock;
    AddressPolicy policy = b.policy;
    MeterRegistry meters = b.meters;
    NodeStore store = new NodeStore(dir);
    Hosts hosts = new Hosts(base, dir);
    SafeClient client = new SafeClient(vertx, policy, b.outbound);
    RemoteDocuments documents = new RemoteDocuments(client, clock);
    FollowBook follows = new FollowBook(store);
    TradeRelay trades = new TradeRelay(store);
    ClearingRelay clearing = new ClearingRelay(store, trades);
    // A trade step names its counterpart, and only it; a round's step the collectives that take it.
    Addressees addressees = new TradeCounterparts(trades).and(new ClearingCounterparts(trades));
    Deliveries deliveries = new Deliveries(vertx, client, store, clock, b.delivery, meters, addressees);
    Flags flags = new Flags(store, meters);
    Evidence evidence = new Evidence(store);
    LedgerMirror mirror = new LedgerMirror(client, flags, evidence, b.acceptRepairs, clock, meters, store);
    Blocks blocks = new Blocks(store);
    // A partner's recovery of its ledger key is taken only if a collective known here countersigned it.
    mirror.hostedKeys(actor -> hosts.firstActorIn(List.of(actor)).map(h -> h.collective().ledger().keys()));
    Witnesses witnesses = new Witnesses(store, client, clock);
    KeyRecovery recovery = new KeyRecovery(deliveries, mirror, clock);
    Contexts contexts = new Contexts();
    ContextFetcher contextFetcher = new ContextFetcher(vertx, new SafeClient(vertx, policy,
        new SafeClient.Limits(b.outbound.deadline(), ContextCache.MAX_BYTES, 5)), contexts,
        new ContextCache(dir, contexts));
    Inbox inbox = new Inbox(vertx, clock, hosts, store, new HttpSignatures(clock, b.window), documents, flags, mirror,
        trades, PartnerSteps.all(trades, clearing), follows, deliveries, blocks, witnesses, recovery, contexts, contextFetcher,
        b.rateLimits, meters);
    Broadcasts broadcasts = new Broadcasts(deliveries, clock);
    // A partner found to equivocate: every hosted collective tells its followers, with the proof.
    mirror.onEquivocation((actor, proof) -> hosts.all().forEach(h ->
        broadcasts.equivocation(h, actor, proof, follows.of(h).inboxes())));
    // A partner's checkpoint verified: the collective that pulled it cosigns it, as its witness.
    mirror.onVerified((actor, as, checkpoint) -> broadcasts.cosign(as, actor, checkpoint));
    // A collective whose witnesses saw another history sends nothing until an operator decides.
    deliveries.holdWhile(witnesses::isHeld);
    PartnerWatch partners = new PartnerWatch(trades, deliveries, flags, b.alarm, clock);
    // The network's ledgers as linked data: the hosted collectives' (FederationNode.hostNow) and each verified copy.
    NetworkGraphs graphs = b.linkedData != null ? b.linkedData : NetworkGraphs.onDisk(dir.resolve("linked-data"));
    GraphFeed linked = new GraphFeed(graphs, b.remoteLinkedData, actor -> open(actor, hosts, mirror, flags, clock));
    mirror.onVerified((actor, as, checkpoint) -> linked.follow(actor, () -> copy(mirror, actor)));
    mirror.mirrored().forEach(actor -> linked.follow(actor, () -> copy(mirror, actor))); // copies read back on start
    SparqlEndpoint sparql = new SparqlEndpoint(graphs, () -> linked.followed().stream()
        .filter(actor -> open(actor, hosts, mirror, flags, clock)).collect(Collectors.toSet()), b.sparqlLimits);
    return new NodeParts(store, hosts, client, follows, deliveries, broadcasts,
        new FollowRequests(documents, follows, deliveries), new FollowAnswers(follows, deliveries),
        new ActorLookup(client, documents), flags, evidence, witnesses, recovery,
        mirror, trades,
        blocks, contexts, contextFetcher, inbox, partners, new RoundKeeper(clearing, mirror, trades, clock,
        b.clearingGrace), linked, new NetworkLinkedData(linked, sparql),
        new Router(hosts, inbox, follows, mirror, witnesses,
        deliveries, b.alarm, addressees, wall, partners::signals, vertx, sparql));
  }

  /** A partner's verified copy as the linked-data feed reads it: its entries up to the checkpoint it was verified against. */
  private static GraphFeed.View copy(LedgerMirror mirror, String actor) {
    return mirror.view(actor).map(v -> new GraphFeed.View(v::entry,
        v.verified().map(cp -> cp.checkpoint().size()).orElse(0L), v::root)).orElse(GraphFeed.View.EMPTY);
  }

  /**
   * Whether the linked data of the collective at {@code actor} may be answered and published: hosted
   * here, or a copy here of an unflagged partner, and its agreements leave it open ({@code sparql-endpoint}).
   */
  private static boolean open(String actor, Hosts hosts, LedgerMirror mirror, Flags flags, Clock clock) {
    if (flags.why(actor).isPresent()) {
      return false;
    }
    Optional<Parameters> p = hosts.firstActorIn(List.of(actor)).map(h -> h.collective().agreements().parameters())
        .or(() -> mirror.view(actor).map(v -> v.parameters(clock.instant())));
    return p.map(x -> x.get(Parameter.SPARQL_ENDPOINT).equals("open")).orElse(false);
  }
}
