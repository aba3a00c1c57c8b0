package coop.lattice.federation.node;

import static coop.lattice.federation.node.ThirdCollectiveTradeIT.follow;
import static coop.lattice.federation.node.ThirdCollectiveTradeIT.trade;
import static coop.lattice.federation.node.TradeOverFederationIT.ANA;
import static coop.lattice.federation.node.TradeOverFederationIT.BO;
import static coop.lattice.federation.node.TradeOverFederationIT.EXCHANGE;
import static coop.lattice.federation.node.TradeOverFederationIT.await;
import static coop.lattice.federation.node.TradeOverFederationIT.collective;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.collective.Collective;
import coop.lattice.collective.TradeRecord;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Side;
import coop.lattice.federation.InboundActivity;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.node.ThirdCollectiveTradeIT.Delivered;
import coop.lattice.federation.node.ThirdCollectiveTradeIT.Party;
import coop.lattice.ledger.Entry;
import coop.lattice.testkit.SteppingClock;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two collectives on one node, a food co-op and a childcare co-op, both partners of a repair café
 * on another node and both following it. Each of the café's entries is one activity with one id,
 * sent to both inboxes; each collective takes it (the one it is addressed to as a trade step, the
 * other as a public entry), where the node once took it for whichever inbox it reached first and
 * answered the other "already accepted", so that collective never saw its trade step.
 */
class SharedNodeTradeIT {
  static final CollectiveId FOOD = CollectiveId.of("food");
  static final CollectiveId CARE = CollectiveId.of("care");
  static final CollectiveId FIXIT = CollectiveId.of("fixit");

  @Test
  void eachCollectiveOnANodeTakesTheSameActivityAndTradesWithTheSamePartner(@TempDir Path dir) throws Exception {
    SteppingClock clock = SteppingClock.startingAt(Instant.now(), Duration.ZERO);
    Collective food = collective("food", clock, FIXIT, "10");
    Collective care = collective("care", clock, FIXIT, "10");
    Collective fixit = collective("fixit", clock, FOOD, "50");
    fixit.trade().agree(ANA, CARE, EXCHANGE, List.of(CreditLine.of(Unit.KILOGRAMS, "50", "10")));
    fixit.trade().appointRelay(ANA, CARE, BO, clock.instant().plus(Duration.ofDays(30)));
    Party coop = party(food, FOOD);
    Party childcare = party(care, CARE);
    Party cafe = party(fixit, FIXIT);
    Vertx vertx = Vertx.vertx();
    try {
      int portA = FedifyPeer.freePort();
      int portB = FedifyPeer.freePort();
      InetAddress lo = InetAddress.getByName("127.0.0.1");
      FederationNode a = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + portA), dir.resolve("a"))
          .addressPolicy(AddressPolicy.publicOnly().allowing(lo, portB)).collective(food).collective(care).build();
      FederationNode b = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + portB), dir.resolve("b"))
          .addressPolicy(AddressPolicy.publicOnly().allowing(lo, portA)).collective(fixit).build();
      await(a.start(portA, "127.0.0.1"));
      await(b.start(portB, "127.0.0.1"));
      URI fixitActor = b.actor(FIXIT);
      a.linkPartner(FOOD, FIXIT, fixitActor, BO);
      a.linkPartner(CARE, FIXIT, fixitActor, BO);
      b.linkPartner(FIXIT, FOOD, a.actor(FOOD), BO);
      b.linkPartner(FIXIT, CARE, a.actor(CARE), BO);
      follow(a, FOOD, fixitActor);
      follow(a, CARE, fixitActor);
      follow(b, FIXIT, a.actor(FOOD));
      follow(b, FIXIT, a.actor(CARE));
      Delivered fromFixit = new Delivered();
      b.onDelivered(fromFixit::took);
      long first = fixit.ledger().size();
      Instant expires = clock.instant().plus(Duration.ofDays(2));

      // The café trades with each, both ways: every step of each trade reaches its counterpart.
      long[] soup = trade(cafe, coop, Side.US, Quantity.kilograms("3"), "soup", expires);
      long[] toys = trade(cafe, childcare, Side.US, Quantity.kilograms("4"), "toys", expires);
      long[] bread = trade(coop, cafe, Side.US, Quantity.kilograms("2"), "bread", expires);
      long[] paint = trade(childcare, cafe, Side.US, Quantity.kilograms("1"), "paint", expires);
      assertThat(food.trade().trade(soup[1]).orElseThrow().stage()).isEqualTo(TradeRecord.Stage.ACKNOWLEDGED);
      assertThat(care.trade().trade(toys[1]).orElseThrow().stage()).isEqualTo(TradeRecord.Stage.ACKNOWLEDGED);
      assertThat(fixit.trade().trade(bread[1]).orElseThrow().stage()).isEqualTo(TradeRecord.Stage.ACKNOWLEDGED);
      assertThat(fixit.trade().trade(paint[1]).orElseThrow().stage()).isEqualTo(TradeRecord.Stage.ACKNOWLEDGED);

      // Both inboxes took every one of the café's entries, each for itself.
      long last = fixit.ledger().size() - 1;
      fromFixit.await(a.actor(FOOD) + "/inbox", last);
      fromFixit.await(a.actor(CARE) + "/inbox", last);
      Set<String> sent = LongStream.rangeClosed(first, last).mapToObj(i -> fixitActor + "/entries/" + i + "/activity")
          .collect(Collectors.toSet());
      assertThat(ids(a.inbound(FOOD))).containsAll(sent);
      assertThat(ids(a.inbound(CARE))).containsAll(sent);
      assertThat(a.deadLetters()).isEmpty();
      assertThat(b.deadLetters()).isEmpty();
      await(a.stop());
      await(b.stop());
    } finally {
      await(vertx.close());
    }
  }

  private static Party party(Collective c, CollectiveId id) {
    LinkedBlockingQueue<Entry> entries = new LinkedBlockingQueue<>();
    c.onEntry(entries::add);
    return new Party(c, id, entries);
  }

  private static Set<String> ids(List<InboundActivity> inbound) {
    return inbound.stream().map(InboundActivity::id).collect(Collectors.toSet());
  }
}
