package coop.lattice.federation.sparql;

import coop.lattice.federation.rdf.VfNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * What the contributions in a batch of shapes add to each month's total, by need and unit: the
 * totals a graph keeps as triples beside the events ({@code lattice:MonthlyTotal}, {@code <graph>/totals/
 * <month>/<need>/<unit>}), so that a monthly aggregate over a million entries reads a few dozen
 * triples, not a million events ({@link NetworkQuestions#SOVEREIGNTY}). A contribution counts in the
 * month (UTC) it was recorded, under the need its kind names, as the sovereignty metrics count it.
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

  /** What {@code shapes} add, per month, need and unit. */
  static Map<Key, BigDecimal> of(List<VfNode> shapes) {
    Map<Key, BigDecimal> out = new TreeMap<>();
    for (VfNode shape : shapes) {
      Map<Node, Map<String, Node>> bySubject = new HashMap<>();
      shape.triples(t -> bySubject.computeIfAbsent(t.getSubject(), k -> new HashMap<>())
          .put(t.getPredicate().getURI(), t.getObject()));
      Map<String, Node> event = bySubject.get(shape.id() == null ? null : NodeFactory.createURI(shape.id()));
      if (event == null || !NodeFactory.createURI(VF + "EconomicEvent").equals(event.get(TYPE.getURI()))) {
        continue;
      }
      Node kind = event.get(VF + "resourceConformsTo");
      Node time = event.get(VF + "hasPointInTime");
      Node measure = event.containsKey(VF + "resourceQuantity") ? event.get(VF + "resourceQuantity")
          : event.get(VF + "effortQuantity");
      if (kind == null || time == null || measure == null || !kind.getURI().startsWith(KINDS)) {
        continue;
      }
      Map<String, Node> q = bySubject.get(measure);
      Key key = new Key(time.getLiteralLexicalForm().substring(0, 7), kind.getURI().substring(KINDS.length()),
          q.get(OM2 + "hasUnit").getURI());
      out.merge(key, new BigDecimal(q.get(OM2 + "hasNumericalValue").getLiteralLexicalForm()), BigDecimal::add);
    }
    return out;
  }
}
