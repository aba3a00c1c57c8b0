package coop.lattice.benchmarks;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Response;
import coop.lattice.collective.ClearingRound;
import coop.lattice.collective.Collective;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Side;
import coop.lattice.federation.RateLimits;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.node.FederationNode;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.store.LedgerStore;
import coop.lattice.testkit.ShiftedClock;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulated network in one JVM (issue 14's benchmark): {@code COLLECTIVES} collectives (a
 * multiple of 6) on {@code NODES} nodes on loopback, collective i on node i mod NODES. Each trades
 * with three partners (the two others in its triangle and one in the paired triangle, see {@link
 * #partners}), follows them and is linked to them; each offers each partner {@code TRADES} trades
 * of a kilogram, and every party takes its steps as soon as it can (accept, deliver, acknowledge),
 * as an application on autopilot would. Prints the trades completed per second (from the first
 * offer to the last acknowledgement the offerers saw), the deliveries (ActivityPub requests
 * between nodes) per trade, and how long setting the network up took.
 *
 * <p>Then the clearing: each collective gives the next in its triangle one more kilogram, so that
 * every triangle is a cycle of debt, and the first of each triangle proposes a clearing round to
 * the other two, all at once; the nodes take every other step themselves. Prints the time from the
 * proposals to the last round decided on every ledger (the whole network cleared), the deliveries
 * per round, and how many rounds completed.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar coop.lattice.benchmarks.NetworkLoad COLLECTIVES NODES TRADES [limited]
 * }</pre>
 *
 * <p>The inboxes take every request ({@code RateLimits.none()}): partner nodes that trust each
 * other; {@code limited} gives them the default limits instead.
 */
public final class NetworkLoad {
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final AgreementId EXCHANGE = AgreementId.of("exchange");

  private NetworkLoad() {}

  public static void main(String[] args) throws Exception {
    int collectives = Integer.parseInt(args[0]);
    int nodeCount = Integer.parseInt(args[1]);
    int trades = Integer.parseInt(args[2]);
    boolean limited = args.length > 3 && args[3].equals("limited"); // the inboxes' default rate limits
    if (collectives < 6 || collectives % 6 != 0) {
      throw new IllegalArgumentException("a multiple of 6 collectives: triangles of three, paired; each has three"
          + " partners");
    }
    long setupStart = System.nanoTime();
    ShiftedClock clock = new ShiftedClock();
    List<Collective> coops = new ArrayList<>();
    List<Long> proposals = new ArrayList<>();
    for (int i = 0; i < collectives; i++) {
      Collective c = Collective.found(id(i), "c" + i, ANA, Appearance.byName("Ana"), LedgerStore.inMemory(),
          CollectiveKey.fromSeed(new byte[32]), clock);
      c.admit(ANA, BO, Appearance.byName("Bo"));
      proposals.add(c.agreements().propose(ANA, AgreementTerms.builder(EXCHANGE, "Exchange").text("We trade.")
          .scope("trade").reviewOn(LocalDate.of(2040, 1, 1)).rule(DecisionRule.consent(Duration.ofDays(7)))
          .set("clearing-rounds", "join").build(), ""));
      c.agreements().respond(BO, proposals.get(i), Response.CONSENT, "");
      coops.add(c);
    }
    clock.shiftTo(Duration.ofDays(8).plusMinutes(1));
    int[] ports = new int[nodeCount];
    for (int j = 0; j < nodeCount; j++) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
        ports[j] = s.getLocalPort();
      }
    }
    for (int i = 0; i < collectives; i++) {
      Collective c = coops.get(i);
      c.agreements().decide(ANA, proposals.get(i), "adopted");
      for (int p : partners(i, collectives)) {
        c.trade().agree(ANA, id(p), EXCHANGE, List.of(CreditLine.of(Unit.KILOGRAMS, "1000000", "1000000")));
        c.trade().appointRelay(ANA, id(p), BO, clock.instant().plus(Duration.ofDays(30)));
      }
    }

    Vertx vertx = Vertx.vertx();
    AddressPolicy policy = AddressPolicy.publicOnly();
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    for (int port : ports) {
      policy = policy.allowing(lo, port);
    }
    List<FederationNode> nodes = new ArrayList<>();
    AtomicLong deliveries = new AtomicLong();
    AtomicLong accepted = new AtomicLong();
    for (int j = 0; j < nodeCount; j++) {
      var b = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + ports[j]),
          Files.createTempDirectory("lattice-network-" + j)).addressPolicy(policy).clock(clock)
          .rateLimits(limited ? RateLimits.defaults() : RateLimits.none());
      for (int i = j; i < collectives; i += nodeCount) {
        b.collective(coops.get(i));
      }
      FederationNode node = b.build();
      node.start(ports[j], "127.0.0.1").toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      node.onDelivered((inbox, entry) -> deliveries.incrementAndGet());
      node.onInbound(a -> {
        if (a.type().equals("Accept")) {
          accepted.incrementAndGet();
        }
      });
      nodes.add(node);
    }
    for (int i = 0; i < collectives; i++) {
      FederationNode node = nodes.get(i % nodeCount);
      for (int p : partners(i, collectives)) {
        node.linkPartner(id(i), id(p), actor(p, ports[p % nodeCount]), BO);
        node.follow(id(i), actor(p, ports[p % nodeCount])).toCompletionStage().toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
      }
    }
    long follows = 3L * collectives;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (accepted.get() < follows && System.nanoTime() < deadline) {
      Thread.onSpinWait(); // the follows' Accepts arrive on the nodes' threads
    }
    long setupMs = (System.nanoTime() - setupStart) / 1_000_000;
    System.out.printf("set up in %d ms: %d follows accepted of %d%n", setupMs, accepted.get(), follows);

    long total = (long) collectives * 3 * trades;
    CountDownLatch completed = new CountDownLatch((int) total);
    ExecutorService pilot = Executors.newFixedThreadPool(2);
    AtomicReference<CountDownLatch> counting = new AtomicReference<>(completed);
    for (Collective c : coops) {
      c.onEntry(e -> pilot.execute(() -> step(c, e, counting.get())));
    }
    long deliveredBefore = deliveries.get();
    long start = System.nanoTime();
    for (int t = 0; t < trades; t++) {
      for (int i = 0; i < collectives; i++) {
        for (int p : partners(i, collectives)) {
          coops.get(i).trade().offer(ANA, id(p), Side.US, Side.US, Quantity.kilograms("1"), "goods",
              clock.instant().plus(Duration.ofDays(2)));
        }
      }
    }
    boolean done = false;
    long stalledAt = -1;
    for (int waited = 0; !done && waited < 120; waited++) { // up to 20 minutes, saying how far it got
      done = completed.await(10, TimeUnit.SECONDS);
      System.out.printf("after %d s: %d of %d trades completed, %d deliveries%n", (waited + 1) * 10,
          total - completed.getCount(), total, deliveries.get() - deliveredBefore);
      if (!done && deliveries.get() == stalledAt) {
        break; // nothing moved for ten seconds: say why below
      }
      stalledAt = deliveries.get();
    }
    if (!done) {
      for (FederationNode n : nodes) {
        n.deadLetters().stream().limit(3).forEach(d -> System.out.println("dead letter: " + d));
      }
      stuck(coops);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long messages = deliveries.get() - deliveredBefore;
    System.out.printf("collectives %d nodes %d trades %d: %s in %.1f s, %.0f trades/s, %.1f deliveries per trade,"
        + " set up in %d ms (%d follows accepted)%n", collectives, nodeCount, total,
        done ? "all completed" : (total - completed.getCount()) + " completed", seconds,
        (total - completed.getCount()) / seconds, messages / (double) total, setupMs, accepted.get());
    if (done) {
      done = clearing(coops, nodes, clock, deliveries, counting);
    }
    pilot.shutdownNow();
    for (FederationNode n : nodes) {
      n.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    System.exit(done ? 0 : 1);
  }

  /**
   * Gives each collective a debt to the previous in its triangle, then has the first of each
   * triangle propose a round to the other two, all at once; says how long until every ledger
   * decided its round, and the deliveries per round. True if every round completed.
   */
  private static boolean clearing(List<Collective> coops, List<FederationNode> nodes, ShiftedClock clock,
      AtomicLong deliveries, AtomicReference<CountDownLatch> counting) throws InterruptedException {
    int n = coops.size();
    CountDownLatch debts = new CountDownLatch(n);
    counting.set(debts);
    for (int i = 0; i < n; i++) {
      coops.get(i).trade().offer(ANA, id(3 * (i / 3) + (i + 1) % 3), Side.US, Side.US, Quantity.kilograms("1"), "more",
          clock.instant().plus(Duration.ofDays(2)));
    }
    if (!debts.await(10, TimeUnit.MINUTES)) {
      System.out.println("the debts were not all given: " + debts.getCount() + " trades left");
      return false;
    }
    CountDownLatch decided = new CountDownLatch(n);
    AtomicLong completed = new AtomicLong();
    AtomicLong lapsed = new AtomicLong();
    for (FederationNode node : nodes) {
      node.awaits().onRound((local, r) -> {
        if (r.stage().decided()) {
          (r.stage() == ClearingRound.Stage.LAPSED ? lapsed : completed).incrementAndGet();
          decided.countDown();
        }
      });
    }
    long before = deliveries.get();
    long start = System.nanoTime();
    for (int k = 0; k < n / 3; k++) {
      coops.get(3 * k).clearing().propose(ANA, List.of(id(3 * k + 1), id(3 * k + 2)),
          clock.instant().plus(Duration.ofMinutes(10)));
    }
    boolean all = decided.await(10, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    long messages = deliveries.get() - before;
    long uncleared = coops.stream().filter(c -> c.trade().partnerships().stream()
        .anyMatch(p -> p.balance(Unit.KILOGRAMS).signum() != 0)).count();
    System.out.printf("clearing: %d rounds at once (%d ledgers): %s in %.2f s, %.1f deliveries per round;"
        + " %d ledgers completed or settled, %d lapsed, %d collectives with a balance left%n", n / 3, n,
        all ? "all decided" : (n - decided.getCount()) + " decided", seconds, messages / (n / 3.0), completed.get(),
        lapsed.get(), uncleared);
    return all && lapsed.get() == 0 && uncleared == 0;
  }

  /** Says, for a few trades that did not complete, how far each side got. */
  private static void stuck(List<Collective> coops) {
    java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
    int shown = 0;
    for (Collective c : coops) {
      for (long i = 0; i < c.ledger().size(); i++) {
        if (c.ledger().entry(i).event() instanceof Event.TradeOffered) {
          var t = c.trade().trade(i).orElseThrow();
          counts.merge(t.offeredBy() + " " + t.stage(), 1, Integer::sum);
          if (t.stage() != coop.lattice.collective.TradeRecord.Stage.ACKNOWLEDGED && shown++ < 8) {
            var id = t.id() != null ? t.id() : coop.lattice.exchange.TradeId.of(c.id(), i);
            var other = coops.get(Integer.parseInt(t.partner().value().substring(1))).trade().trade(id);
            System.out.println("stuck: " + c.id() + " entry " + i + " " + id + " " + t.offeredBy() + " " + t.stage()
                + "; at " + t.partner() + ": " + other.map(o -> o.entry() + " " + o.stage()).orElse("absent"));
          }
        }
      }
    }
    System.out.println("trades by who offered and stage: " + counts);
  }

  /** Takes the step {@code e} makes due on {@code c}'s side of a trade; counts a trade whose giver saw it acknowledged. */
  private static void step(Collective c, Entry e, CountDownLatch completed) {
    try {
      Event ev = e.event();
      if (ev instanceof Event.TradeOffered o && o.offeredBy() == Side.PARTNER) {
        c.trade().accept(ANA, e.sequence(), Side.US);
      } else if (ev instanceof Event.TradeAccepted a && a.by() == Side.PARTNER) {
        c.trade().fulfil(ANA, a.offer(), Side.US);
      } else if (ev instanceof Event.TradeFulfilled f && f.by() == Side.PARTNER) {
        c.trade().acknowledge(ANA, f.offer(), Side.US);
      } else if (ev instanceof Event.TradeAcknowledged a && a.by() == Side.PARTNER) {
        completed.countDown();
      }
    } catch (RuntimeException failed) {
      System.err.println(c.id() + ": " + failed);
    }
  }

  /**
   * The two others in {@code i}'s triangle (collectives 3k, 3k + 1 and 3k + 2), and the collective
   * in the same place of the paired triangle (triangles 2m and 2m + 1 are paired). With collective
   * i on node i mod NODES, partners are on other nodes whenever NODES is not a divisor of 3, so
   * every step crosses the network.
   */
  static int[] partners(int i, int n) {
    int k = i / 3;
    int j = i % 3;
    int paired = (k % 2 == 0 ? k + 1 : k - 1) * 3 + j;
    return new int[] {3 * k + (j + 1) % 3, 3 * k + (j + 2) % 3, paired};
  }

  static CollectiveId id(int i) {
    return CollectiveId.of("c" + i);
  }

  static URI actor(int i, int port) {
    return URI.create("http://127.0.0.1:" + port + "/collectives/c" + i);
  }
}
