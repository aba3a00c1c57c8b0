package coop.lattice.federation.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.federation.json.Json;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Entry;
import coop.lattice.metrics.Need;
import coop.lattice.testkit.SteppingClock;
import coop.lattice.testkit.TradingPartners;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/**
 * The ValueFlows shapes of a season's entries: what goes out as JSON-LD reads, with Jena's own
 * JSON-LD 1.1 reader and the bundled contexts alone, into exactly the triples a store keeps; an
 * acknowledged contribution is an economic event by the member's handle, and by the collective for
 * a member who appears only in aggregates; a trade's steps are a proposal, a commitment and an
 * event with the trade's identity; an adopted agreement is an agreement; a coverage declaration
 * names every partner it names.
 */
class ValueFlowsShapesTest {
  static final CollectiveId FOOD = CollectiveId.of("food");
  static final CollectiveId FIXIT = CollectiveId.of("fixit");
  static final String ACTOR = "https://food.example/collectives/food";

  @Test
  void eachShapeReadsAsJsonLdIntoTheTriplesAStoreKeeps() throws Exception {
    SteppingClock clock = SteppingClock.startingAt("2026-12-01T10:00:00Z", java.time.Duration.ZERO);
    Collective food = TradingPartners.collective(FOOD, clock, "50", false, FIXIT, CollectiveId.of("care"));
    Collective fixit = TradingPartners.collective(FIXIT, clock, "50", false, FOOD);
    MemberId cleo = MemberId.of("cleo");
    food.admit(TradingPartners.ANA, cleo, Appearance.onlyInAggregates());
    long byAna = food.record(Contribution.toMember(TradingPartners.ANA, TradingPartners.BO, ContributionKind.FOOD,
        Quantity.kilograms("4")));
    food.acknowledge(TradingPartners.BO, byAna);
    long byCleo = food.record(Contribution.toMember(cleo, TradingPartners.BO, ContributionKind.WORK, Quantity.hours("2")));
    food.acknowledge(TradingPartners.BO, byCleo);
    TradingPartners.give(food, fixit, "6", clock);
    food.trade().declareCoverage(TradingPartners.ANA, Need.of("food"), List.of(FIXIT, CollectiveId.of("care")));

    List<VfNode> shapes = new ArrayList<>();
    for (Entry e : food.ledger().entries(0, food.ledger().size())) {
      Optional<VfNode> shape = ValueFlowsShapes.of(e, ACTOR, food.ledger()::entry);
      if (shape.isEmpty()) {
        continue;
      }
      shapes.add(shape.get());
      Graph direct = GraphFactory.createDefaultGraph();
      shape.get().triples(direct::add);
      Graph read = LinkedData.toGraph(Json.bytes(shape.get().toJsonLd()));
      assertThat(read.isIsomorphicWith(direct)).as("%s\n%s\n%s", shape.get().toJsonLd(), read, direct)
          .isTrue();
    }
    // The adopted exchange agreement, two acknowledged contributions, the offer, its commitment and its event.
    assertThat(shapes).extracting(VfNode::id).contains(ACTOR + "/entries/" + byAna + "#event",
        ACTOR + "/entries/" + byCleo + "#event");
    assertThat(shapes).extracting(VfNode::id).anyMatch(id -> id.startsWith(ACTOR + "/agreements/exchange/"));
    assertThat(shapes.stream().filter(s -> s.id().endsWith("#proposal")).count()).isEqualTo(1);
    assertThat(shapes.stream().filter(s -> s.id().endsWith("#commitment")).count()).isEqualTo(1);
    assertThat(shapes).extracting(VfNode::id).anyMatch(id -> id.startsWith(ACTOR + "/coverage/food/"));

    Graph all = GraphFactory.createDefaultGraph();
    shapes.forEach(s -> s.triples(all::add));
    Node provider = NodeFactory.createURI(VfNode.VF + "provider");
    Node anaEvent = NodeFactory.createURI(ACTOR + "/entries/" + byAna + "#event");
    Node cleoEvent = NodeFactory.createURI(ACTOR + "/entries/" + byCleo + "#event");
    assertThat(all.find(anaEvent, provider, Node.ANY).next().getObject().getURI())
        .startsWith("urn:lattice:collective:food:member:h-");
    // Cleo appears only in aggregates: her work is the collective's, in the open.
    assertThat(all.find(cleoEvent, provider, Node.ANY).next().getObject().getURI()).isEqualTo("urn:lattice:collective:food");
    assertThat(all.find(Node.ANY, Node.ANY, Node.ANY).toList()).noneMatch(t -> t.getObject().isURI()
        && t.getObject().getURI().contains(":member:t-"));
  }
}
