package coop.lattice.federation.sparql;

import coop.lattice.federation.rdf.VfNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * What the contributions in a batch of shapes add to each month's total, by need and unit: the
 * totals a graph keeps as triples beside the events ({@code lattice:MonthlyTotal}, {@code <graph>/totals/
 * <month>/<need>/<unit>}), so that a monthly aggregate over a million entries reads a few dozen
 * triples, not a million events ({@link NetworkQuestions#SOVEREIGNTY}). A contribution counts in the
 * month (UTC) it was recorded, under the need its kind names, as the sovereignty metrics count it;
 * a correction takes the event it withdraws back out of its month.
 */
final class MonthlyTotals {
  static final String VF = "https://w3id.org/valueflows/ont/vf#";
  static final String OM2 = "http://www.ontology-of-units-of-measure.org/resource/om-2/";
  static final String LATTICE = "https://lattice.coop/ns#";
  static final String KINDS = "https://lattice.coop/ns/kinds#";
  static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  static final Node TOTAL = NodeFactory.createURI(LATTICE + "MonthlyTotal");
  static final Node MONTH = NodeFactory.createURI(LATTICE + "month");
  static final Node NEED = NodeFactory.createURI(LATTICE + "need");
  static final Node UNIT = NodeFactory.createURI(OM2 + "hasUnit");
  static final Node VALUE = NodeFactory.createURI(OM2 + "hasNumericalValue");

  /** A month's total for a need in a unit (the unit's OM2 IRI). */
  record Key(String month, String need, String unit) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      return (month + need + unit).compareTo(o.month + o.need + o.unit);
    }

    /** The total's node in {@code graph}. */
    Node node(String graph) {
      return NodeFactory.createURI(graph + "/totals/" + month + "/" + need + "/" + unit.substring(unit.lastIndexOf('/') + 1));
    }

    /** The total's triples in {@code graph}, holding {@code amount}. */
    List<Triple> triples(String graph, BigDecimal amount) {
      Node s = node(graph);
      return List.of(Triple.create(s, TYPE, TOTAL), Triple.create(s, MONTH, NodeFactory.createLiteralString(month)),
          Triple.create(s, NEED, NodeFactory.createLiteralString(need)), Triple.create(s, UNIT, NodeFactory.createURI(unit)),
          Triple.create(s, VALUE, NodeFactory.createLiteralDT(amount.toPlainString(), XSDDatatype.XSDdecimal)));
    }
  }

  private MonthlyTotals() {}

  /** A counted event: the total it is in, and how much it adds to it. */
  record Counted(Key key, BigDecimal amount) {}

  /**
   * What {@code shapes} add, per month, need and unit: each economic event of a kind, less each
   * event a correction withdraws, found in {@code shapes} or, if it came before them, by {@code
   * earlier} (the graph's own copy of it; empty if it never counted, as an unacknowledged one).
   */
  static Map<Key, BigDecimal> of(List<VfNode> shapes, Function<String, Optional<Counted>> earlier) {
    Map<String, Counted> events = new HashMap<>();
    List<String> withdrawn = new ArrayList<>();
    for (VfNode shape : shapes) {
      Map<Node, Map<String, Node>> bySubject = new HashMap<>();
      shape.triples(t -> bySubject.computeIfAbsent(t.getSubject(), k -> new HashMap<>())
          .put(t.getPredicate().getURI(), t.getObject()));
      Map<String, Node> node = bySubject.get(shape.id() == null ? null : NodeFactory.createURI(shape.id()));
      if (node == null) {
        continue;
      }
      Node withdraws = node.get(LATTICE + "withdraws");
      if (withdraws != null) {
        withdrawn.add(withdraws.getURI());
      } else {
        counted(node, bySubject).ifPresent(c -> events.put(shape.id(), c));
      }
    }
    Map<Key, BigDecimal> out = new TreeMap<>();
    events.values().forEach(c -> out.merge(c.key(), c.amount(), BigDecimal::add));
    for (String iri : withdrawn) {
      Counted c = events.containsKey(iri) ? events.get(iri) : earlier.apply(iri).orElse(null);
      if (c != null) {
        out.merge(c.key(), c.amount().negate(), BigDecimal::add);
      }
    }
    return out;
  }

  /** What {@code shape} counts, if it is an economic event that counts. */
  static Optional<Counted> countedOf(VfNode shape) {
    Map<Node, Map<String, Node>> bySubject = new HashMap<>();
    shape.triples(t -> bySubject.computeIfAbsent(t.getSubject(), k -> new HashMap<>())
        .put(t.getPredicate().getURI(), t.getObject()));
    Map<String, Node> node = bySubject.get(shape.id() == null ? null : NodeFactory.createURI(shape.id()));
    return node == null ? Optional.empty() : counted(node, bySubject);
  }

  /** What the economic event of the node {@code event} counts, if it counts (a kind, a time, a measure). */
  private static Optional<Counted> counted(Map<String, Node> event, Map<Node, Map<String, Node>> bySubject) {
    if (!NodeFactory.createURI(VF + "EconomicEvent").equals(event.get(TYPE.getURI()))) {
      return Optional.empty();
    }
    Node kind = event.get(VF + "resourceConformsTo");
    Node time = event.get(VF + "hasPointInTime");
    Node measure = event.containsKey(VF + "resourceQuantity") ? event.get(VF + "resourceQuantity")
        : event.get(VF + "effortQuantity");
    if (kind == null || time == null || measure == null || !kind.getURI().startsWith(KINDS)) {
      return Optional.empty();
    }
    Map<String, Node> q = bySubject.get(measure);
    return Optional.of(new Counted(new Key(time.getLiteralLexicalForm().substring(0, 7),
        kind.getURI().substring(KINDS.length()), q.get(OM2 + "hasUnit").getURI()),
        new BigDecimal(q.get(OM2 + "hasNumericalValue").getLiteralLexicalForm())));
  }

  /** What the event {@code iri} in {@code graph} counts, if it is there and counts. */
  static Optional<Counted> in(Graph graph, String iri) {
    Map<Node, Map<String, Node>> bySubject = new HashMap<>();
    Node event = NodeFactory.createURI(iri);
    graph.find(event, Node.ANY, Node.ANY).forEachRemaining(t -> bySubject.computeIfAbsent(event, k -> new HashMap<>())
        .put(t.getPredicate().getURI(), t.getObject()));
    Map<String, Node> node = bySubject.get(event);
    if (node == null) {
      return Optional.empty();
    }
    for (String quantity : List.of(VF + "resourceQuantity", VF + "effortQuantity")) {
      Node m = node.get(quantity);
      if (m != null) {
        graph.find(m, Node.ANY, Node.ANY).forEachRemaining(t -> bySubject.computeIfAbsent(m, k -> new HashMap<>())
            .put(t.getPredicate().getURI(), t.getObject()));
      }
    }
    return counted(node, bySubject);
  }
}
