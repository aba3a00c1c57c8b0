package coop.lattice.federation.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.collective.ClearingRound;
import coop.lattice.collective.ClearingRound.Stage;
import coop.lattice.collective.Collective;
import coop.lattice.exchange.RoundId;
import coop.lattice.exchange.Side;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.node.FederationNode;
import coop.lattice.ledger.ClearingEvents;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.testkit.SteppingClock;
import coop.lattice.testkit.TradingPartners;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clearing round over the network: a food co-op, a repair café and a childcare co-op on three
 * nodes, each partner of the other two and following them, each owing the next after trades in
 * every direction. The co-op proposes a round; the nodes take every other step themselves (join,
 * prepare, commit, complete, settle), and the cycle is cleared on all three ledgers, equal and
 * opposite on both sides of each debt, with no dead letter. With the childcare co-op's node down,
 * the round lapses at its closing time on the ledgers that heard of it, naming who was silent, and
 * no balance moves.
 */
class ClearingRoundIT {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final MemberId ANA = TradingPartners.ANA;
  static final MemberId BO = TradingPartners.BO;
  static final CollectiveId FOOD = CollectiveId.of("food");
  static final CollectiveId FIXIT = CollectiveId.of("fixit");
  static final CollectiveId CARE = CollectiveId.of("care");
  static final List<CollectiveId> ALL = List.of(FOOD, FIXIT, CARE);

  @TempDir Path dir;
  final SteppingClock clock = SteppingClock.startingAt(Instant.now(), Duration.ZERO);
  final List<Collective> coops = new ArrayList<>();
  final List<LinkedBlockingQueue<Entry>> entries = new ArrayList<>();
  final List<FederationNode> nodes = new ArrayList<>();
  Vertx vertx;

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @BeforeEach
  void network() throws Exception {
    for (CollectiveId id : ALL) {
      Collective c = TradingPartners.collective(id, clock, "50", true,
          ALL.stream().filter(p -> !p.equals(id)).toArray(CollectiveId[]::new));
      LinkedBlockingQueue<Entry> q = new LinkedBlockingQueue<>();
      c.onEntry(q::add);
      entries.add(q);
      coops.add(c);
    }
    int[] ports = new int[ALL.size()];
    for (int i = 0; i < ports.length; i++) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
        ports[i] = s.getLocalPort();
      }
    }
    vertx = Vertx.vertx();
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    for (int i = 0; i < ALL.size(); i++) {
      AddressPolicy policy = AddressPolicy.publicOnly();
      for (int j = 0; j < ports.length; j++) {
        if (j != i) {
          policy = policy.allowing(lo, ports[j]);
        }
      }
      FederationNode node = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + ports[i]),
          dir.resolve(ALL.get(i).value())).addressPolicy(policy).clock(clock).retryBase(Duration.ofMillis(200))
          .clearingGrace(Duration.ofMinutes(5)).collective(coops.get(i)).build();
      await(node.start(ports[i], "127.0.0.1"));
      nodes.add(node);
    }
    for (int i = 0; i < ALL.size(); i++) {
      for (int j = 0; j < ALL.size(); j++) {
        if (i != j) {
          nodes.get(i).linkPartner(ALL.get(i), ALL.get(j), nodes.get(j).actor(ALL.get(j)), BO);
        }
      }
    }
    for (int i = 0; i < ALL.size(); i++) {
      for (int j = 0; j < ALL.size(); j++) {
        if (i != j) {
          follow(nodes.get(i), ALL.get(i), nodes.get(j).actor(ALL.get(j)));
        }
      }
    }
    // The café gave the co-op 5 kg, the childcare co-op gave the café 3 kg, the co-op gave the childcare co-op 4 kg.
    give(1, 0, "5");
    give(2, 1, "3");
    give(0, 2, "4");
  }

  @AfterEach
  void stop() throws Exception {
    for (FederationNode n : nodes) {
      await(n.stop());
    }
    await(vertx.close());
  }

  void follow(FederationNode node, CollectiveId as, URI whom) throws Exception {
    CompletableFuture<Void> accepted = new CompletableFuture<>();
    node.onInbound(a -> {
      if (a.type().equals("Accept") && a.actor().equals(whom.toString())) {
        accepted.complete(null);
      }
    });
    await(node.follow(as, whom));
    accepted.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Collective {@code giver} gives collective {@code taker} {@code kg}, every step over the network. */
  void give(int giver, int taker, String kg) throws Exception {
    Collective g = coops.get(giver);
    Collective t = coops.get(taker);
    long offer = g.trade().offer(ANA, t.id(), Side.US, Side.US, Quantity.kilograms(kg), "goods",
        clock.instant().plus(Duration.ofDays(2)));
    long copy = next(taker, Event.TradeOffered.class).sequence();
    t.trade().accept(ANA, copy, Side.US);
    next(giver, Event.TradeAccepted.class);
    g.trade().fulfil(ANA, offer, Side.US);
    next(taker, Event.TradeFulfilled.class);
    t.trade().acknowledge(ANA, copy, Side.US);
    next(giver, Event.TradeAcknowledged.class);
  }

  Entry next(int who, Class<? extends Event> type) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Entry e = entries.get(who).poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertThat(e).as("an entry of type %s", type.getSimpleName()).isNotNull();
      if (type.isInstance(e.event())) {
        return e;
      }
    }
  }

  BigDecimal balance(int who, CollectiveId partner) {
    return coops.get(who).trade().partnership(partner).orElseThrow().balance(Unit.KILOGRAMS);
  }

  @Test
  void aRoundProposedByOneCollectiveClearsTheCycleOnAllThreeLedgers() throws Exception {
    Collective food = coops.get(0);
    RoundId round = food.clearing().propose(ANA, List.of(FIXIT, CARE), clock.instant().plus(Duration.ofHours(1)));

    ClearingRound atFood = await(nodes.get(0).awaits().round(FOOD, round));
    ClearingRound atFixit = await(nodes.get(1).awaits().round(FIXIT, round));
    ClearingRound atCare = await(nodes.get(2).awaits().round(CARE, round));
    assertThat(atFood.stage()).isEqualTo(Stage.COMPLETED);
    assertThat(atFixit.stage()).isEqualTo(Stage.SETTLED);
    assertThat(atCare.stage()).isEqualTo(Stage.SETTLED);
    ClearingEvents.RoundPrepared prepared = atFood.prepared();
    assertThat(prepared.statements()).extracting(ClearingEvents.Statement::collective).containsExactly(FIXIT, CARE);
    assertThat(prepared.cycles()).hasSize(1);
    assertThat(prepared.cycles().get(0).amount()).isEqualByComparingTo("3");
    for (ClearingRound r : List.of(atFood, atFixit, atCare)) {
      assertThat(r.legs()).hasSize(1);
      assertThat(r.legs().get(0).amount()).isEqualByComparingTo("3");
    }

    // 3 kg off each debt of the cycle, the same on both sides of each.
    assertThat(balance(0, FIXIT)).isEqualByComparingTo("-2");
    assertThat(balance(1, FOOD)).isEqualByComparingTo("2");
    assertThat(balance(1, CARE)).isEqualByComparingTo("0");
    assertThat(balance(2, FIXIT)).isEqualByComparingTo("0");
    assertThat(balance(2, FOOD)).isEqualByComparingTo("-1");
    assertThat(balance(0, CARE)).isEqualByComparingTo("1");
    for (FederationNode n : nodes) {
      assertThat(n.deadLetters()).as("dead letters at %s", n.hosted()).isEmpty();
    }
  }

  @Test
  void aRoundWithASilentParticipantLapsesAtItsClosingTimeAndNoBalanceMoves() throws Exception {
    await(nodes.get(2).stop()); // the childcare co-op's node is down
    nodes.remove(2);
    Collective food = coops.get(0);
    LinkedBlockingQueue<String> heardAtFood = new LinkedBlockingQueue<>();
    nodes.get(0).onInbound(a -> heardAtFood.add(a.id()));
    RoundId round = food.clearing().propose(ANA, List.of(FIXIT, CARE), clock.instant().plus(Duration.ofHours(1)));
    long joined = next(1, ClearingEvents.RoundJoined.class).sequence(); // the café answered
    String answer = nodes.get(1).actor(FIXIT) + "/entries/" + joined + "/activity";
    for (String id = ""; !id.equals(answer); ) {   // and the co-op's node took the answer
      id = heardAtFood.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(id).as("the co-op's node takes the café's answer").isNotNull();
    }
    assertThat(food.clearing().round(round).orElseThrow().stage()).isEqualTo(Stage.PROPOSED);

    clock.advance(Duration.ofHours(1)); // the round closes; the node's keeper sees it within a second
    ClearingRound atFood = await(nodes.get(0).awaits().round(FOOD, round));
    ClearingRound atFixit = await(nodes.get(1).awaits().round(FIXIT, round));
    assertThat(atFood.stage()).isEqualTo(Stage.LAPSED);
    assertThat(atFood.silent()).containsExactly(CARE);
    assertThat(atFixit.stage()).as("the café follows the coordinator's lapse").isEqualTo(Stage.LAPSED);
    assertThat(atFixit.silent()).containsExactly(CARE);
    assertThat(balance(0, FIXIT)).isEqualByComparingTo("-5");
    assertThat(balance(1, FOOD)).isEqualByComparingTo("5");
    assertThat(balance(1, CARE)).isEqualByComparingTo("-3");
    assertThat(balance(0, CARE)).isEqualByComparingTo("4");
  }
}
