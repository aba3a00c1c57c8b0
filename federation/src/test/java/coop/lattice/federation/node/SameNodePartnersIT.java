package coop.lattice.federation.node;

import static coop.lattice.federation.node.ThirdCollectiveTradeIT.follow;
import static coop.lattice.federation.node.ThirdCollectiveTradeIT.trade;
import static coop.lattice.federation.node.TradeOverFederationIT.BO;
import static coop.lattice.federation.node.TradeOverFederationIT.await;
import static coop.lattice.federation.node.TradeOverFederationIT.collective;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.collective.Collective;
import coop.lattice.exchange.Side;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.node.ThirdCollectiveTradeIT.Party;
import coop.lattice.ledger.Entry;
import coop.lattice.merkle.Hash;
import coop.lattice.testkit.SteppingClock;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A food co-op and a repair café hosted on one node are partners like any others: they follow
 * each other and trade both ways through their inboxes, the node checking each one's signatures
 * with the key it holds for it. An activity from the node's origin whose actor is no collective
 * hosted there, or one signed with another key than the hosted collective's, is refused and
 * changes nothing.
 */
class SameNodePartnersIT {
  static final CollectiveId FOOD = CollectiveId.of("food");
  static final CollectiveId FIXIT = CollectiveId.of("fixit");

  @Test
  void twoCollectivesOnOneNodeFollowAndTradeWithEachOther(@TempDir Path dir) throws Exception {
    SteppingClock clock = SteppingClock.startingAt(Instant.now(), Duration.ZERO);
    Collective food = collective("food", clock, FIXIT, "10");
    Collective fixit = collective("fixit", clock, FOOD, "50");
    Vertx vertx = Vertx.vertx();
    try {
      int port = FedifyPeer.freePort();
      // The node reaches itself, as a node with a public name does through its own address.
      FederationNode node = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + port), dir)
          .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), port))
          .collective(food).collective(fixit).build();
      await(node.start(port, "127.0.0.1"));
      node.linkPartner(FOOD, FIXIT, node.actor(FIXIT), BO);
      node.linkPartner(FIXIT, FOOD, node.actor(FOOD), BO);
      follow(node, FOOD, node.actor(FIXIT));
      follow(node, FIXIT, node.actor(FOOD));

      Party coop = party(food, FOOD);
      Party cafe = party(fixit, FIXIT);
      Instant expires = clock.instant().plus(Duration.ofDays(2));
      trade(coop, cafe, Side.US, Quantity.kilograms("8"), "apples", expires);
      trade(cafe, coop, Side.US, Quantity.kilograms("5"), "pears", expires);
      assertThat(food.trade().partnership(FIXIT).orElseThrow().balance(Unit.KILOGRAMS)).isEqualByComparingTo("3");
      assertThat(fixit.trade().partnership(FOOD).orElseThrow().balance(Unit.KILOGRAMS)).isEqualByComparingTo("-3");
      assertThat(node.deadLetters()).isEmpty();

      // Claiming the node's origin: an actor that is no collective here, and the café signed by another key.
      KeyPair mallory = KeyPairGenerator.getInstance("RSA").generateKeyPair();
      URI inbox = URI.create(node.actor(FOOD) + "/inbox");
      long size = food.ledger().size();
      Hash root = food.ledger().root();
      String nobody = "http://127.0.0.1:" + port + "/collectives/nobody";
      HttpResponse<String> noSuchActor = RemoteActors.signedPost(inbox, followBody(nobody, node.actor(FOOD)),
          nobody + "#main-key", mallory, HttpSignatures.Scheme.CAVAGE, Instant.now(), m -> m);
      assertThat(noSuchActor.statusCode()).as(noSuchActor.body()).isEqualTo(403);
      assertThat(noSuchActor.body()).contains("must come from a collective it hosts");
      String cafeActor = node.actor(FIXIT).toString();
      HttpResponse<String> forged = RemoteActors.signedPost(inbox, followBody(cafeActor, node.actor(FOOD)),
          cafeActor + "#main-key", mallory, HttpSignatures.Scheme.CAVAGE, Instant.now(), m -> m);
      assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
      assertThat(food.ledger().size()).isEqualTo(size);
      assertThat(food.ledger().root()).isEqualTo(root);
      await(node.stop());
    } finally {
      await(vertx.close());
    }
  }

  private static String followBody(String actor, URI object) {
    return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + actor + "/follows/x1\","
        + "\"type\":\"Follow\",\"actor\":\"" + actor + "\",\"object\":\"" + object + "\"}";
  }

  private static Party party(Collective c, CollectiveId id) {
    LinkedBlockingQueue<Entry> entries = new LinkedBlockingQueue<>();
    c.onEntry(entries::add);
    return new Party(c, id, entries);
  }
}
