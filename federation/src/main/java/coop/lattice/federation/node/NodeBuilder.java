package coop.lattice.federation.node;

import coop.lattice.collective.Collective;
import coop.lattice.federation.RateLimits;
import coop.lattice.federation.ServerLimits;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.net.SafeClient;
import coop.lattice.federation.outbox.DeliverySettings;
import coop.lattice.federation.outbox.FlowAlarm;
import coop.lattice.federation.sparql.FusekiGraphs;
import coop.lattice.federation.sparql.GraphSink;
import coop.lattice.federation.sparql.NetworkGraphs;
import coop.lattice.federation.sparql.SparqlEndpoint;
import coop.lattice.wall.Wall;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/** How a node is set up; only the Vert.x instance, the base URL and the directory are required. */
public final class NodeBuilder {
  final Vertx vertx;
  final URI base;
  final Path dir;
  Clock clock = Clock.systemUTC();
  Duration window = Duration.ofHours(1);
  AddressPolicy policy = AddressPolicy.publicOnly();
  DeliverySettings delivery = DeliverySettings.defaults();
  MeterRegistry meters = new CompositeMeterRegistry();
  FlowAlarm alarm = FlowAlarm.defaults();
  RateLimits rateLimits = RateLimits.defaults();
  boolean acceptRepairs = true;
  long checkpointEntries;
  Duration checkpointEvery = Duration.ZERO;
  Duration clearingGrace = Duration.ofMinutes(10);
  @Nullable NetworkGraphs linkedData;
  SparqlEndpoint.Limits sparqlLimits = SparqlEndpoint.Limits.DEFAULT;
  final List<GraphSink> remoteLinkedData = new ArrayList<>();
  ServerLimits serverLimits = ServerLimits.defaults();
  SafeClient.Limits outbound = SafeClient.Limits.DEFAULT;
  final List<Collective> collectives = new ArrayList<>();
  @Nullable Wall wall;

  NodeBuilder(Vertx vertx, URI base, Path dir) {
    this.vertx = vertx;
    this.base = base;
    this.dir = dir;
  }

  public NodeBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * The wall the node serves to browsers and calendars; by default one on the node's clock that
   * shows days in UTC and keeps members' calendar tokens in the node's directory ({@code
   * calendar-tokens}), so they survive a restart. Give one with the collective's own time zone
   * (and {@code Wall.create(clock, zone, dir.resolve("calendar-tokens"))} to keep that), and keep
   * it to issue members' calendar tokens ({@link Wall#calendarTokens()}).
   */
  public NodeBuilder wall(Wall wall) {
    this.wall = wall;
    return this;
  }

  /** The date window for inbound signatures (one hour by default). */
  public NodeBuilder signatureWindow(Duration window) {
    this.window = window;
    return this;
  }

  /** Where outbound requests may go (public addresses only by default). */
  public NodeBuilder addressPolicy(AddressPolicy policy) {
    this.policy = policy;
    return this;
  }

  /** The source of jitter for retries; seed it in tests. */
  public NodeBuilder random(Random random) {
    delivery = delivery.withRandom(random);
    return this;
  }

  /** The first retry's delay before jitter (one second by default); each further retry doubles it. */
  public NodeBuilder retryBase(Duration retryBase) {
    delivery = delivery.withRetryBase(retryBase);
    return this;
  }

  /** How many deliveries may be in flight to one host at once (eight by default). */
  public NodeBuilder perHostConcurrency(int perHost) {
    delivery = delivery.withPerHost(perHost);
    return this;
  }

  /** After {@code failures} failed deliveries in a row a host is left alone for {@code open} (5 and a minute by default). */
  public NodeBuilder circuitBreaker(int failures, Duration open) {
    delivery = delivery.withBreaker(failures, open);
    return this;
  }

  /**
   * How long a host that refused RFC 9421 and took draft-cavage is signed with cavage before
   * RFC 9421 is tried again (a day by default).
   */
  public NodeBuilder rfc9421Again(Duration after) {
    delivery = delivery.withRfc9421Again(after);
    return this;
  }

  /**
   * Where the node's meters go ({@code lattice.inbox.*}, {@code lattice.deliveries.*}, {@code
   * lattice.mirror.*}: see the README); by default nowhere (an empty composite registry). Give
   * each node a registry of its own, or a common tag that tells them apart: a gauge registered
   * twice under one name and tags reports the first node only.
   */
  public NodeBuilder meterRegistry(MeterRegistry registry) {
    this.meters = registry;
    return this;
  }

  /**
   * When {@code GET /health} says deliveries are stuck (503): a host or an inbox failing for
   * longer than {@code stuckFor}, or more than {@code deadLetters} dead letters within it (15
   * minutes and 10 by default).
   */
  public NodeBuilder healthAlarm(Duration stuckFor, int deadLetters) {
    this.alarm = new FlowAlarm(stuckFor, deadLetters);
    return this;
  }

  /**
   * How many requests an inbox admits from one address and for one origin before any signature
   * work ({@link RateLimits#defaults()}: 2,000 and 1,000 each ten seconds); over that, 429 with
   * {@code Retry-After}.
   */
  public NodeBuilder rateLimits(RateLimits limits) {
    this.rateLimits = limits;
    return this;
  }

  /**
   * How long the node's HTTP server waits for slow clients and how many connections one address
   * may hold ({@link ServerLimits#defaults()}: request headers within 10 s, the body within 30 s,
   * 60 s idle, 128 connections an address); slower clients are closed.
   */
  public NodeBuilder serverLimits(ServerLimits limits) {
    this.serverLimits = limits;
    return this;
  }

  /**
   * The total deadline of every outbound request: name lookup, connection, redirects and the
   * whole answer (10 s by default). Key fetches are outbound requests, so this also bounds how
   * long an inbound activity waits for its sender's key.
   */
  public NodeBuilder outboundDeadline(Duration deadline) {
    this.outbound = outbound.withDeadline(deadline);
    return this;
  }

  /**
   * Whether this node's mirrors accept a partner's declared repair (a signed statement that its
   * ledger after a last good checkpoint was replaced on purpose) and rebuild their copy, or flag the
   * partner instead; as the hosted collectives' agreement says. True by default.
   */
  public NodeBuilder acceptRepairs(boolean accept) {
    this.acceptRepairs = accept;
    return this;
  }

  /**
   * Signs and publishes each hosted collective's checkpoint by itself once {@code entries} of its
   * entries wait for one, and once the oldest of them has waited {@code every} (by the node's
   * clock), so partners' mirrors reach its newest entries without the application signing one. 0
   * and {@link Duration#ZERO} turn a trigger off; both are off by default (the launcher sets 1,000
   * entries and 10 minutes).
   */
  public NodeBuilder checkpointEvery(long entries, Duration every) {
    if (entries < 0 || every.isNegative()) {
      throw new IllegalArgumentException("checkpointEvery takes 0 or more entries and a duration of 0 or more (0"
          + " turns that trigger off), not " + entries + " and " + every);
    }
    this.checkpointEntries = entries;
    this.checkpointEvery = every;
    return this;
  }

  /**
   * How long a collective taking part in a clearing round waits, after the round's closing time,
   * for its coordinator's word (completed or lapsed) before it lets the round lapse on its own.
   * Default: 10 minutes. The coordinator decides before the closing time; the grace covers its
   * word still on the way.
   */
  public NodeBuilder clearingGrace(Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("clearingGrace takes a duration of 0 or more, not " + grace);
    }
    this.clearingGrace = grace;
    return this;
  }

  public NodeBuilder collective(Collective collective) {
    collectives.add(collective);
    return this;
  }

  /**
   * Where the node keeps the network's ledgers as linked data ({@link NetworkGraphs}: its own
   * collectives' and its verified copies', as their ValueFlows shapes), which its {@code /sparql}
   * endpoint queries. By default a TDB2 store in the node's directory ({@code linked-data/});
   * {@link NetworkGraphs#inMemory()} for tests. The node closes it when it stops.
   */
  public NodeBuilder linkedData(NetworkGraphs graphs) {
    this.linkedData = graphs;
    return this;
  }

  /**
   * Writes the same graphs to the Apache Jena Fuseki dataset at {@code dataset} too ({@link
   * FusekiGraphs}), for one query point over many nodes; the node's own store stays. A server that
   * is down is logged once and written again once it is back.
   */
  public NodeBuilder remoteLinkedData(URI dataset) {
    this.remoteLinkedData.add(new FusekiGraphs(dataset, outbound.deadline()));
    return this;
  }

  /** How long a query to {@code /sparql} may run and how many rows it may return ({@link SparqlEndpoint.Limits#DEFAULT}: 5 s, 10,000). */
  public NodeBuilder sparqlLimits(SparqlEndpoint.Limits limits) {
    this.sparqlLimits = limits;
    return this;
  }

  public FederationNode build() {
    return new FederationNode(this);
  }
}
