package coop.lattice.federation.node;

import static coop.lattice.federation.node.TradeOverFederationIT.ANA;
import static coop.lattice.federation.node.TradeOverFederationIT.BO;
import static coop.lattice.federation.node.TradeOverFederationIT.EXCHANGE;
import static coop.lattice.federation.node.TradeOverFederationIT.WAIT;
import static coop.lattice.federation.node.TradeOverFederationIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.collective.Collective;
import coop.lattice.exchange.CreditLine;
import coop.lattice.federation.Partners;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.ledger.Contribution;
import coop.lattice.metrics.Need;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 7: the redundancy map follows the network. A partner whose node stops answering
 * (its port refuses connections) is failing once its host's circuit breaker opens, and falters
 * once that has lasted longer than the node's flow alarm allows; the map then names who covers
 * each need it covered. When its node answers again and a delivery goes through, it is well.
 */
class FalteringIT {
  static final CollectiveId FOOD = CollectiveId.of("food");
  static final CollectiveId FIXIT = CollectiveId.of("fixit");
  static final CollectiveId BAKERY = CollectiveId.of("bakery");
  static final Need BREAD = new Need("bread");

  @Test
  void aPartnerWhoseNodeStopsAnsweringFaltersAndTheMapNamesWhoCoversItsNeeds(@TempDir Path dir) throws Exception {
    SteppingClock clock = SteppingClock.startingAt(Instant.now(), Duration.ZERO);
    Collective food = TradeOverFederationIT.collective("food", clock, FIXIT, "10");
    food.trade().agree(ANA, BAKERY, EXCHANGE, List.of(CreditLine.of(Unit.KILOGRAMS, "10", "10")));
    food.trade().declareCoverage(ANA, BREAD, List.of(FIXIT, BAKERY));
    food.trade().declareCoverage(ANA, Need.REPAIR, List.of(FIXIT));
    Collective fixit = TradeOverFederationIT.collective("fixit", clock, FOOD, "50");
    Vertx vertx = Vertx.vertx();
    int foodPort = FedifyPeer.freePort();
    int fixitPort = FedifyPeer.freePort();
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    FederationNode foodNode = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + foodPort), dir.resolve("a"))
        .addressPolicy(AddressPolicy.publicOnly().allowing(lo, fixitPort)).clock(clock)
        .retryBase(Duration.ofMillis(20)).circuitBreaker(3, Duration.ofMillis(300))
        .healthAlarm(Duration.ofMinutes(10), 999).collective(food).build();
    await(foodNode.start(foodPort, "127.0.0.1"));
    FederationNode fixitNode = fixitNode(vertx, dir, fixitPort, foodPort, fixit, clock);
    try {
      URI fixitActor = fixitNode.actor(FIXIT);
      foodNode.linkPartner(FOOD, FIXIT, fixitActor, BO);
      foodNode.linkPartner(FOOD, BAKERY, URI.create("http://127.0.0.1:" + FedifyPeer.freePort() + "/collectives/bakery"), BO);
      CompletableFuture<Void> accepted = new CompletableFuture<>();
      fixitNode.onInbound(a -> {
        if (a.type().equals("Accept")) {
          accepted.complete(null);
        }
      });
      await(fixitNode.follow(FIXIT, foodNode.actor(FOOD)));
      accepted.get(WAIT.toSeconds(), TimeUnit.SECONDS);

      Partners well = foodNode.partners(FOOD);
      assertThat(well.partners()).extracting(Partners.Partner::id).containsExactly(BAKERY, FIXIT);
      assertThat(well.partners()).allSatisfy(p -> assertThat(p.failingSince()).isNull());
      assertThat(well.faltering()).isEmpty();
      assertThat(well.cover()).isEmpty();

      // The repair café's node goes away: its port refuses connections. The co-op's entries cannot reach it.
      await(fixitNode.stop());
      Instant stoppedAt = clock.instant();
      food.record(Contribution.toCollective(ANA, ContributionKind.FOOD, Quantity.kilograms("2")));
      Partners failing = waitFor(foodNode, p -> p.partners().stream().anyMatch(x -> x.failingSince() != null));
      assertThat(failing.partners()).filteredOn(x -> x.id().equals(FIXIT)).singleElement()
          .satisfies(x -> assertThat(x.failingSince()).isEqualTo(stoppedAt));
      assertThat(failing.faltering()).as("failing, but not yet for longer than the alarm allows").isEmpty();
      assertThat(latticePage(foodNode)).contains("Our deliveries to it have failed since").doesNotContain("Faltering now");

      clock.advance(Duration.ofMinutes(11));
      Partners faltering = foodNode.partners(FOOD);
      assertThat(faltering.faltering()).containsExactly(FIXIT);
      assertThat(faltering.cover()).isEqualTo(Map.of(FIXIT, Map.of(BREAD, List.of(BAKERY), Need.REPAIR, List.of())));
      // The members see it on their wall: who falters, and who is left to cover what it covered.
      assertThat(latticePage(foodNode)).contains("Faltering now: fixit.", "While fixit falters",
          "<li>bread: bakery</li>", "<li>repair: <strong>nobody</strong></li>");

      // It comes back on the same port; the next delivery goes through, and it is well again.
      CompletableFuture<Void> delivered = new CompletableFuture<>();
      foodNode.onDelivered((inbox, entry) -> delivered.complete(null));
      fixitNode = fixitNode(vertx, dir, fixitPort, foodPort, fixit, clock);
      delivered.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      Partners back = waitFor(foodNode, p -> p.partners().stream().allMatch(x -> x.failingSince() == null));
      assertThat(back.faltering()).isEmpty();
      assertThat(back.cover()).isEmpty();
      assertThat(latticePage(foodNode)).doesNotContain("Faltering now", "have failed since").contains("If fixit falters");
    } finally {
      await(foodNode.stop());
      await(fixitNode.stop());
      await(vertx.close());
    }
  }

  /** The repair café's node, on the same clock as the co-op's: each checks the other's signatures' dates. */
  static FederationNode fixitNode(Vertx vertx, Path dir, int port, int foodPort, Collective fixit, SteppingClock clock)
      throws Exception {
    FederationNode node = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + port), dir.resolve("b"))
        .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), foodPort))
        .clock(clock).collective(fixit).build();
    await(node.start(port, "127.0.0.1"));
    return node;
  }

  /** The co-op's lattice page, as a browser asks for it. */
  static String latticePage(FederationNode node) throws Exception {
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(node.actor(FOOD) + "/lattice")).header("accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page.body();
  }

  /** The co-op's partners once {@code until} holds of them (deliveries are retried on their own schedule). */
  static Partners waitFor(FederationNode node, Predicate<Partners> until) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Partners p = node.partners(FOOD);
    while (!until.test(p) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      p = node.partners(FOOD);
    }
    assertThat(until.test(p)).as("the partners reached the state awaited within %s: %s", WAIT, p).isTrue();
    return p;
  }
}
