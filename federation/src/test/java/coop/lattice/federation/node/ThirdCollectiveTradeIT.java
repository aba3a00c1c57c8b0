package coop.lattice.federation.node;

import static coop.lattice.federation.node.TradeOverFederationIT.ANA;
import static coop.lattice.federation.node.TradeOverFederationIT.BO;
import static coop.lattice.federation.node.TradeOverFederationIT.WAIT;
import static coop.lattice.federation.node.TradeOverFederationIT.await;
import static coop.lattice.federation.node.TradeOverFederationIT.collective;
import static coop.lattice.federation.node.TradeOverFederationIT.next;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.lattice.CollectiveId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.collective.Collective;
import coop.lattice.collective.TradeRecord;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import coop.lattice.federation.InboundActivity;
import coop.lattice.federation.json.ActivityStreams;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.merkle.Hash;
import coop.lattice.testkit.SteppingClock;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three collectives on three nodes: a food co-op and a repair café trade both ways through every
 * step, while a childcare co-op follows the food co-op and is linked to it as a partner. Each step
 * is addressed to the trade's counterpart only: the café relays it, the childcare co-op keeps it as
 * an ordinary public entry (its ledger does not move, and it refuses nothing), so normal traffic
 * leaves no dead letter anywhere. Both ledgers name each trade by the same identity, and the
 * balances are equal and opposite.
 */
class ThirdCollectiveTradeIT {
  static final CollectiveId FOOD = CollectiveId.of("food");
  static final CollectiveId FIXIT = CollectiveId.of("fixit");
  static final CollectiveId CARE = CollectiveId.of("care");

  /** The highest entry each inbox took from a node, to wait on until every follower has everything. */
  static final class Delivered {
    private final Map<String, Long> taken = new HashMap<>();

    synchronized void took(String inbox, long entry) {
      taken.merge(inbox, entry, Math::max);
      notifyAll();
    }

    /** Waits until {@code inbox} took entry {@code last} (deliveries to one inbox go in order). */
    synchronized void await(String inbox, long last) throws InterruptedException {
      long end = System.nanoTime() + WAIT.toNanos();
      while (taken.getOrDefault(inbox, -1L) < last) {
        long left = end - System.nanoTime();
        assertThat(left).as("%s took entry %s (it took %s)", inbox, last, taken.get(inbox)).isPositive();
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }

  /** Starts a node per collective on loopback, each allowed to reach the others only. */
  static List<FederationNode> start(Vertx vertx, Path dir, List<Collective> collectives) throws Exception {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < collectives.size(); i++) {
      ports.add(FedifyPeer.freePort());
    }
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    List<FederationNode> nodes = new ArrayList<>();
    for (int i = 0; i < collectives.size(); i++) {
      AddressPolicy policy = AddressPolicy.publicOnly();
      for (int j = 0; j < ports.size(); j++) {
        if (j != i) {
          policy = policy.allowing(lo, ports.get(j));
        }
      }
      FederationNode node = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + ports.get(i)),
          dir.resolve(collectives.get(i).id().value())).addressPolicy(policy).collective(collectives.get(i)).build();
      await(node.start(ports.get(i), "127.0.0.1"));
      nodes.add(node);
    }
    return nodes;
  }

  /** {@code who} follows {@code whom}, and the follow is accepted. */
  static void follow(FederationNode who, CollectiveId as, URI whom) throws Exception {
    CompletableFuture<Void> accepted = new CompletableFuture<>();
    who.onInbound(a -> {
      if (a.type().equals("Accept") && a.actor().equals(whom.toString())) {
        accepted.complete(null);
      }
    });
    await(who.follow(as, whom));
    accepted.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** A collective in the test, with the entries it appends as they come. */
  record Party(Collective collective, CollectiveId id, LinkedBlockingQueue<Entry> entries) {}

  /**
   * One trade through its four steps, each taken on one side and waited for on the other:
   * {@code offerer} offers, in which {@code gives} (its side) hands over; the other accepts; the
   * giving side fulfils; the receiving side acknowledges. Returns the trade's entry at the offerer
   * and at the other.
   */
  static long[] trade(Party offerer, Party other, Side gives, Quantity quantity, String what, Instant expires)
      throws InterruptedException {
    long atOfferer = offerer.collective().trade().offer(ANA, other.id(), Side.US, gives, quantity, what, expires);
    long atOther = next(other.entries(), Event.TradeOffered.class).sequence();
    other.collective().trade().accept(ANA, atOther, Side.US);
    next(offerer.entries(), Event.TradeAccepted.class);
    boolean offererGives = gives == Side.US;
    Party giver = offererGives ? offerer : other;
    Party receiver = offererGives ? other : offerer;
    giver.collective().trade().fulfil(ANA, offererGives ? atOfferer : atOther, Side.US);
    next(receiver.entries(), Event.TradeFulfilled.class);
    receiver.collective().trade().acknowledge(ANA, offererGives ? atOther : atOfferer, Side.US);
    next(giver.entries(), Event.TradeAcknowledged.class);
    return new long[] {atOfferer, atOther};
  }

  /** The {@code to} of the {@code Create} of entry {@code entry} of {@code actor}'s ledger, as its node serves it. */
  static List<String> to(URI actor, long entry) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(actor + "/entries/" + entry + "/activity")).header("accept", ActivityStreams.MEDIA_TYPE).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> to = new ArrayList<>();
    new ObjectMapper().readTree(r.body()).get("to").forEach(n -> to.add(n.asText()));
    return to;
  }

  @Test
  void tradeStepsReachTheCounterpartOnlyAndLeaveNoDeadLetters(@TempDir Path dir) throws Exception {
    SteppingClock clock = SteppingClock.startingAt(Instant.now(), Duration.ZERO);
    Collective food = collective("food", clock, FIXIT, "10");
    Collective fixit = collective("fixit", clock, FOOD, "50");
    Collective care = collective("care", clock, FOOD, "20");
    LinkedBlockingQueue<Entry> atFood = new LinkedBlockingQueue<>();
    LinkedBlockingQueue<Entry> atFixit = new LinkedBlockingQueue<>();
    food.onEntry(atFood::add);
    fixit.onEntry(atFixit::add);
    Vertx vertx = Vertx.vertx();
    try {
      List<FederationNode> nodes = start(vertx, dir, List.of(food, fixit, care));
      FederationNode foodNode = nodes.get(0);
      FederationNode fixitNode = nodes.get(1);
      FederationNode careNode = nodes.get(2);
      URI foodActor = foodNode.actor(FOOD);
      URI fixitActor = fixitNode.actor(FIXIT);
      URI careActor = careNode.actor(CARE);
      Delivered fromFood = new Delivered();
      Delivered fromFixit = new Delivered();
      foodNode.onDelivered(fromFood::took);
      fixitNode.onDelivered(fromFixit::took);
      foodNode.linkPartner(FOOD, FIXIT, fixitActor, BO);
      fixitNode.linkPartner(FIXIT, FOOD, foodActor, BO);
      careNode.linkPartner(CARE, FOOD, foodActor, BO); // the co-op's partner too, following it
      follow(fixitNode, FIXIT, foodActor);
      follow(foodNode, FOOD, fixitActor);
      follow(careNode, CARE, foodActor);
      assertThat(foodNode.followers(FOOD)).containsKeys(fixitActor.toString(), careActor.toString());
      long careSize = care.ledger().size();
      Hash careRoot = care.ledger().root();
      long foodSizeBefore = food.ledger().size();
      atFood.clear();
      atFixit.clear();
      Instant expires = clock.instant().plus(Duration.ofDays(2));

      Party coop = new Party(food, FOOD, atFood);
      Party cafe = new Party(fixit, FIXIT, atFixit);
      // The co-op offers 8 kg of apples; the café offers 5 kg of pears; the co-op asks the café for 2 kg of bread.
      long[] apples = trade(coop, cafe, Side.US, Quantity.kilograms("8"), "apples", expires);
      long[] pears = trade(cafe, coop, Side.US, Quantity.kilograms("5"), "pears", expires);
      long[] bread = trade(coop, cafe, Side.PARTNER, Quantity.kilograms("2"), "bread", expires);
      long f1 = apples[0];
      long c1 = apples[1];
      long c2 = pears[0];
      long f2 = pears[1];
      long f3 = bread[0];
      long c3 = bread[1];

      // Every follower has every entry: the café and the childcare co-op all of the co-op's, the co-op all the café's.
      long foodLast = food.ledger().size() - 1;
      long fixitLast = fixit.ledger().size() - 1;
      fromFood.await(foodNode.followers(FOOD).get(fixitActor.toString()), foodLast);
      fromFood.await(foodNode.followers(FOOD).get(careActor.toString()), foodLast);
      fromFixit.await(fixitNode.followers(FIXIT).get(foodActor.toString()), fixitLast);

      for (FederationNode node : nodes) {
        assertThat(node.deadLetters()).as("dead letters at %s", node.hosted()).isEmpty();
      }
      // The childcare co-op took the co-op's trade steps as public entries: accepted, and its ledger did not move.
      List<String> stepsToFixit = new ArrayList<>();
      for (long i = foodSizeBefore; i <= foodLast; i++) {
        stepsToFixit.add(foodActor + "/entries/" + i + "/activity");
      }
      assertThat(careNode.inbound(CARE)).extracting(InboundActivity::id).containsAll(stepsToFixit);
      assertThat(care.ledger().size()).isEqualTo(careSize);
      assertThat(care.ledger().root()).isEqualTo(careRoot);
      assertThat(care.state().exchanges().trades()).isEmpty();

      // One identity per trade on both ledgers; the café's relayed offers record it.
      for (long[] pair : new long[][] {{f1, c1}, {f3, c3}}) {
        TradeId id = food.trade().trade(pair[0]).orElseThrow().id();
        assertThat(id).isEqualTo(TradeId.of(FOOD, pair[0]));
        assertThat(fixit.trade().trade(pair[1]).orElseThrow().id()).isEqualTo(id);
        assertThat(fixit.trade().trade(id).orElseThrow().entry()).isEqualTo(pair[1]);
        assertThat(((Event.TradeOffered) fixit.ledger().entry(pair[1]).event()).trade()).isEqualTo(id);
      }
      TradeId fromCafe = TradeId.of(FIXIT, c2);
      assertThat(food.trade().trade(fromCafe).orElseThrow().entry()).isEqualTo(f2);
      assertThat(((Event.TradeOffered) food.ledger().entry(f2).event()).trade()).isEqualTo(fromCafe);
      for (TradeId id : List.of(TradeId.of(FOOD, f1), fromCafe, TradeId.of(FOOD, f3))) {
        assertThat(food.trade().trade(id).orElseThrow().stage()).isEqualTo(TradeRecord.Stage.ACKNOWLEDGED);
        assertThat(fixit.trade().trade(id).orElseThrow().stage()).isEqualTo(TradeRecord.Stage.ACKNOWLEDGED);
      }

      // What the co-op's node serves (as it sent): a trade step names the café by name, nothing else names anyone.
      assertThat(to(foodActor, f1)).containsExactly(ActivityStreams.PUBLIC, fixitActor.toString());
      long acceptedPears = LongStream.range(f2, food.ledger().size())
          .filter(i -> food.ledger().entry(i).event() instanceof Event.TradeAccepted a && a.offer() == f2)
          .findFirst().orElseThrow();
      assertThat(to(foodActor, acceptedPears)).containsExactly(ActivityStreams.PUBLIC, fixitActor.toString());
      assertThat(to(foodActor, 0)).containsExactly(ActivityStreams.PUBLIC);

      // Equal and opposite: the co-op gave 8 and received 5 and 2; the café owes it 1 kg.
      assertThat(food.trade().partnership(FIXIT).orElseThrow().balance(Unit.KILOGRAMS)).isEqualByComparingTo("1");
      assertThat(fixit.trade().partnership(FOOD).orElseThrow().balance(Unit.KILOGRAMS)).isEqualByComparingTo("-1");
      assertThat(care.trade().partnership(FOOD).orElseThrow().balance(Unit.KILOGRAMS)).isEqualByComparingTo("0");

      for (FederationNode node : nodes) {
        await(node.stop());
      }
    } finally {
      await(vertx.close());
    }
  }
}
