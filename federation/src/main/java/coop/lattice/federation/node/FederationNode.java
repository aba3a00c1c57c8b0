package coop.lattice.federation.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.CollectiveId;
import coop.lattice.collective.Collective;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.http.SignatureRejected;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.net.SafeClient;
import coop.lattice.federation.rdf.LinkedData;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.LedgerJson;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.IDN;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A Lattice node: one Vert.x HTTP server hosting collectives as ActivityStreams {@code Group}
 * actors, with WebFinger (RFC 7033), NodeInfo 2.1, content-negotiated actor documents, an inbox
 * per actor and a shared inbox, and the outbox and followers as paged ordered collections. Every
 * ledger entry of a hosted collective goes to its followers as a {@code Create}.
 *
 * <p>Inbound, nothing runs before authentication: the body is capped (1 MiB), the HTTP signature
 * is checked without the key (coverage, date window, digest), the document is parsed under
 * limits, the ids must share the signer's origin and none may claim this node's, the key is
 * fetched through the {@link SafeClient} and must be owned by the activity's actor, and only
 * then does the signature verify. An activity id is accepted once, forever.
 *
 * <pre>{@code
 * FederationNode node = FederationNode.builder(vertx, URI.create("https://food.example"), dir)
 *     .collective(coop).build();
 * node.start(8080, "0.0.0.0");
 * }</pre>
 */
public final class FederationNode {
  static final String AS = "https://www.w3.org/ns/activitystreams";
  static final String PUBLIC = AS + "#Public";
  static final String AP_TYPE = "application/activity+json";
  static final int PAGE = 50;
  private static final Buffer ACCEPTED = Buffer.buffer("{\"status\":\"accepted\"}");

  private final Vertx vertx;
  private final URI base;
  private final NodeStore store;
  private final Clock clock;
  private final HttpSignatures signatures;
  private final SafeClient client;
  private final Map<String, Hosted> hosted = new LinkedHashMap<>();
  private final KeyCache keys;
  private final Deliveries deliveries;
  private final TradeRelay trades;
  private final RemoteObjects objects;
  private final LedgerMirror mirror;
  private final List<Consumer<InboundActivity>> listeners = new CopyOnWriteArrayList<>();
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

  /** A hosted collective with its keys, followers and follows. */
  final class Hosted {
    final Collective collective;
    final String id;
    final URI actor;
    volatile ActorKeys keys;
    /** Follower actor -> inbox. */
    final Map<String, String> followers = new ConcurrentHashMap<>();
    /** Follow activity id -> the actor it was sent to. */
    final Map<String, String> sentFollows = new ConcurrentHashMap<>();
    final Map<String, String> followStates = new ConcurrentHashMap<>();
    final List<InboundActivity> inbound = java.util.Collections.synchronizedList(new ArrayList<>());

    Hosted(Collective collective) {
      this.collective = collective;
      this.id = collective.id().value();
      this.actor = base.resolve("/collectives/" + id);
      this.keys = ActorKeys.loadOrCreate(store.dir().resolve(id).resolve("keys.properties"));
      store.log(id + "/followers").replay(line -> {
        String[] f = line.split("\t");
        if (f[0].equals("+")) {
          followers.put(f[1], f[2]);
        } else {
          followers.remove(f[1]);
        }
      });
      store.remember(id + "/inbound");
      store.log(id + "/inbound").replay(line -> {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          objects.replay(line.substring(tab + 1).getBytes(StandardCharsets.UTF_8));
        }
      });
      store.log(id + "/following").replay(line -> {
        String[] f = line.split("\t");
        if (f[0].equals("sent")) {
          sentFollows.put(f[1], f[2]);
          followStates.put(f[1], "pending");
        } else {
          followStates.put(f[1], f[0]);
        }
      });
    }

    String keyId() {
      return actor + "#main-key";
    }
  }

  private FederationNode(Builder b) {
    this.vertx = b.vertx;
    this.base = b.base;
    this.store = new NodeStore(b.dir);
    this.clock = b.clock;
    this.signatures = new HttpSignatures(b.clock, b.window);
    this.client = new SafeClient(b.vertx, b.policy, SafeClient.Limits.DEFAULT);
    this.keys = new KeyCache(client, b.clock);
    this.objects = new RemoteObjects();
    for (Collective c : b.collectives) {
      hosted.put(c.id().value(), new Hosted(c));
    }
    this.trades = new TradeRelay(store);
    this.mirror = new LedgerMirror(client, store, b.clock);
    this.deliveries = new Deliveries(vertx, client, store, clock, b.random, b.retryBase, b.perHost, b.breakAfter, b.breakFor);
    for (Hosted h : hosted.values()) {
      deliveries.host(h);
      h.collective.onEntry(e -> deliveries.kick(h));
    }
  }

  public static Builder builder(Vertx vertx, URI base, Path dir) {
    return new Builder(vertx, base, dir);
  }

  /** How a node is set up; only the Vert.x instance, the base URL and the directory are required. */
  public static final class Builder {
    private final Vertx vertx;
    private final URI base;
    private final Path dir;
    private Clock clock = Clock.systemUTC();
    private Duration window = Duration.ofHours(1);
    private AddressPolicy policy = AddressPolicy.publicOnly();
    private java.util.Random random = new java.util.Random();
    private Duration retryBase = Duration.ofSeconds(1);
    private int perHost = Deliveries.PER_HOST;
    private int breakAfter = 5;
    private Duration breakFor = Duration.ofMinutes(1);
    private final List<Collective> collectives = new ArrayList<>();

    Builder(Vertx vertx, URI base, Path dir) {
      this.vertx = vertx;
      this.base = base;
      this.dir = dir;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** The date window for inbound signatures (one hour by default). */
    public Builder signatureWindow(Duration window) {
      this.window = window;
      return this;
    }

    /** Where outbound requests may go (public addresses only by default). */
    public Builder addressPolicy(AddressPolicy policy) {
      this.policy = policy;
      return this;
    }

    /** The source of jitter for retries; seed it in tests. */
    public Builder random(java.util.Random random) {
      this.random = random;
      return this;
    }

    /** The first retry's delay before jitter (one second by default); each further retry doubles it. */
    public Builder retryBase(Duration retryBase) {
      this.retryBase = retryBase;
      return this;
    }

    /** How many deliveries may be in flight to one host at once (eight by default). */
    public Builder perHostConcurrency(int perHost) {
      if (perHost < 1) {
        throw new IllegalArgumentException("at least one request in flight per host, not " + perHost);
      }
      this.perHost = perHost;
      return this;
    }

    /** After {@code failures} failed deliveries in a row a host is left alone for {@code open} (5 and a minute by default). */
    public Builder circuitBreaker(int failures, Duration open) {
      if (failures < 1 || open.isNegative()) {
        throw new IllegalArgumentException("a breaker opens after at least one failure, for a duration of zero or more");
      }
      this.breakAfter = failures;
      this.breakFor = open;
      return this;
    }

    public Builder collective(Collective collective) {
      collectives.add(collective);
      return this;
    }

    public FederationNode build() {
      return new FederationNode(this);
    }
  }

  // ------------------------------------------------------------------------------------ lifecycle

  /** Listens on {@code host}:{@code port} (0 for any free port) on one event loop; completes with the port. */
  public Future<Integer> start(int port, String host) {
    return start(port, host, 1);
  }

  /**
   * Listens on {@code host}:{@code port} with {@code instances} servers, each on an event loop
   * of its own (one per core is the usual choice); Vert.x spreads connections among them.
   */
  public Future<Integer> start(int port, String host, int instances) {
    HttpServer first = vertx.createHttpServer().requestHandler(this::handle);
    servers.add(first);
    return first.listen(port, host).compose(s -> {
      List<Future<HttpServer>> more = new ArrayList<>();
      for (int i = 1; i < instances; i++) {
        HttpServer another = vertx.createHttpServer().requestHandler(this::handle);
        servers.add(another);
        more.add(another.listen(s.actualPort(), host));
      }
      return Future.all(more).map(s.actualPort());
    }).onSuccess(p -> hosted.values().forEach(deliveries::kick));
  }

  public Future<Void> stop() {
    deliveries.stop();
    List<Future<Void>> closing = servers.stream().map(HttpServer::close).toList();
    return Future.all(closing).compose(v -> client.close()).onComplete(v -> store.close()).mapEmpty();
  }

  // ------------------------------------------------------------------------------------ views

  public URI actor(CollectiveId collective) {
    return hosted(collective).actor;
  }

  /** Who follows {@code collective}, by actor id, with their inboxes. */
  public Map<String, String> followers(CollectiveId collective) {
    return Map.copyOf(hosted(collective).followers);
  }

  /** Activities accepted for {@code collective}, oldest first. */
  public List<InboundActivity> inbound(CollectiveId collective) {
    List<InboundActivity> in = hosted(collective).inbound;
    synchronized (in) {
      return List.copyOf(in);
    }
  }

  /**
   * The activities accepted for {@code collective} as one RDF graph, read from their exact JSON
   * (the fast path, else Jena's reader, with the bundled contexts only). The JSON is what is
   * stored, since proofs are over it; the graph is derived from it and always the same.
   */
  public org.apache.jena.graph.Graph inboundGraph(CollectiveId collective) {
    org.apache.jena.graph.Graph all = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    for (InboundActivity a : inbound(collective)) {
      org.apache.jena.graph.Graph g;
      try {
        g = LinkedData.read(Json.parseObject(a.json()), a.json());
      } catch (java.io.IOException | LinkedData.Unreadable e) {
        throw new IllegalStateException("an accepted activity no longer reads as JSON-LD: " + a.id(), e);
      }
      g.find().forEachRemaining(all::add);
    }
    return all;
  }

  /**
   * Pulls the ledger of the collective behind {@code partnerActor} up to its latest signed
   * checkpoint into a verified copy (anti-entropy), as {@code collective}; completes with the
   * copy's state. Fails, and flags the partner, if it equivocates or serves entries that do not
   * match what it signed.
   */
  public Future<coop.lattice.collective.CollectiveState> mirror(CollectiveId collective, URI partnerActor) {
    return mirror.pull(partnerActor.toString(), hosted(collective));
  }

  /** Why {@code actor} is flagged (it equivocated, or served a ledger that does not match its checkpoint), if it is. */
  public Optional<String> flagged(String actor) {
    return mirror.flagged(actor);
  }

  /** Where a follow this node sent stands: {@code pending}, {@code accepted} or {@code rejected}. */
  public Optional<String> followState(CollectiveId collective, String followId) {
    return Optional.ofNullable(hosted(collective).followStates.get(followId));
  }

  /** Called with each accepted activity, on a Vert.x thread. */
  public void onInbound(Consumer<InboundActivity> listener) {
    listeners.add(listener);
  }

  public Deliveries deliveries() {
    return deliveries;
  }

  /** Sends a dead letter again; completes when the inbox took it. */
  public Future<Void> replay(Deliveries.DeadLetter letter) {
    return deliveries.replay(letter, hosted(CollectiveId.of(letter.collective())));
  }

  /** For tests in this package: the hosted collective with its keys. */
  Hosted hostedForTests(CollectiveId id) {
    return hosted(id);
  }

  private Hosted hosted(CollectiveId id) {
    Hosted h = hosted.get(id.value());
    if (h == null) {
      throw new IllegalArgumentException("this node does not host " + id);
    }
    return h;
  }

  // ------------------------------------------------------------------------------------ following

  /**
   * {@code collective} follows the remote actor at {@code remote}: fetches it, sends a signed
   * {@code Follow} to its inbox, and completes with the follow's id once the inbox took it.
   */
  public Future<String> follow(CollectiveId collective, URI remote) {
    Hosted h = hosted(collective);
    return keys.fetchDocument(remote.toString(), h).compose(doc -> {
      String inbox = Json.text(doc, "inbox").orElse("");
      if (inbox.isEmpty() || !sameOrigin(inbox, remote.toString())) {
        return Future.failedFuture(new IllegalStateException(remote + " has no inbox on its own origin"));
      }
      String followId = h.actor + "/follows/" + UUID.randomUUID();
      ObjectNode follow = Json.object();
      follow.put("@context", AS);
      follow.put("id", followId);
      follow.put("type", "Follow");
      follow.put("actor", h.actor.toString());
      follow.put("object", remote.toString());
      store.log(h.id + "/following").append("sent\t" + followId + "\t" + remote);
      h.sentFollows.put(followId, remote.toString());
      h.followStates.put(followId, "pending");
      return deliveries.sendOnce(h, inbox, Json.bytes(follow)).map(followId);
    });
  }

  /**
   * Finds a remote actor by WebFinger ({@code acct:user@host}) and fetches it, as {@code
   * collective} (for servers that require signed fetches). Completes with the actor's id.
   */
  public Future<URI> lookup(CollectiveId collective, String acct, String scheme) {
    Hosted h = hosted(collective);
    String handle = acct.startsWith("acct:") ? acct.substring(5) : acct.startsWith("@") ? acct.substring(1) : acct;
    int at = handle.lastIndexOf('@');
    if (at <= 0) {
      return Future.failedFuture(new IllegalArgumentException("\"" + acct + "\" is not user@host"));
    }
    String host = handle.substring(at + 1);
    String resource = java.net.URLEncoder.encode("acct:" + handle, StandardCharsets.UTF_8);
    HttpMessage get = HttpMessage.request("GET", scheme, host, "/.well-known/webfinger?resource=" + resource,
        new byte[0]).with("accept", "application/jrd+json, application/json");
    return client.send(get, m -> m).compose(r -> {
      if (r.status() != 200) {
        return Future.failedFuture(new IllegalStateException("WebFinger at " + host + " answered " + r.status()));
      }
      ObjectNode jrd;
      try {
        jrd = Json.parseObject(r.body());
      } catch (java.io.IOException e) {
        return Future.failedFuture(e);
      }
      String self = null;
      for (JsonNode link : jrd.path("links")) {
        String type = Json.text(link, "type").orElse("");
        if ("self".equals(Json.text(link, "rel").orElse("")) && (type.startsWith(AP_TYPE)
            || type.startsWith("application/ld+json"))) {
          self = Json.text(link, "href").orElse(null);
        }
      }
      if (self == null || !sameOrigin(self, scheme + "://" + host)) {
        return Future.failedFuture(new IllegalStateException("WebFinger at " + host + " names no actor on its own origin"));
      }
      String actor = self;
      return keys.fetchDocument(actor, h).map(doc -> URI.create(actor));
    });
  }

  /**
   * Signs a checkpoint of {@code collective}'s ledger as it is now and sends it to every
   * follower's inbox (each inbox once), with an FEP-8b32 proof. Completes with the checkpoint
   * once every inbox took it.
   */
  public Future<coop.lattice.ledger.SignedCheckpoint> publishCheckpoint(CollectiveId collective) {
    Hosted h = hosted(collective);
    coop.lattice.ledger.SignedCheckpoint cp = h.collective.checkpoint();
    byte[] body = Json.bytes(ObjectProofs.sign(Documents.checkpoint(h, cp), h.actor + "#ed25519-key",
        h.keys.ed25519Private(), clock.instant()));
    List<Future<Void>> sent = h.followers.values().stream().distinct()
        .map(inbox -> deliveries.sendOnce(h, inbox, body)).toList();
    return Future.all(sent).map(cp);
  }

  /**
   * Rotates {@code collective}'s keys: new RSA-2048 and Ed25519 keys under the same key ids,
   * stored atomically, announced to every follower's inbox with an {@code Update} of the actor
   * signed by the new keys (receivers that cached the old key fetch it again once).
   */
  public Future<Void> rotateKeys(CollectiveId collective) {
    Hosted h = hosted(collective);
    h.keys = ActorKeys.create(store.dir().resolve(h.id).resolve("keys.properties"));
    deliveries.forget(h);
    ObjectNode update = Json.object();
    update.put("@context", AS);
    update.put("id", h.actor + "/updates/" + UUID.randomUUID());
    update.put("type", "Update");
    update.put("actor", h.actor.toString());
    update.putArray("to").add(PUBLIC);
    ObjectNode actor = Documents.actor(h);
    actor.remove("@context");
    update.set("object", actor);
    byte[] body = Json.bytes(update);
    List<Future<Void>> sent = h.followers.values().stream().distinct()
        .map(inbox -> deliveries.sendOnce(h, inbox, body)).toList();
    return Future.all(sent).mapEmpty();
  }

  /**
   * Links {@code collective}'s partner {@code partner} to the actor that speaks for it: trade
   * steps in that actor's ledger entries that name {@code collective} are relayed to it as
   * commands by {@code relay}, whom the collective must have appointed on its ledger ({@code
   * Trade.appointRelay}: the logged delegation); otherwise the steps are refused. {@code
   * collective} must follow the partner's actor to receive them.
   */
  public void linkPartner(CollectiveId collective, CollectiveId partner, URI partnerActor, coop.lattice.MemberId relay) {
    hosted(collective);
    trades.link(new TradeRelay.Link(collective, partner, partnerActor.toString(), relay));
  }

  // ------------------------------------------------------------------------------------ routing

  private void handle(HttpServerRequest req) {
    String path = req.path();
    try {
      if (path.equals("/.well-known/webfinger")) {
        webfinger(req);
      } else if (path.equals("/.well-known/nodeinfo")) {
        ObjectNode link = Json.object();
        link.put("rel", "http://nodeinfo.diaspora.software/ns/schema/2.1");
        link.put("href", base.resolve("/nodeinfo/2.1").toString());
        ObjectNode doc = Json.object();
        doc.putArray("links").add(link);
        json(req, 200, "application/json", doc);
      } else if (path.equals("/nodeinfo/2.1")) {
        nodeinfo(req);
      } else if (path.equals("/inbox") && req.method().name().equals("POST")) {
        inbox(req, null);
      } else if (path.startsWith("/collectives/")) {
        collectiveRoute(req, path.substring("/collectives/".length()));
      } else {
        error(req, 404, "nothing here");
      }
    } catch (RuntimeException e) {
      error(req, 500, "internal error");
    }
  }

  private void collectiveRoute(HttpServerRequest req, String rest) {
    String[] parts = rest.split("/", -1);
    Hosted h = hosted.get(parts[0]);
    if (h == null) {
      error(req, 404, "no collective called " + parts[0] + " on this node");
      return;
    }
    String sub = parts.length > 1 ? String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length)) : "";
    boolean post = req.method().name().equals("POST");
    if (sub.equals("inbox") && post) {
      inbox(req, h);
      return;
    }
    if (post) {
      error(req, 405, "only the inbox takes POST");
      return;
    }
    if (!acceptsActivityJson(req)) {
      error(req, 406, "ask for application/activity+json or application/ld+json; profile=\"" + AS + "\"");
      return;
    }
    switch (sub) {
      case "" -> json(req, 200, AP_TYPE, Documents.actor(h));
      case "outbox" -> outbox(req, h);
      case "followers" -> followersCollection(req, h);
      case "following" -> json(req, 200, AP_TYPE, Documents.emptyCollection(h.actor + "/following"));
      case "checkpoint" -> {
        var cp = h.collective.ledger().latestCheckpoint();
        if (cp.isEmpty()) {
          error(req, 404, "no checkpoint has been signed yet");
        } else {
          req.response().putHeader("content-type", "text/plain; charset=utf-8").end(Buffer.buffer(cp.get().toBytes()));
        }
      }
      case "ledger" -> {
        long size = h.collective.ledger().size();
        long from = parsePage(Optional.ofNullable(req.getParam("from")).orElse("0"));
        long to = parsePage(Optional.ofNullable(req.getParam("to")).orElse(Long.toString(size)));
        if (from < 0 || to < from || to > size || to - from > LedgerMirror.PAGE) {
          error(req, 400, "ask for entries from..to within 0.." + size + ", at most " + LedgerMirror.PAGE + " at a time");
        } else {
          json(req, 200, "application/json", LedgerMirror.page(h.collective.ledger().entries(from, to)));
        }
      }
      default -> {
        if (sub.startsWith("entries/")) {
          entry(req, h, sub.substring("entries/".length()));
        } else {
          error(req, 404, "nothing here");
        }
      }
    }
  }

  private static boolean acceptsActivityJson(HttpServerRequest req) {
    String accept = Optional.ofNullable(req.getHeader("accept")).orElse("").toLowerCase(Locale.ROOT);
    return accept.contains("application/activity+json") || accept.contains("application/ld+json")
        || accept.contains("application/json") || accept.contains("*/*") && !accept.contains("text/html");
  }

  private void webfinger(HttpServerRequest req) {
    String resource = req.getParam("resource");
    if (resource == null || resource.isBlank()) {
      error(req, 400, "give a resource, such as acct:collective@" + base.getHost());
      return;
    }
    Hosted found = null;
    for (Hosted h : hosted.values()) {
      String acct = "acct:" + h.id + "@" + base.getAuthority();
      String acctHost = "acct:" + h.id + "@" + base.getHost();
      if (resource.equalsIgnoreCase(acct) || resource.equalsIgnoreCase(acctHost) || resource.equals(h.actor.toString())) {
        found = h;
      }
    }
    if (found == null) {
      error(req, 404, "no such resource on this node");
      return;
    }
    ObjectNode doc = Json.object();
    doc.put("subject", "acct:" + found.id + "@" + base.getHost());
    doc.putArray("aliases").add(found.actor.toString());
    ObjectNode self = doc.putArray("links").addObject();
    self.put("rel", "self");
    self.put("type", AP_TYPE);
    self.put("href", found.actor.toString());
    json(req, 200, "application/jrd+json", doc);
  }

  private void nodeinfo(HttpServerRequest req) {
    ObjectNode doc = Json.object();
    doc.put("version", "2.1");
    ObjectNode software = doc.putObject("software");
    software.put("name", "lattice");
    software.put("version", "0.1.0");
    software.put("homepage", "https://lattice.coop");
    doc.putArray("protocols").add("activitypub");
    doc.putObject("services").putArray("inbound");
    doc.withObject("services").putArray("outbound");
    doc.put("openRegistrations", false);
    ObjectNode usage = doc.putObject("usage");
    usage.putObject("users").put("total", hosted.size());
    long posts = hosted.values().stream().mapToLong(h -> h.collective.ledger().size()).sum();
    usage.put("localPosts", posts);
    doc.putObject("metadata").put("nodeName", "Lattice node");
    json(req, 200, "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"", doc);
  }

  private void outbox(HttpServerRequest req, Hosted h) {
    long size = h.collective.ledger().size();
    String page = req.getParam("page");
    String id = h.actor + "/outbox";
    if (page == null) {
      json(req, 200, AP_TYPE, Documents.orderedCollection(id, size, size == 0 ? null : id + "?page=0"));
      return;
    }
    long p = parsePage(page);
    if (p < 0) {
      error(req, 400, "page is a whole number from 0");
      return;
    }
    // Newest first, as ActivityStreams orders an outbox.
    List<JsonNode> items = new ArrayList<>();
    long from = size - 1 - p * PAGE;
    for (long i = from; i >= 0 && i > from - PAGE; i--) {
      items.add(Documents.create(h, h.collective.ledger().entry(i)));
    }
    String next = from - PAGE >= 0 ? id + "?page=" + (p + 1) : null;
    json(req, 200, AP_TYPE, Documents.page(id + "?page=" + p, id, items, next));
  }

  private void followersCollection(HttpServerRequest req, Hosted h) {
    List<String> all = h.followers.keySet().stream().sorted().toList();
    String id = h.actor + "/followers";
    String page = req.getParam("page");
    if (page == null) {
      json(req, 200, AP_TYPE, Documents.orderedCollection(id, all.size(), all.isEmpty() ? null : id + "?page=0"));
      return;
    }
    long p = parsePage(page);
    if (p < 0) {
      error(req, 400, "page is a whole number from 0");
      return;
    }
    List<JsonNode> items = new ArrayList<>();
    for (long i = p * PAGE; i < all.size() && i < (p + 1) * PAGE; i++) {
      items.add(com.fasterxml.jackson.databind.node.TextNode.valueOf(all.get((int) i)));
    }
    String next = (p + 1) * PAGE < all.size() ? id + "?page=" + (p + 1) : null;
    json(req, 200, AP_TYPE, Documents.page(id + "?page=" + p, id, items, next));
  }

  private void entry(HttpServerRequest req, Hosted h, String rest) {
    boolean activity = rest.endsWith("/activity");
    String n = activity ? rest.substring(0, rest.length() - "/activity".length()) : rest;
    long i = parsePage(n);
    if (i < 0 || i >= h.collective.ledger().size()) {
      error(req, 404, "no entry " + n);
      return;
    }
    Entry e = h.collective.ledger().entry(i);
    json(req, 200, AP_TYPE, activity ? Documents.create(h, e) : Documents.note(h, e));
  }

  private static long parsePage(String s) {
    try {
      long v = Long.parseLong(s);
      return v < 0 ? -1 : v;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  // ------------------------------------------------------------------------------------ inbox

  private void inbox(HttpServerRequest req, @Nullable Hosted target) {
    String length = req.getHeader("content-length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > Json.MAX_DOCUMENT) {
          req.response().putHeader("connection", "close");
          error(req, 413, "the body is larger than " + Json.MAX_DOCUMENT + " bytes");
          return;
        }
      } catch (NumberFormatException e) {
        error(req, 400, "Content-Length is not a number");
        return;
      }
    }
    Buffer body = Buffer.buffer();
    boolean[] over = {false};
    req.handler(chunk -> {
      if (over[0]) {
        return;
      }
      body.appendBuffer(chunk);
      if (body.length() > Json.MAX_DOCUMENT) {
        over[0] = true;
        req.response().putHeader("connection", "close");
        error(req, 413, "the body is larger than " + Json.MAX_DOCUMENT + " bytes");
      }
    });
    req.endHandler(v -> {
      if (!over[0]) {
        accept(req, target, body.getBytes());
      }
    });
  }

  private void accept(HttpServerRequest req, @Nullable Hosted target, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    MultiMap mm = req.headers();
    mm.forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
        .add(e.getValue()));
    String authority = Optional.ofNullable(req.getHeader("host")).orElse(base.getAuthority());
    HttpMessage m = new HttpMessage("POST", base.getScheme(), authority, req.uri(), headers, body);
    HttpSignatures.Signed signed;
    ObjectNode activity;
    try {
      signed = signatures.inspect(m);
    } catch (SignatureRejected e) {
      error(req, 401, "signature rejected: " + e.getMessage());
      return;
    }
    try {
      activity = Json.parseObject(body);
    } catch (java.io.IOException e) {
      error(req, 400, "not a JSON object within the limits: " + e.getMessage());
      return;
    }
    String id = Json.id(activity).orElse("");
    String actor = Json.id(activity.get("actor")).orElse("");
    String type = Json.text(activity, "type").orElse("");
    if (id.isEmpty() || actor.isEmpty() || type.isEmpty()) {
      error(req, 400, "an activity needs an id, a type and an actor");
      return;
    }
    if (!sameOrigin(id, actor) || !sameOrigin(signed.keyId(), actor)) {
      error(req, 401, "the activity, its actor and the signing key must share one origin");
      return;
    }
    if (sameOrigin(actor, base.toString())) {
      error(req, 403, "a remote activity cannot claim this node's origin");
      return;
    }
    Optional<String> flag = mirror.flagged(actor);
    if (flag.isPresent()) {
      error(req, 403, actor + " is flagged (" + flag.get() + "); nothing more is accepted from it");
      return;
    }
    JsonNode object = activity.get("object");
    if (object != null && object.isObject() && Json.id(object).filter(o -> !sameOrigin(o, actor)).isPresent()
        && !type.equals("Accept") && !type.equals("Reject") && !type.equals("Undo")) {
      error(req, 401, "an embedded object must share its actor's origin");
      return;
    }
    Hosted h = target != null ? target : addressee(activity).orElse(null);
    if (h == null) {
      error(req, 404, "the activity addresses no collective on this node");
      return;
    }
    keys.key(signed.keyId(), h).onComplete(ar -> {
      if (ar.failed()) {
        error(req, 401, "cannot obtain key " + signed.keyId() + ": " + ar.cause().getMessage());
        return;
      }
      verifyWithRefetch(req, h, signed, actor, ar.result(), true, key -> afterSignature(req, h, signed, activity,
          id, actor, type, body, key));
    });
  }

  /** Verifies with {@code key}; if a cached key fails, fetches it again once (the sender may have rotated it). */
  private void verifyWithRefetch(HttpServerRequest req, Hosted h, HttpSignatures.Signed signed, String actor,
      KeyCache.Key key, boolean mayRefetch, Consumer<KeyCache.Key> then) {
    if (!key.owner().equals(actor)) {
      error(req, 401, "key " + signed.keyId() + " belongs to " + key.owner() + ", not to the actor " + actor);
      return;
    }
    try {
      signed.verify(key.publicKey());
      then.accept(key);
    } catch (SignatureRejected e) {
      if (mayRefetch && key.cached()) {
        keys.forget(signed.keyId());
        keys.key(signed.keyId(), h).onComplete(again -> {
          if (again.failed()) {
            error(req, 401, "signature rejected: " + e.getMessage());
          } else {
            verifyWithRefetch(req, h, signed, actor, again.result(), false, then);
          }
        });
        return;
      }
      error(req, 401, "signature rejected: " + e.getMessage());
    }
  }

  private void afterSignature(HttpServerRequest req, Hosted h, HttpSignatures.Signed signed, ObjectNode activity,
      String id, String actor, String type, byte[] body, KeyCache.Key key) {
    // Authenticated; now it must be JSON-LD Lattice can read, offline: the fast path, or Jena's reader.
    try {
      LinkedData.check(activity, body);
    } catch (LinkedData.Unreadable e) {
      error(req, 400, e.getMessage());
      return;
    }
    if (!activity.has("proof")) {
      dispatch(req, h, activity, id, actor, type, body, key);
      return;
    }
    // An object proof (FEP-8b32) must verify too, with a key its actor owns.
    String method;
    try {
      method = ObjectProofs.verificationMethod(activity);
    } catch (SignatureRejected e) {
      error(req, 401, "proof rejected: " + e.getMessage());
      return;
    }
    if (!sameOrigin(method, actor)) {
      error(req, 401, "proof rejected: its key is not on the actor's origin");
      return;
    }
    keys.key(method, h).onComplete(pk -> {
      try {
        if (pk.failed()) {
          throw new SignatureRejected("cannot obtain key " + method + ": " + pk.cause().getMessage());
        }
        if (!pk.result().owner().equals(actor)) {
          throw new SignatureRejected("key " + method + " is not the actor's");
        }
        ObjectProofs.verify(activity, pk.result().publicKey());
      } catch (SignatureRejected e) {
        error(req, 401, "proof rejected: " + e.getMessage());
        return;
      }
      dispatch(req, h, activity, id, actor, type, body, key);
    });
  }

  private Optional<Hosted> addressee(ObjectNode activity) {
    List<String> targets = new ArrayList<>();
    for (String f : List.of("object", "to", "cc", "audience")) {
      JsonNode n = activity.get(f);
      if (n != null && n.isArray()) {
        n.forEach(x -> Json.id(x).ifPresent(targets::add));
      } else {
        Json.id(n).ifPresent(targets::add);
      }
    }
    JsonNode object = activity.get("object");
    if (object != null && object.isObject()) {
      Json.id(object.get("object")).ifPresent(targets::add);
      Json.id(object.get("actor")).ifPresent(targets::add);
    }
    return hosted.values().stream().filter(h -> targets.contains(h.actor.toString())).findFirst();
  }

  /**
   * Runs the activity's effect once its id is claimed. Invalid activities are refused before the
   * claim, so a refused id can come back corrected; a replay of an accepted one does nothing.
   */
  private void dispatch(HttpServerRequest req, Hosted h, ObjectNode activity, String id, String actor, String type,
      byte[] body, KeyCache.Key key) {
    if (store.seen(id)) {
      json(req, 202, "application/json", status("already accepted: nothing done again"));
      return;
    }
    switch (type) {
      case "Follow" -> {
        if (!Json.id(activity.get("object")).map(o -> o.equals(h.actor.toString())).orElse(false)) {
          error(req, 422, "this Follow is not for " + h.actor);
          return;
        }
        keys.fetchDocument(actor, h).onComplete(ar -> {
          String inbox = ar.succeeded() ? Json.text(ar.result(), "inbox").orElse("") : "";
          if (inbox.isEmpty() || !sameOrigin(inbox, actor)) {
            error(req, 422, "the follower's actor has no inbox on its own origin");
            return;
          }
          claimThen(req, h, type, id, actor, body, () -> {
            store.log(h.id + "/followers").append("+\t" + actor + "\t" + inbox);
            h.followers.put(actor, inbox);
            deliveries.follower(h, inbox);
          }, () -> {
            ObjectNode accept = Json.object();
            accept.put("@context", AS);
            accept.put("id", h.actor + "/accepts/" + UUID.randomUUID());
            accept.put("type", "Accept");
            accept.put("actor", h.actor.toString());
            accept.set("object", activity);
            deliveries.sendOnce(h, inbox, Json.bytes(accept));
          });
        });
      }
      case "Undo" -> {
        JsonNode object = activity.get("object");
        String undone = object != null && object.isObject() ? Json.text(object, "type").orElse("") : "";
        claimThen(req, h, type, id, actor, body, () -> {
          if (undone.equals("Follow") && h.followers.containsKey(actor)
              && Json.id(object.get("actor")).map(actor::equals).orElse(false)) {
            store.log(h.id + "/followers").append("-\t" + actor);
            h.followers.remove(actor);
          }
        }, () -> { });
      }
      case "Update" -> {
        JsonNode object = activity.get("object");
        String objectId = Json.id(object).orElse("");
        if (!sameOrigin(objectId, actor)) {
          error(req, 403, "an Update may only change its actor's own objects");
          return;
        }
        if (!objectId.equals(actor) && object != null && object.isObject()) {
          Optional<RemoteObjects.Refusal> refusal = objects.checkUpdate(actor, object);
          if (refusal.isPresent()) {
            error(req, refusal.get().status(), refusal.get().message());
            return;
          }
        }
        claimThen(req, h, type, id, actor, body, () -> {
          if (objectId.equals(actor)) {
            keys.forgetOwner(actor); // a rotated key is fetched afresh
          } else if (object != null && object.isObject()) {
            objects.put(actor, object);
          }
        }, () -> { });
      }
      case "Delete" -> {
        String objectId = Json.id(activity.get("object")).orElse("");
        if (objectId.isEmpty() || !sameOrigin(objectId, actor)) {
          error(req, 403, "a Delete may only remove its actor's own objects");
          return;
        }
        Optional<RemoteObjects.Refusal> refusal = objects.checkDelete(actor, objectId);
        if (refusal.isPresent()) {
          error(req, refusal.get().status(), refusal.get().message());
          return;
        }
        claimThen(req, h, type, id, actor, body, () -> objects.delete(actor, objectId), () -> { });
      }
      case "Accept", "Reject" -> {
        String followId = Json.id(activity.get("object")).orElse("");
        String sentTo = h.sentFollows.get(followId);
        if (sentTo == null || !sentTo.equals(actor)) {
          error(req, 422, type + " of " + followId + ", which this collective did not send to " + actor);
          return;
        }
        String state = type.equals("Accept") ? "accepted" : "rejected";
        claimThen(req, h, type, id, actor, body, () -> {
          store.log(h.id + "/following").append(state + "\t" + followId);
          h.followStates.put(followId, state);
        }, () -> { });
      }
      case "Create" -> {
        Optional<TradeRelay.Link> link = trades.link(actor, h.collective.id());
        JsonNode object = activity.get("object");
        if (object != null && object.isObject()) {
          Optional<RemoteObjects.Refusal> refusal = objects.checkCreate(actor, object);
          if (refusal.isPresent()) {
            error(req, refusal.get().status(), refusal.get().message());
            return;
          }
        }
        String entry = object != null && object.isObject() ? Json.text(object, "entry").orElse("") : "";
        if (link.isEmpty() || entry.isEmpty()) {
          claimThen(req, h, type, id, actor, body, () -> {
            if (object != null && object.isObject()) {
              objects.put(actor, object);
              Json.text(object, "checkpoint").ifPresent(cp -> mirror.offered(actor, cp));
            }
          }, () -> { });
          return;
        }
        if (!store.claim(id)) {
          json(req, 202, "application/json", status("already accepted: nothing done again"));
          return;
        }
        try {
          trades.relay(link.get(), h.collective, entry);
        } catch (RuntimeException e) {
          // The collective refused the step (or it did not parse): nothing was recorded; say why.
          store.release(id);
          error(req, 422, "the partner's trade step was refused: " + e.getMessage());
          return;
        }
        accepted(req, h, type, id, actor, body, () -> { });
      }
      default -> claimThen(req, h, type, id, actor, body, () -> { }, () -> { });
    }
  }

  /** Claims the id; if it is new, applies {@code effect}, records the activity, answers 202 once durable, then {@code after}. */
  private void claimThen(HttpServerRequest req, Hosted h, String type, String id, String actor, byte[] body,
      Runnable effect, Runnable after) {
    if (!store.claim(id)) {
      json(req, 202, "application/json", status("already accepted: nothing done again"));
      return;
    }
    effect.run();
    accepted(req, h, type, id, actor, body, after);
  }

  private void accepted(HttpServerRequest req, Hosted h, String type, String id, String actor, byte[] body,
      Runnable after) {
    InboundActivity a = new InboundActivity(h.collective.id(), type, id, actor, body, clock.instant());
    h.inbound.add(a);
    String line = id.replace('\t', ' ') + "\t" + new String(body, StandardCharsets.UTF_8).replace('\n', ' ');
    io.vertx.core.Context context = vertx.getOrCreateContext();
    store.appendDurably(h.id + "/inbound", line).whenComplete((v, e) -> context.runOnContext(z -> {
      if (e != null) {
        error(req, 503, "cannot store the activity now; send it again later");
        return;
      }
      req.response().setStatusCode(202).putHeader("content-type", "application/json").end(ACCEPTED);
      listeners.forEach(l -> l.accept(a));
      after.run();
    }));
  }

  // ------------------------------------------------------------------------------------ helpers

  /** Scheme, host (lower case, no trailing dot, IDNA) and port (default filled in) are equal. */
  static boolean sameOrigin(String a, String b) {
    String x = origin(a);
    return x != null && x.equals(origin(b));
  }

  /** {@code scheme://host:port}, normalized; null for what is not an absolute http(s) URL. */
  static @Nullable String origin(String url) {
    // The common case without java.net.URI: http(s)://authority with an ASCII host and no user info.
    int schemeEnd = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
    if (schemeEnd > 0) {
      int end = schemeEnd;
      while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
        end++;
      }
      String authority = url.substring(schemeEnd, end);
      boolean simple = !authority.isEmpty() && authority.chars().allMatch(c -> c < 0x80 && c != '@' && c != '['
          && c != ' ' && c != '%');
      if (simple) {
        String scheme = schemeEnd == 8 ? "https" : "http";
        int colon = authority.lastIndexOf(':');
        String h = colon >= 0 ? authority.substring(0, colon) : authority;
        int port;
        try {
          port = colon >= 0 ? Integer.parseInt(authority.substring(colon + 1)) : scheme.equals("https") ? 443 : 80;
        } catch (NumberFormatException e) {
          return null;
        }
        if (h.endsWith(".")) {
          h = h.substring(0, h.length() - 1);
        }
        return h.isEmpty() ? null : scheme + "://" + h.toLowerCase(Locale.ROOT) + ":" + port;
      }
    }
    try {
      URI u = URI.create(url);
      if (u.getScheme() == null) {
        return null;
      }
      String h = host(u);
      return h.isEmpty() ? null : u.getScheme().toLowerCase(Locale.ROOT) + "://" + h + ":" + port(u);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String host(URI u) {
    String h = u.getHost();
    if (h == null && u.getAuthority() != null) {
      // java.net.URI leaves a non-ASCII host unparsed: take it from the authority.
      String a = u.getAuthority();
      a = a.substring(a.lastIndexOf('@') + 1);
      int colon = a.lastIndexOf(':');
      h = colon > 0 && !a.endsWith("]") ? a.substring(0, colon) : a;
    }
    if (h == null) {
      return "";
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    boolean ascii = h.chars().allMatch(c -> c < 0x80);
    return (ascii ? h : IDN.toASCII(h, IDN.ALLOW_UNASSIGNED)).toLowerCase(Locale.ROOT);
  }

  private static int port(URI u) {
    int p = u.getPort();
    if (p < 0 && u.getHost() == null && u.getAuthority() != null) {
      String a = u.getAuthority();
      int colon = a.lastIndexOf(':');
      if (colon > 0 && !a.endsWith("]")) {
        try {
          p = Integer.parseInt(a.substring(colon + 1));
        } catch (NumberFormatException e) {
          p = -1;
        }
      }
    }
    return p >= 0 ? p : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private static ObjectNode status(String message) {
    ObjectNode o = Json.object();
    o.put("status", message);
    return o;
  }

  private static void json(HttpServerRequest req, int status, String type, JsonNode doc) {
    if (req.response().ended()) {
      return;
    }
    req.response().setStatusCode(status).putHeader("content-type", type).end(Buffer.buffer(Json.bytes(doc)));
  }

  private static void error(HttpServerRequest req, int status, String message) {
    ObjectNode o = Json.object();
    o.put("error", message);
    json(req, status, "application/json", o);
  }

  static byte[] entryBytes(Entry e) {
    return LedgerJson.canonicalBytes(e);
  }
}
