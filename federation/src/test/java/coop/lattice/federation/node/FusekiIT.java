package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.collective.Collective;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.sparql.NetworkGraphs;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Contribution;
import coop.lattice.store.LedgerStore;
import coop.lattice.testkit.KeyChanges;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote store: a real Apache Jena Fuseki server (the {@code jena-fuseki-server} jar, from Maven) in a
 * process of its own on loopback, written to by two nodes: the co-op's node writes its ledger's
 * graph, the café's node its own and its verified copy of the co-op's, which is there already and is
 * not written twice. A query at Fuseki gives the kilograms the co-op's fold totals.
 */
class FusekiIT {
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");

  @Test
  void twoNodesWriteTheirGraphsToOneFusekiThatAnswersAsTheFolds(@TempDir Path dir) throws Exception {
    FusekiServer fuseki = FusekiServer.start(dir);
    Vertx vertx = Vertx.vertx();
    try {
      URI dataset = fuseki.dataset();
      Collective food = collective("food", 1);
      Collective cafe = collective("fixit", 2);
      food.acknowledge(BO, food.record(Contribution.toMember(ANA, BO, ContributionKind.FOOD, Quantity.kilograms("4"))));
      food.acknowledge(ANA, food.record(Contribution.toMember(BO, ANA, ContributionKind.FOOD, Quantity.kilograms("2.5"))));
      InetAddress lo = InetAddress.getByName("127.0.0.1");
      int portA = FedifyPeer.freePort();
      int portB = FedifyPeer.freePort();
      FederationNode foodNode = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + portA), dir.resolve("a"))
          .addressPolicy(AddressPolicy.publicOnly().allowing(lo, portB)).linkedData(NetworkGraphs.inMemory())
          .remoteLinkedData(dataset).collective(food).build();
      FederationNode cafeNode = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + portB), dir.resolve("b"))
          .addressPolicy(AddressPolicy.publicOnly().allowing(lo, portA)).linkedData(NetworkGraphs.inMemory())
          .remoteLinkedData(dataset).collective(cafe).build();
      MirrorIT.await(foodNode.start(portA, "127.0.0.1"));
      MirrorIT.await(cafeNode.start(portB, "127.0.0.1"));
      String actor = foodNode.actor(food.id()).toString();
      foodNode.linkedData().flush(); // the co-op's graph reaches Fuseki from its own node first
      food.checkpoint();
      MirrorIT.await(cafeNode.mirror(cafe.id(), URI.create(actor)));
      cafeNode.linkedData().flush(); // the café's copy finds it there

      BigDecimal folded = food.totals(Instant.EPOCH, Instant.now().plusSeconds(3600))
          .of(ContributionKind.FOOD, Unit.KILOGRAMS);
      assertThat(folded).isEqualByComparingTo("6.5");
      String kg = fuseki.csv(LinkedDataIT.FOOD_KG.formatted(actor));
      assertThat(new BigDecimal(kg.split("\r\n")[1])).isEqualByComparingTo(folded);
      String events = fuseki.csv("SELECT (COUNT(?e) AS ?n) WHERE { GRAPH <" + actor + "> { ?e a "
          + "<https://w3id.org/valueflows/ont/vf#EconomicEvent> } }");
      assertThat(events).isEqualTo("n\r\n2\r\n"); // written once, though two nodes hold the co-op's ledger
      String met = fuseki.csv(coop.lattice.federation.sparql.NetworkQuestions.SOVEREIGNTY);
      assertThat(met.lines().skip(1).toList()).hasSize(1); // this month's food, in kilograms: the totals kept there too
      assertThat(new BigDecimal(met.lines().skip(1).findFirst().orElseThrow().split(",")[3]))
          .isEqualByComparingTo(folded);

      // A correction of the first contribution, in a later batch: Fuseki's totals take the old amount back out.
      food.acknowledge(BO, food.correct(ledgerIndexOfFirstContribution(food), Contribution.toMember(ANA, BO,
          ContributionKind.FOOD, Quantity.kilograms("3"))));
      foodNode.linkedData().flush();
      BigDecimal corrected = food.totals(Instant.EPOCH, Instant.now().plusSeconds(3600))
          .of(ContributionKind.FOOD, Unit.KILOGRAMS);
      assertThat(corrected).isEqualByComparingTo("5.5");
      String after = fuseki.csv(coop.lattice.federation.sparql.NetworkQuestions.SOVEREIGNTY);
      assertThat(new BigDecimal(after.lines().skip(1).findFirst().orElseThrow().split(",")[3]))
          .isEqualByComparingTo(corrected);
      String graphs = fuseki.csv("SELECT ?g WHERE { GRAPH ?g { ?g <https://lattice.coop/ns#entriesLoaded> ?n } }"
          + " ORDER BY ?g");
      assertThat(graphs.lines().skip(1).toList()).containsExactlyInAnyOrder(actor,
          cafeNode.actor(cafe.id()).toString());

      MirrorIT.await(cafeNode.stop());
      MirrorIT.await(foodNode.stop());
    } finally {
      MirrorIT.await(vertx.close());
      fuseki.close();
    }
  }

  private static long ledgerIndexOfFirstContribution(Collective c) {
    for (long i = 0; i < c.ledger().size(); i++) {
      if (c.ledger().entry(i).event() instanceof coop.lattice.ledger.Event.ContributionRecorded) {
        return i;
      }
    }
    throw new AssertionError("no contribution");
  }

  private static Collective collective(String id, int seed) {
    Collective c = Collective.found(CollectiveId.of(id), id, ANA, Appearance.byName("Ana"), LedgerStore.inMemory(),
        KeyChanges.key(seed), Clock.systemUTC());
    c.admit(ANA, BO, Appearance.byName("Bo"));
    return c;
  }
}
