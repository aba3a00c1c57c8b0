package coop.lattice.federation.node;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Progress;
import coop.lattice.collective.Collective;
import coop.lattice.federation.DeadLetter;
import coop.lattice.federation.FollowRequest;
import coop.lattice.federation.FollowState;
import coop.lattice.federation.InboundActivity;
import coop.lattice.federation.MirroredLedger;
import coop.lattice.federation.Partners;
import coop.lattice.federation.WitnessStatus;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Hosts;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.http.Signing;
import coop.lattice.federation.inbox.Inbox;
import coop.lattice.federation.mirror.TradeRelay;
import coop.lattice.federation.outbox.Deliveries;
import coop.lattice.federation.rdf.ContextFetcher;
import coop.lattice.federation.rdf.LinkedData;
import coop.lattice.federation.server.GuardedServer;
import coop.lattice.federation.server.ServerInstances;
import coop.lattice.federation.social.FollowBook;
import coop.lattice.federation.sparql.GraphFeed;
import coop.lattice.federation.sparql.NetworkLinkedData;
import coop.lattice.ledger.RepairStatement;
import coop.lattice.ledger.SignedCheckpoint;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import coop.lattice.wall.Wall;
import java.net.URI;
import java.time.ZoneOffset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;

/**
 * A Lattice node: one Vert.x HTTP server hosting collectives as ActivityStreams {@code Group}
 * actors, with WebFinger (RFC 7033), NodeInfo 2.1, content-negotiated actor documents, an inbox
 * per actor and a shared inbox, and the outbox and followers as paged ordered collections. Every
 * ledger entry of a hosted collective goes to its followers as a {@code Create}.
 *
 * <p>Inbound, nothing runs before authentication: the body is capped (1 MiB), the HTTP signature
 * is checked without the key (coverage, date window, digest), the document is parsed under
 * limits, the ids must share the signer's origin and none may claim this node's, the key is
 * fetched through the {@link coop.lattice.federation.net.SafeClient SafeClient} and must be owned by the activity's actor, and only
 * then does the signature verify. An activity id is accepted once: a replay is refused for as
 * long as its signature could still pass the date window. The steps are the {@code inbox} package's,
 * the paths the {@code routes} package's; this class builds them, starts and stops the server, and
 * carries the commands an application gives, with facets for {@link #defences}, {@link #awaits} and
 * the {@link #wall}.
 *
 * <p>Observability: notable events are logged through SLF4J (the application picks the provider),
 * meters named {@code lattice.*} go to the {@link NodeBuilder#meterRegistry MeterRegistry} the
 * application supplies, and {@code GET /health} answers 200 or 503 with the reasons (journals that
 * take no appends, deliveries stuck for longer than the {@link NodeBuilder#healthAlarm alarm} allows).
 *
 * <pre>{@code
 * FederationNode node = FederationNode.builder(vertx, URI.create("https://food.example"), dir)
 *     .collective(coop).build();
 * node.start(8080, "0.0.0.0").toCompletionStage().toCompletableFuture().get();
 * }</pre>
 */
public final class FederationNode {
  private final Vertx vertx;
  private final NodeParts parts;
  private final Hosts hosts;
  private final FollowBook follows;
  private final Deliveries deliveries;
  private final Inbox inbox;
  private final ServerInstances servers;
  private final PartnerWatch partners;
  private final AutoCheckpoints checkpoints;
  private final Awaits awaits;
  private final Defences defences;
  private final KeyRecoveries keyRecoveries;
  private final Wall wall;

  FederationNode(NodeBuilder b) {
    this.vertx = b.vertx;
    this.wall = b.wall != null ? b.wall : Wall.create(b.clock, ZoneOffset.UTC, b.dir.resolve("calendar-tokens"));
    this.parts = NodeParts.assemble(b, wall);
    this.servers = new ServerInstances(b.vertx, new GuardedServer(b.vertx, b.serverLimits), parts.router()::handle);
    this.hosts = parts.hosts();
    this.follows = parts.follows();
    this.deliveries = parts.deliveries();
    this.inbox = parts.inbox();
    this.partners = parts.partners();
    this.awaits = new Awaits(hosts, parts.mirror(), parts.flags());
    this.defences = new Defences(parts.flags(), parts.evidence(), parts.blocks());
    this.keyRecoveries = new KeyRecoveries(hosts, parts.recovery());
    this.checkpoints = new AutoCheckpoints(b.checkpointEntries, b.checkpointEvery, b.clock, parts.broadcasts(), follows);
    b.collectives.forEach(this::hostNow);
  }

  private HostedCollective hostNow(Collective c) {
    HostedCollective h = hosts.add(c);
    inbox.restore(h);
    deliveries.host(h, follows.of(h).inboxes());
    String actor = h.actor().toString();
    AtomicLong durable = new AtomicLong(c.ledger().size()); // what listeners were told of: durable, not just appended
    parts.linked().follow(actor, () -> new GraphFeed.View(c.ledger()::entry, durable.get(), c.ledger()::root));
    c.onEntry(e -> {
      if (hosts.find(h.id()).orElse(null) == h) {
        deliveries.kick(h);
        checkpoints.grew(h);
        awaits.entered(h, e);
        durable.accumulateAndGet(e.sequence() + 1, Math::max);
        parts.linked().grew(actor);
      }
    });
    return h;
  }

  /** How a node is set up; only the Vert.x instance, the base URL and the directory are required. */
  public static NodeBuilder builder(Vertx vertx, URI base, Path dir) {
    return new NodeBuilder(vertx, base, dir);
  }

  // ------------------------------------------------------------------------------------ lifecycle

  /**
   * Listens on {@code host}:{@code port} (0 for any free port) on one event loop; completes with the port.
   * The server keeps the {@link NodeBuilder#serverLimits ServerLimits}: late request headers or
   * bodies, silent connections and connections over the per-address cap are closed.
   */
  public Future<Integer> start(int port, String host) {
    return start(port, host, 1);
  }

  /**
   * Listens on {@code host}:{@code port} with {@code instances} servers, each on an event loop
   * of its own (one per core is the usual choice); Vert.x spreads connections among them.
   */
  public Future<Integer> start(int port, String host, int instances) {
    return deliveries.loops().start(vertx, instances).compose(v -> servers.listen(port, host, instances))
        .onSuccess(p -> hosts.all().forEach(h -> {
          deliveries.kick(h);
          parts.witnesses().ask(h); // a rollback of this node's disk shows here; asked off the start's path
        })).onSuccess(p -> checkpoints.start(vertx, hosts)).onSuccess(p -> parts.rounds().start(vertx, hosts));
  }

  /** Stops sending, closes the servers and the client, then the node's logs. */
  public Future<Void> stop() {
    parts.linked().close(); // first: its writers read the ledgers and copies closed below
    checkpoints.stop(vertx);
    parts.rounds().stop(vertx);
    deliveries.stop();
    parts.mirror().close();
    return servers.close().compose(v -> deliveries.loops().stop(vertx)).compose(v -> parts.client().close())
        .onComplete(v -> parts.store().close()).mapEmpty();
  }

  /** Hosts {@code collective} on the running node; deliveries to its followers resume from their cursors. */
  public void host(Collective collective) {
    deliveries.kick(hostNow(collective));
  }

  /**
   * Stops hosting {@code collective}: its URLs answer 404, nothing more is sent for it; its node state
   * stays, so hosting it again carries on. The collective itself (its journal) is the caller's to close.
   */
  public void unhost(CollectiveId collective) {
    HostedCollective h = hosts.remove(collective);
    deliveries.unhost(h);
    parts.linked().forget(h.actor().toString());
  }

  /** The collectives this node hosts now. */
  public List<CollectiveId> hosted() {
    return hosts.all().stream().map(HostedCollective::collectiveId).toList();
  }

  // ------------------------------------------------------------------------------------ views

  /** The wall this node serves to browsers and calendars (members' calendar tokens: {@link Wall#calendarTokens()}). */
  public Wall wall() {
    return wall;
  }

  public URI actor(CollectiveId collective) {
    return hosts.get(collective).actor();
  }

  /** Who follows {@code collective}, by actor id, with their inboxes. */
  public Map<String, String> followers(CollectiveId collective) {
    return follows.of(hosts.get(collective)).followers();
  }

  /** Activities accepted for {@code collective} since the node started, oldest first (the latest 10,000). */
  public List<InboundActivity> inbound(CollectiveId collective) {
    return hosts.get(collective).inbound();
  }

  /**
   * The activities accepted for {@code collective} as one RDF graph, read from their exact JSON (the
   * fast path, else Jena's reader). An activity that names a context not learned yet is left out until
   * it is ({@link #onContextFetched}), as is one whose graph would not name the id and actor authorized.
   */
  public Graph inboundGraph(CollectiveId collective) {
    return LinkedData.graphOf(parts.contexts(), inbound(collective));
  }

  /** Called after each attempt to learn a JSON-LD context (fetched off the inbox path, kept on disk). */
  public void onContextFetched(Consumer<ContextFetcher.Attempt> listener) {
    parts.contextFetcher().onAttempt(listener);
  }

  /** Called with each accepted activity once durable, before its 202 is sent, on a Vert.x thread; keep it quick. */
  public void onInbound(Consumer<InboundActivity> listener) {
    inbox.onInbound(listener);
  }

  /** Each actor {@code collective} sent a follow to, with where that follow stands. */
  public Map<String, FollowState> following(CollectiveId collective) {
    return follows.of(hosts.get(collective)).following();
  }

  /** Where a follow this node sent stands. */
  public Optional<FollowState> followState(CollectiveId collective, String followId) {
    return follows.of(hosts.get(collective)).state(followId);
  }

  /**
   * Whether new followers of {@code collective} wait for its approval ({@link #approveFollower},
   * {@link #declineFollower}) instead of being accepted at once; off by default. Durable.
   */
  public void requireFollowerApproval(CollectiveId collective, boolean required) {
    follows.approvals(hosts.get(collective)).require(required);
  }

  /** The follows of {@code collective} waiting for its approval, oldest first. */
  public List<FollowRequest> followRequests(CollectiveId collective) {
    return follows.approvals(hosts.get(collective)).waiting();
  }

  /** Approves {@code actor}'s waiting follow of {@code collective}; completes once their inbox took the Accept. */
  public Future<Void> approveFollower(CollectiveId collective, String actor) {
    return parts.followAnswers().approve(hosts.get(collective), actor);
  }

  /** Declines {@code actor}'s waiting follow of {@code collective}; completes once their inbox took the Reject. */
  public Future<Void> declineFollower(CollectiveId collective, String actor) {
    return parts.followAnswers().decline(hosts.get(collective), actor);
  }

  /** What the node holds against remote actors: flags with their evidence, and blocks ({@link Defences}). */
  public Defences defences() {
    return defences;
  }

  /** Futures for what happens between collectives: trade stages, mirrors verified, partners flagged ({@link Awaits}). */
  public Awaits awaits() {
    return awaits;
  }

  /** {@code collective}'s partners now: which falter, and who covers the needs they covered ({@link Partners}). */
  public Partners partners(CollectiveId collective) {
    return partners.of(hosts.get(collective));
  }

  /** Activities that could not be delivered, oldest first; none is ever dropped. */
  public List<DeadLetter> deadLetters() {
    return deliveries.deadLetters();
  }

  /** How many ledger entries inboxes have taken since the node started. */
  public long delivered() {
    return deliveries.delivered();
  }

  /** Called with (inbox, entry) each time an inbox took an entry. */
  public void onDelivered(BiConsumer<String, Long> listener) {
    deliveries.onDelivered(listener);
  }

  /**
   * How deliveries to {@code authority} are signed now: RFC 9421 with the RSA key for a new host,
   * with the Ed25519 key once the host asked for it, draft-cavage while it refuses RFC 9421.
   */
  public Signing signing(String authority) {
    return deliveries.signingFor(authority);
  }

  /** The signature scheme deliveries to {@code authority} use now: {@link #signing}'s scheme. */
  public HttpSignatures.Scheme signatureScheme(String authority) {
    return signing(authority).scheme();
  }

  /** For tests in this package: the hosted collective with its keys. */
  HostedCollective hostedForTests(CollectiveId id) {
    return hosts.get(id);
  }

  // ------------------------------------------------------------------------------------ commands

  /** {@code collective} follows the actor at {@code remote}: completes with the follow's id once its inbox took it. */
  public Future<String> follow(CollectiveId collective, URI remote) {
    return parts.followRequests().follow(hosts.get(collective), remote);
  }

  /** Finds a remote actor by WebFinger ({@code acct:user@host}), fetched as {@code collective}; completes with its id. */
  public Future<URI> lookup(CollectiveId collective, String acct, String scheme) {
    return parts.lookup().lookup(hosts.get(collective), acct, scheme);
  }

  /** Signs a checkpoint of {@code collective}'s ledger now and sends it, with a proof, to each follower's inbox once. */
  public Future<SignedCheckpoint> publishCheckpoint(CollectiveId collective) {
    HostedCollective h = hosts.get(collective);
    return parts.broadcasts().checkpoint(h, follows.of(h).inboxes());
  }

  /**
   * Declares, signed, that {@code collective}'s ledger as it is now is the last good one and what
   * followers may hold beyond it was replaced on purpose ({@code kind}: truncation, restore or
   * migration, with why), and tells the followers; their mirrors accept it or flag the collective,
   * as their agreements say ({@link NodeBuilder#acceptRepairs}). Completes once every inbox took it.
   */
  public Future<RepairStatement> announceRepair(CollectiveId collective, String kind, String reason) {
    HostedCollective h = hosts.get(collective);
    return parts.broadcasts().repair(h, kind, reason, follows.of(h).inboxes());
  }

  /** The network's ledgers as linked data ({@code /sparql}): queries, and waiting until the store is current. */
  public NetworkLinkedData linkedData() {
    return parts.linkedData();
  }

  /** The recovery of a lost ledger key with partners, and the collectives' part as partners' witnesses. */
  public KeyRecoveries keyRecoveries() {
    return keyRecoveries;
  }

  /** What {@code collective}'s witnesses have cosigned, and whether it is held. */
  public WitnessStatus witnesses(CollectiveId collective) {
    return parts.witnesses().status(hosts.get(collective));
  }

  /**
   * Asks {@code collective}'s witnesses for the newest checkpoint of it they verified; if one shows
   * that its ledger was rolled back or forked, the collective is held (its deliveries wait, and
   * {@code /health} says why) until {@link #carryOn}. Done on start too.
   */
  public Future<WitnessStatus> checkWitnesses(CollectiveId collective) {
    return parts.witnesses().ask(hosts.get(collective));
  }

  /** An operator's decision that a held collective carries on all the same; logged, and deliveries resume. */
  public void carryOn(CollectiveId collective, String decision) {
    HostedCollective h = hosts.get(collective);
    parts.witnesses().carryOn(h, decision);
    deliveries.kick(h);
  }

  /**
   * Rotates {@code collective}'s actor keys (RSA-2048 and Ed25519, for HTTP signatures, under the same
   * ids), announced to its followers with an {@code Update} of the actor; its ledger key is {@code LedgerKeys}'.
   */
  public Future<Void> rotateKeys(CollectiveId collective) {
    HostedCollective h = hosts.get(collective);
    return parts.broadcasts().rotateKeys(h, follows.of(h).inboxes());
  }

  /**
   * Pulls the ledger behind {@code partnerActor} up to its latest signed checkpoint into a verified copy, as
   * {@code collective} ({@link MirroredLedger}); fails, and flags the partner, if it equivocates or serves a fork.
   */
  public Future<MirroredLedger> mirror(CollectiveId collective, URI partnerActor) {
    return parts.mirror().pull(partnerActor.toString(), hosts.get(collective));
  }

  /** As {@link #mirror(CollectiveId, URI)}, telling {@code progress} (on a Vert.x thread) how many entries the copy holds. */
  public Future<MirroredLedger> mirror(CollectiveId collective, URI partnerActor, Progress progress) {
    return parts.mirror().pull(partnerActor.toString(), hosts.get(collective), progress);
  }

  /**
   * Links {@code collective}'s partner {@code partner} to the actor that speaks for it: steps of
   * their trades in that actor's entries, addressed to {@code collective}, are relayed to it as
   * commands by {@code relay}, whom the collective must have appointed ({@code Trade.appointRelay});
   * {@code collective}'s own steps of those trades are addressed to {@code partnerActor} alone.
   * {@code collective} must follow the partner's actor to receive them.
   */
  public void linkPartner(CollectiveId collective, CollectiveId partner, URI partnerActor, MemberId relay) {
    hosts.get(collective);
    parts.trades().link(new TradeRelay.Link(collective, partner, partnerActor.toString(), relay));
  }

  /** Sends a dead letter again; completes when the inbox took it. */
  public Future<Void> replay(DeadLetter letter) {
    return deliveries.replay(letter, hosts.get(CollectiveId.of(letter.collective())));
  }
}
