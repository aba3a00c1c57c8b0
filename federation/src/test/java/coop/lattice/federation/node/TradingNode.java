package coop.lattice.federation.node;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Response;
import coop.lattice.collective.Collective;
import coop.lattice.collective.TradeRecord;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.RoundId;
import coop.lattice.exchange.Side;
import coop.lattice.federation.MirroredLedger;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.store.FileJournal;
import coop.lattice.testkit.ShiftedClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A node in a process of its own, for the tests that partition or kill one (issue 14): one
 * collective on a file journal, linked to partner collectives on other processes, trading on
 * autopilot (it accepts what a partner offers, delivers what it offered once accepted, and
 * acknowledges what it received), joining the clearing rounds its partners propose (its agreement
 * says {@code clearing-rounds: join}), and driven by lines on standard input: {@code follow},
 * {@code offer PARTNER KG}, {@code round PARTNER,PARTNER SECONDS} (a clearing round it coordinates,
 * open that long), {@code rounds} (each round's stage here), {@code silent ROUND} (whom its lapse named),
 * {@code deadletters} (how many, and each one's entry, inbox, status and reason),
 * {@code checkpoint} (signed and sent to followers), {@code mirror PARTNER} (the
 * copy's size and state digest), {@code partition} (the node stops: its port refuses connections, and it sends
 * nothing), {@code heal} (a new node on the same directory and port), {@code linked} (its linked-data
 * store holds every trusted entry), {@code balances} and {@code quit}. Started again on the directory of one that was killed, it opens its journal and takes the
 * step each waiting trade is due. It answers each with a line, says {@code acknowledged N} each time N of its trades
 * have reached their last step, {@code round ID STAGE} at each step of a clearing round on its
 * ledger and {@code flagged ACTOR WHY} when it flags a partner, so a test waits for lines, not for time.
 *
 * <p>Arguments: {@code DIR ID PORT [PARTNER=PORT ...]}; {@code -Dlattice.fuseki=URL} has the node write
 * its linked data to that Fuseki dataset too; {@code -Dtrading.coordinatesOnly=true} leaves the
 * consent to join rounds out of its agreement. Every process runs on the system clock moved
 * by the same eight days (the time its agreement's consent took), so their signatures' dates agree.
 */
final class TradingNode {
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final AgreementId EXCHANGE = AgreementId.of("exchange");
  static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);
  static final Duration AFTER_CONSENT = Duration.ofDays(8).plusMinutes(1);
  /**
   * The system property that, when true, leaves {@code clearing-rounds} out of the agreement: the
   * collective still proposes rounds (that needs no consent) but joins none, and its ledger holds
   * no parameter a build from before clearing rounds cannot read ({@link PreviousBuildIT}).
   */
  static final String COORDINATES_ONLY = "trading.coordinatesOnly";

  private volatile Collective collective;
  private final Map<CollectiveId, Integer> partners;
  private final Vertx vertx = Vertx.vertx();
  private final Path dir;
  private final int port;
  private final Clock clock;
  private final ExecutorService pilot = Executors.newSingleThreadExecutor();
  private FederationNode node;

  private TradingNode(Collective collective, Map<CollectiveId, Integer> partners, Path dir, int port, Clock clock) {
    this.collective = collective;
    this.partners = partners;
    this.dir = dir;
    this.port = port;
    this.clock = clock;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    CollectiveId id = CollectiveId.of(args[1]);
    int port = Integer.parseInt(args[2]);
    Map<CollectiveId, Integer> partners = new LinkedHashMap<>();
    for (String p : List.of(args).subList(3, args.length)) {
      String[] kv = p.split("=");
      partners.put(CollectiveId.of(kv[0]), Integer.parseInt(kv[1]));
    }
    ShiftedClock clock = new ShiftedClock();
    FileJournal journal = FileJournal.open(dir.resolve("journal"));
    boolean restarted = journal.size() > 0;
    Collective c;
    if (restarted) { // after a kill: the same collective, from its journal
      clock.shiftTo(AFTER_CONSENT);
      c = Collective.open(journal, KEY, clock);
    } else {
      c = found(id, journal, clock, partners.keySet().stream().toList());
    }
    TradingNode t = new TradingNode(c, partners, dir, port, clock);
    c.onEntry(e -> t.pilot.execute(() -> t.react(e)));
    t.node = t.start();
    for (Map.Entry<CollectiveId, Integer> p : partners.entrySet()) {
      t.node.linkPartner(id, p.getKey(), actor(p.getKey(), p.getValue()), BO);
    }
    t.pilot.execute(t::resume);
    System.out.println("ready " + id.value() + (restarted ? " again with " + t.acknowledgedNow() + " acknowledged" : ""));
    t.serve(journal);
  }

  /** The collective, with its exchange agreement adopted by consent and a partnership with each partner. */
  private static Collective found(CollectiveId id, FileJournal journal, ShiftedClock clock,
      List<CollectiveId> partners) {
    Collective c = Collective.found(id, id.value(), ANA, Appearance.byName("Ana"), journal, KEY, clock);
    c.admit(ANA, BO, Appearance.byName("Bo"));
    AgreementTerms.Builder terms = AgreementTerms.builder(EXCHANGE, "Exchange").text("We trade.").scope("trade")
        .reviewOn(LocalDate.of(2040, 1, 1)).rule(DecisionRule.consent(Duration.ofDays(7)));
    if (!Boolean.getBoolean(COORDINATES_ONLY)) {
      terms.set("clearing-rounds", "join");
    }
    long p = c.agreements().propose(ANA, terms.build(), "");
    c.agreements().respond(BO, p, Response.CONSENT, "");
    clock.shiftTo(AFTER_CONSENT);
    c.agreements().decide(ANA, p, "adopted");
    for (CollectiveId partner : partners) {
      c.trade().agree(ANA, partner, EXCHANGE, List.of(CreditLine.of(Unit.KILOGRAMS, "1000", "1000")));
      c.trade().appointRelay(ANA, partner, BO, clock.instant().plus(Duration.ofDays(30)));
    }
    return c;
  }

  static URI actor(CollectiveId id, int port) {
    return URI.create("http://127.0.0.1:" + port + "/collectives/" + id.value());
  }

  private FederationNode start() throws Exception {
    AddressPolicy policy = AddressPolicy.publicOnly();
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    for (int p : partners.values()) {
      policy = policy.allowing(lo, p);
    }
    NodeBuilder builder = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + port), dir.resolve("node"))
        .addressPolicy(policy).clock(clock).retryBase(Duration.ofMillis(50))
        .circuitBreaker(3, Duration.ofMillis(300)).collective(collective);
    String fuseki = System.getProperty("lattice.fuseki"); // a Fuseki dataset the node writes its linked data to too
    if (fuseki != null) {
      builder.remoteLinkedData(URI.create(fuseki));
    }
    FederationNode n = builder.build();
    n.awaits().onRound((local, r) -> System.out.println("round " + r.id() + " " + r.stage()));
    n.awaits().onFlagged((actor, why) -> System.out.println("flagged " + actor + " " + why));
    await(n.start(port, "127.0.0.1"));
    return n;
  }

  /** The autopilot: the next step of each trade this collective is party to, as soon as it can take it. */
  private void react(Entry e) {
    try {
      Event ev = e.event();
      if (ev instanceof Event.TradeOffered o && o.offeredBy() == Side.PARTNER) {
        collective.trade().accept(ANA, e.sequence(), Side.US);
      } else if (ev instanceof Event.TradeAccepted a && a.by() == Side.PARTNER
          && collective.trade().trade(a.offer()).orElseThrow().gives() == Side.US) {
        collective.trade().fulfil(ANA, a.offer(), Side.US);
      } else if (ev instanceof Event.TradeFulfilled f && f.by() == Side.PARTNER) {
        collective.trade().acknowledge(ANA, f.offer(), Side.US);
      } else if (ev instanceof Event.TradeAcknowledged) {
        System.out.println("acknowledged " + acknowledgedNow());
      }
    } catch (RuntimeException failed) {
      System.out.println("error " + failed);
    }
  }

  /** After a restart: the step due on each trade that waited for this collective when it stopped. */
  private void resume() {
    try {
      for (TradeRecord t : collective.state().exchanges().trades().values()) {
        if (t.stage() == TradeRecord.Stage.OFFERED && t.offeredBy() == Side.PARTNER) {
          collective.trade().accept(ANA, t.entry(), Side.US);
        } else if (t.stage() == TradeRecord.Stage.ACCEPTED && t.gives() == Side.US) {
          collective.trade().fulfil(ANA, t.entry(), Side.US);
        } else if (t.stage() == TradeRecord.Stage.FULFILLED && t.gives() == Side.PARTNER) {
          collective.trade().acknowledge(ANA, t.entry(), Side.US);
        }
      }
    } catch (RuntimeException failed) {
      System.out.println("error " + failed);
    }
  }

  private long acknowledgedNow() {
    return collective.state().exchanges().trades().values().stream()
        .filter(t -> t.stage() == TradeRecord.Stage.ACKNOWLEDGED).count();
  }

  private void serve(FileJournal journal) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] w = line.trim().split(" ");
      switch (w[0]) {
        case "follow" -> {
          for (Map.Entry<CollectiveId, Integer> p : partners.entrySet()) {
            follow(actor(p.getKey(), p.getValue()));
          }
          System.out.println("followed");
        }
        case "round" -> { // round PARTNER,PARTNER SECONDS: a clearing round, open for SECONDS
          List<CollectiveId> invited = java.util.Arrays.stream(w[1].split(",")).map(CollectiveId::of).toList();
          System.out.println("proposed " + collective.clearing().propose(ANA, invited,
              clock.instant().plusSeconds(Long.parseLong(w[2]))));
        }
        case "rounds" -> {
          StringBuilder b = new StringBuilder("rounds");
          collective.clearing().rounds().forEach(r -> b.append(' ').append(r.id()).append('=').append(r.stage()));
          System.out.println(b);
        }
        case "silent" -> { // silent ROUND: whom the round's lapse names as silent here
          RoundId round = RoundId.parse(w[1]);
          System.out.println("silent " + round + " " + collective.clearing().rounds().stream()
              .filter(r -> r.id().equals(round)).findFirst().orElseThrow().silent().stream()
              .map(CollectiveId::value).collect(java.util.stream.Collectors.joining(",")));
        }
        case "deadletters" -> { // how many, and what each was: entry, inbox, status, reason
          StringBuilder b = new StringBuilder("deadletters " + node.deadLetters().size());
          node.deadLetters().forEach(d -> b.append("; entry ").append(d.entry()).append(" to ").append(d.inbox())
              .append(": ").append(d.status()).append(' ').append(d.reason()));
          System.out.println(b);
        }
        case "offer" -> System.out.println("offered " + collective.trade().offer(ANA, CollectiveId.of(w[1]), Side.US,
            Side.US, Quantity.kilograms(w[2]), "goods", clock.instant().plus(Duration.ofDays(2))));
        case "partition" -> {
          await(node.stop());
          System.out.println("partitioned");
        }
        case "heal" -> {
          node = start();
          System.out.println("healed");
        }
        case "fork" -> { // fork N: cut the ledger back to N entries and go on with another history past where it was
          long before = collective.ledger().size();
          node.unhost(collective.id());
          journal.truncate(Long.parseLong(w[1]));
          collective = Collective.open(journal, KEY, clock);
          collective.onEntry(e -> pilot.execute(() -> react(e)));
          node.host(collective);
          CollectiveId partner = partners.keySet().iterator().next();
          for (int days = 40; collective.ledger().size() <= before; days++) {
            collective.trade().appointRelay(ANA, partner, BO, clock.instant().plus(Duration.ofDays(days)));
          }
          System.out.println("forked " + collective.ledger().size());
        }
        case "flagged" -> {
          CollectiveId partner = CollectiveId.of(w[1]);
          String actor = actor(partner, partners.get(partner)).toString();
          System.out.println(node.defences().flagged(actor).map(why -> "is flagged " + partner.value() + " " + why)
              .orElse("is not flagged " + partner.value()));
        }
        case "checkpoint" -> System.out.println("checkpoint "
            + await(node.publishCheckpoint(collective.id())).checkpoint().size());
        case "mirror" -> {
          CollectiveId partner = CollectiveId.of(w[1]);
          try {
            MirroredLedger copy = await(node.mirror(collective.id(), actor(partner, partners.get(partner))));
            System.out.println("mirrored " + partner.value() + " " + copy.size() + " " + copy.digest().hex());
          } catch (java.util.concurrent.ExecutionException refused) {
            System.out.println("not mirrored " + partner.value() + ": " + refused.getCause().getMessage());
          }
        }
        case "linked" -> { // every trusted entry in the node's linked-data store (and Fuseki's, if it has one)
          node.linkedData().flush();
          System.out.println("linked");
        }
        case "balances" -> {
          StringBuilder b = new StringBuilder("balances");
          for (CollectiveId p : partners.keySet()) {
            b.append(' ').append(p.value()).append('=')
                .append(collective.trade().partnership(p).orElseThrow().balance(Unit.KILOGRAMS).toPlainString());
          }
          System.out.println(b);
        }
        case "quit" -> {
          await(node.stop());
          pilot.shutdown();
          pilot.awaitTermination(10, TimeUnit.SECONDS);
          journal.close();
          await(vertx.close());
          System.out.println("bye");
          System.exit(0);
        }
        default -> System.out.println("error unknown command " + line);
      }
    }
  }

  private void follow(URI whom) throws Exception {
    CompletableFuture<Void> accepted = new CompletableFuture<>();
    node.onInbound(a -> {
      if (a.type().equals("Accept") && a.actor().equals(whom.toString())) {
        accepted.complete(null);
      }
    });
    await(node.follow(collective.id(), whom));
    accepted.get(20, TimeUnit.SECONDS);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
