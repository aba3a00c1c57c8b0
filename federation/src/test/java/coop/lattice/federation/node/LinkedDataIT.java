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
import coop.lattice.federation.sparql.SparqlEndpoint;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.store.LedgerStore;
import coop.lattice.testkit.KeyChanges;
import coop.lattice.time.SteppingClock;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network's ledgers as linked data, on two nodes on loopback: the co-op's node keeps its own
 * ledger's ValueFlows shapes in a TDB2 store on disk, the café's node keeps its verified copy of it
 * in memory; a SPARQL query at either gives the kilograms of food the co-op shared, equal to what
 * the co-op's own fold totals; a member who appears only in aggregates is never an agent; a history
 * rewritten after the copy was verified never reaches the café's store (kept on disk across the
 * café's node's restart), and a flagged partner is answered no more.
 */
class LinkedDataIT {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final MemberId CLEO = MemberId.of("cleo");
  static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);

  static final String FOOD_KG = """
      PREFIX vf: <https://w3id.org/valueflows/ont/vf#>
      PREFIX om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/>
      SELECT (SUM(?v) AS ?kg) WHERE { GRAPH <%s> {
        ?e a vf:EconomicEvent ; vf:resourceConformsTo <https://lattice.coop/ns/kinds#food> ; vf:resourceQuantity ?q .
        ?q om2:hasUnit om2:kilogram ; om2:hasNumericalValue ?v } }""";

  @Test
  void aQueryAtEitherNodeGivesWhatTheFoldGives(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Collective food = food();
      Collective rewritten = food(); // the same collective and key: another history from entry 3 on
      MirrorIT.give(rewritten, "50");
      give(food, ANA, "4");
      give(food, CLEO, "3");
      Collective cafe = Collective.found(CollectiveId.of("fixit"), "fixit", ANA, Appearance.byName("Ana"),
          LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
              16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}), Clock.systemUTC());
      InetAddress lo = InetAddress.getByName("127.0.0.1");
      int portA = FedifyPeer.freePort();
      int portB = FedifyPeer.freePort();
      FederationNode foodNode = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + portA), dir.resolve("a"))
          .addressPolicy(AddressPolicy.publicOnly().allowing(lo, portB)).linkedData(NetworkGraphs.inMemory())
          .collective(food).build();
      AtomicReference<NetworkGraphs> cafeStore = new AtomicReference<>();
      java.util.function.Supplier<FederationNode> cafeNodeOnDisk = () -> {
        cafeStore.set(NetworkGraphs.onDisk(dir.resolve("b-linked-data"))); // TDB2 on disk, kept across the restart
        return FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + portB), dir.resolve("b"))
            .addressPolicy(AddressPolicy.publicOnly().allowing(lo, portA)).linkedData(cafeStore.get()).collective(cafe)
            .build();
      };
      FederationNode cafeNode = cafeNodeOnDisk.get();
      MirrorIT.await(foodNode.start(portA, "127.0.0.1"));
      MirrorIT.await(cafeNode.start(portB, "127.0.0.1"));
      String actor = foodNode.actor(food.id()).toString();
      food.checkpoint();
      MirrorIT.await(cafeNode.mirror(cafe.id(), URI.create(actor)));
      foodNode.linkedData().flush();
      cafeNode.linkedData().flush();

      BigDecimal folded = food.totals(Instant.EPOCH, Instant.now().plusSeconds(3600))
          .of(ContributionKind.FOOD, Unit.KILOGRAMS);
      assertThat(folded).isEqualByComparingTo("7");
      String query = FOOD_KG.formatted(actor);
      assertThat(sum(csv(portA, query))).isEqualByComparingTo(folded);
      assertThat(sum(csv(portB, query))).isEqualByComparingTo(folded);
      // Cleo appears only in aggregates: no agent of the co-op's ledger is a tag; her 3 kg are the co-op's.
      String agents = csv(portB, "SELECT DISTINCT ?a WHERE { ?e <https://w3id.org/valueflows/ont/vf#provider> ?a }");
      assertThat(agents).contains("urn:lattice:collective:food:member:h-").contains("urn:lattice:collective:food\r\n")
          .doesNotContain(":member:t-");

      // The café's node restarts: its store on disk and its copy read back answer as before, without a pull.
      MirrorIT.await(cafeNode.stop());
      cafeNode = cafeNodeOnDisk.get();
      MirrorIT.await(cafeNode.start(portB, "127.0.0.1"));
      cafeNode.linkedData().flush();
      assertThat(sum(csv(portB, query))).isEqualByComparingTo(folded);

      // The co-op's node now serves a rewritten history: the café's pull flags it, and its store keeps what it verified.
      foodNode.unhost(food.id());
      foodNode.host(rewritten);
      rewritten.checkpoint();
      assertThat(MirrorIT.await(cafeNode.mirror(cafe.id(), URI.create(actor)).recover(e -> io.vertx.core.Future
          .succeededFuture(null)))).isNull();
      assertThat(cafeNode.defences().flagged(actor)).isPresent();
      cafeNode.linkedData().flush();
      // A flagged partner is answered no more; its graph in the store holds what was verified, nothing rewritten.
      assertThat(sum(csv(portB, query))).isEqualByComparingTo("0");
      assertThat(cafeStore.get().loaded(actor)).isEqualTo(food.ledger().size());
      assertThat(cafeStore.get().loadedRoot(actor)).isEqualTo(food.ledger().root().hex());
      String inStore = new String(new SparqlEndpoint(cafeStore.get(), () -> java.util.Set.of(actor),
          SparqlEndpoint.Limits.DEFAULT).query(query, SparqlEndpoint.CSV).body(), StandardCharsets.UTF_8);
      assertThat(sum(inStore)).isEqualByComparingTo(folded);
      assertThat(status(portB, "DELETE WHERE { ?s ?p ?o }")).isEqualTo(400); // read-only: no update is a query
      // No request from the node: a SERVICE, even in a subquery, is refused before anything runs.
      assertThat(status(portB, "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://127.0.0.1:" + portA
          + "/sparql> { ?s ?p ?o } } } }")).isEqualTo(400);

      MirrorIT.await(cafeNode.stop());
      MirrorIT.await(foodNode.stop());
    } finally {
      MirrorIT.await(vertx.close());
    }
  }

  /** A collective whose agreements say {@code sparql-endpoint: closed} is left out of its own node's answers. */
  @Test
  void aCollectiveThatClosesTheEndpointIsLeftOut(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      SteppingClock clock = SteppingClock.startingAt(Instant.now(), Duration.ZERO);
      Collective food = Collective.found(CollectiveId.of("food"), "food", ANA, Appearance.byName("Ana"),
          LedgerStore.inMemory(), KEY, clock);
      food.admit(ANA, BO, Appearance.byName("Bo"));
      give(food, ANA, "4");
      int port = FedifyPeer.freePort();
      FederationNode node = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + port), dir)
          .linkedData(NetworkGraphs.inMemory()).collective(food).build();
      MirrorIT.await(node.start(port, "127.0.0.1"));
      String actor = node.actor(food.id()).toString();
      String ask = "ASK { GRAPH <" + actor + "> { ?s ?p ?o } }";
      node.linkedData().flush();
      assertThat(csv(port, ask)).contains("true");

      KeyChanges.agree(food, ANA, BO, clock, "sparql-endpoint", "closed");
      node.linkedData().flush();
      assertThat(csv(port, ask)).contains("false");
      assertThat(csv(port, FOOD_KG.formatted(actor))).isEqualTo("kg\r\n0\r\n"); // nothing of it to sum
      MirrorIT.await(node.stop());
    } finally {
      MirrorIT.await(vertx.close());
    }
  }

  private static Collective food() {
    Collective c = Collective.found(CollectiveId.of("food"), "food", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), KEY, Clock.systemUTC());
    c.admit(ANA, BO, Appearance.byName("Bo"));
    c.admit(ANA, CLEO, Appearance.onlyInAggregates());
    return c;
  }

  private static void give(Collective c, MemberId giver, String kg) {
    c.acknowledge(BO, c.record(Contribution.toMember(giver, BO, ContributionKind.FOOD, Quantity.kilograms(kg))));
  }

  private static String csv(int port, String query) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sparql?query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("accept", "text/csv").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  /** The one value of a one-column CSV answer. */
  private static BigDecimal sum(String csv) {
    return new BigDecimal(csv.split("\r\n")[1]);
  }

  private static int status(int port, String query) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sparql"))
        .header("content-type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
