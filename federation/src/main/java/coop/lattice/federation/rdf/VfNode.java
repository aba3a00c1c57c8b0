package coop.lattice.federation.rdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.jspecify.annotations.Nullable;

/**
 * One node of a ValueFlows shape, as Lattice publishes it: its IRI (none for a measure, which is a
 * blank node), its type and its properties, each a term of Lattice's ValueFlows context ({@link
 * LinkedData#VALUEFLOWS}) or of its own. The same node renders as the JSON-LD that goes out ({@link
 * #toJsonLd()}) and as the triples a store keeps ({@link #triples}); {@code ValueFlowsShapesTest}
 * holds that Jena's JSON-LD reader, with the bundled contexts, reads the first into the second.
 */
public final class VfNode {
  static final String VF = "https://w3id.org/valueflows/ont/vf#";
  static final String OM2 = "http://www.ontology-of-units-of-measure.org/resource/om-2/";
  static final String LATTICE = "https://lattice.coop/ns#";
  static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

  /** A term of the context: its IRI and how its value is written. */
  enum Term {
    action(VF + "action", Kind.IRI), provider(VF + "provider", Kind.IRI), receiver(VF + "receiver", Kind.IRI),
    resourceConformsTo(VF + "resourceConformsTo", Kind.IRI), resourceQuantity(VF + "resourceQuantity", Kind.NODE),
    effortQuantity(VF + "effortQuantity", Kind.NODE), hasNumericalValue(OM2 + "hasNumericalValue", Kind.DECIMAL),
    hasUnit(OM2 + "hasUnit", Kind.IRI), hasPointInTime(VF + "hasPointInTime", Kind.DATE_TIME),
    due(VF + "due", Kind.DATE_TIME), fulfills(VF + "fulfills", Kind.IRI), satisfies(VF + "satisfies", Kind.IRI),
    publishes(VF + "publishes", Kind.NODE), purpose(VF + "purpose", Kind.STRING), note(VF + "note", Kind.STRING),
    name(VF + "name", Kind.STRING), realizationOf(VF + "realizationOf", Kind.IRI),
    trade(LATTICE + "trade", Kind.STRING), reviewOn(LATTICE + "reviewOn", Kind.DATE),
    agreement(LATTICE + "agreement", Kind.IRI), decided(LATTICE + "decided", Kind.DATE_TIME),
    need(LATTICE + "need", Kind.STRING), coveredBy(LATTICE + "coveredBy", Kind.IRI),
    withdraws(LATTICE + "withdraws", Kind.IRI), acknowledged(LATTICE + "acknowledged", Kind.DATE_TIME);

    final String iri;
    final Kind kind;

    Term(String iri, Kind kind) {
      this.iri = iri;
      this.kind = kind;
    }
  }

  enum Kind { IRI, NODE, STRING, DECIMAL, DATE_TIME, DATE }

  /** The {@code @context} object of the bundled ValueFlows context document. */
  private static final ObjectNode BUNDLED_CONTEXT = bundled();

  private static ObjectNode bundled() {
    try (InputStream in = VfNode.class.getResourceAsStream("/coop/lattice/federation/jsonld/valueflows.jsonld")) {
      if (in == null) {
        throw new IllegalStateException("the bundled context valueflows.jsonld is missing");
      }
      return (ObjectNode) new ObjectMapper().readTree(in).get("@context");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled context valueflows.jsonld", e);
    }
  }

  private final @Nullable String id;
  private final String type;
  private final List<Map.Entry<Term, Object>> properties = new ArrayList<>();

  /** A node named {@code id} (null for a blank node) of the context's type {@code type}, such as {@code EconomicEvent}. */
  VfNode(@Nullable String id, String type) {
    this.id = id;
    this.type = type;
  }

  /** Adds {@code term} with {@code value}: an IRI as a String, a nested node, a BigDecimal, an Instant or a LocalDate. */
  VfNode with(Term term, Object value) {
    properties.add(Map.entry(term, value));
    return this;
  }

  public @Nullable String id() {
    return id;
  }

  /**
   * The JSON-LD object, with Lattice's ValueFlows context written out in it (the document behind
   * {@link LinkedData#VALUEFLOWS}, bundled with Lattice), so that a reader that never heard of that
   * URL reads it offline, and the lattice terms it uses.
   */
  public ObjectNode toJsonLd() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.set("@context", CONTEXT.deepCopy());
    out.setAll(body());
    return out;
  }

  /** The {@code @context} every shape is written with: the bundled ValueFlows context, and the lattice terms. */
  static final ArrayNode CONTEXT = context();

  private static ArrayNode context() {
    ArrayNode ctx = JsonNodeFactory.instance.arrayNode();
    ctx.add(BUNDLED_CONTEXT.deepCopy());
    ObjectNode lattice = ctx.addObject();
    lattice.put("lattice", LATTICE);
    lattice.put("name", "vf:name");
    lattice.put("trade", "lattice:trade");
    lattice.put("Coverage", "lattice:Coverage");
    lattice.put("Correction", "lattice:Correction");
    lattice.put("need", "lattice:need");
    typed(lattice, "reviewOn", "xsd:date");
    typed(lattice, "agreement", "@id");
    typed(lattice, "decided", "xsd:dateTime");
    typed(lattice, "acknowledged", "xsd:dateTime");
    typed(lattice, "withdraws", "@id");
    typed(lattice, "coveredBy", "@id");
    return ctx;
  }

  /** Defines the lattice term {@code term} in {@code context}, its values of {@code type}. */
  private static void typed(ObjectNode context, String term, String type) {
    ObjectNode t = context.putObject(term);
    t.put("@id", "lattice:" + term);
    t.put("@type", type);
  }

  /**
   * The triples of {@code obj}, a shape as {@link #toJsonLd()} writes it (its {@code @context} must
   * be exactly {@link #CONTEXT}), handed to {@code out}: what JSON-LD's algorithm gives, read without
   * it, for the fast path ({@link FastPath}); returns its subject. Anything else throws {@link
   * IllegalArgumentException}, and the caller reads the document the general way.
   */
  static Node read(JsonNode obj, Consumer<Triple> out) {
    if (obj.has("@context") && !CONTEXT.equals(obj.get("@context"))) {
      throw new IllegalArgumentException("another context");
    }
    JsonNode id = obj.get("@id");
    JsonNode type = obj.get("@type");
    if (type == null || !type.isTextual() || id != null && (!id.isTextual() || !absolute(id.asText()))) {
      throw new IllegalArgumentException("not a shape's @id and @type");
    }
    Node s = id == null ? NodeFactory.createBlankNode() : NodeFactory.createURI(id.asText());
    String typeIri = switch (type.asText()) {
      case "Measure" -> OM2 + "Measure";
      case "Coverage", "Correction" -> LATTICE + type.asText();
      case "EconomicEvent", "Commitment", "Intent", "Proposal", "Agreement" -> VF + type.asText();
      default -> throw new IllegalArgumentException("not a shape's type");
    };
    out.accept(Triple.create(s, NodeFactory.createURI(RDF_TYPE), NodeFactory.createURI(typeIri)));
    for (Map.Entry<String, JsonNode> p : obj.properties()) {
      String key = p.getKey();
      if (key.equals("@id") || key.equals("@type") || key.equals("@context")) {
        continue;
      }
      if (key.startsWith("@")) {
        throw new IllegalArgumentException("a keyword a shape never has: " + key);
      }
      Term t = Term.valueOf(key); // IllegalArgumentException for any other key
      for (JsonNode v : p.getValue().isArray() ? p.getValue() : List.of(p.getValue())) {
        out.accept(Triple.create(s, NodeFactory.createURI(t.iri), value(t, v, out)));
      }
    }
    return s;
  }

  private static Node value(Term t, JsonNode v, Consumer<Triple> out) {
    if (t.kind == Kind.NODE) {
      if (!v.isObject()) {
        throw new IllegalArgumentException("a nested node as a string"); // a literal to JSON-LD: the general reader
      }
      return read(v, out);
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("not a shape's value");
    }
    String text = v.asText();
    return switch (t.kind) {
      case NODE, IRI -> {
        boolean compact = (text.startsWith("vf:") || text.startsWith("om2:")) && !text.contains("://");
        if (!compact && !absolute(text)) {
          throw new IllegalArgumentException("not an IRI the fast path reads as JSON-LD does");
        }
        yield NodeFactory.createURI(expand(text));
      }
      case STRING -> NodeFactory.createLiteralString(text);
      case DECIMAL -> NodeFactory.createLiteralDT(text, XSDDatatype.XSDdecimal);
      case DATE_TIME -> NodeFactory.createLiteralDT(text, XSDDatatype.XSDdateTime);
      case DATE -> NodeFactory.createLiteralDT(text, XSDDatatype.XSDdate);
    };
  }

  private ObjectNode body() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (id != null) {
      o.put("@id", id);
    }
    o.put("@type", type);
    for (Map.Entry<Term, Object> p : properties) {
      Object v = p.getValue();
      String term = p.getKey().name();
      JsonNode value = v instanceof VfNode n ? n.body() : JsonNodeFactory.instance.textNode(v instanceof BigDecimal d
          ? d.toPlainString() : v.toString());
      JsonNode before = o.get(term);
      if (before == null) {
        o.set(term, value);
      } else if (before.isArray()) { // a term given more than once: its values in an array
        ((ArrayNode) before).add(value);
      } else {
        o.set(term, JsonNodeFactory.instance.arrayNode().add(before).add(value));
      }
    }
    return o;
  }

  /** This node's triples, and its nested nodes', each handed to {@code out}. */
  public void triples(Consumer<Triple> out) {
    subject(out);
  }

  private Node subject(Consumer<Triple> out) {
    Node s = id == null ? NodeFactory.createBlankNode() : NodeFactory.createURI(id);
    String typeIri = switch (type) {
      case "Measure" -> OM2 + "Measure";
      case "Coverage", "Correction" -> LATTICE + type;
      default -> VF + type;
    };
    out.accept(Triple.create(s, NodeFactory.createURI(RDF_TYPE), NodeFactory.createURI(typeIri)));
    for (Map.Entry<Term, Object> p : properties) {
      Term t = p.getKey();
      Object v = p.getValue();
      Node o = switch (t.kind) {
        case NODE -> v instanceof VfNode n ? n.subject(out) : NodeFactory.createURI(v.toString());
        case IRI -> NodeFactory.createURI(expand(v.toString()));
        case STRING -> NodeFactory.createLiteralString(v.toString());
        case DECIMAL -> NodeFactory.createLiteralDT(((BigDecimal) v).toPlainString(), XSDDatatype.XSDdecimal);
        case DATE_TIME -> NodeFactory.createLiteralDT(((Instant) v).toString(), XSDDatatype.XSDdateTime);
        case DATE -> NodeFactory.createLiteralDT(((LocalDate) v).toString(), XSDDatatype.XSDdate);
      };
      out.accept(Triple.create(s, NodeFactory.createURI(t.iri), o));
    }
    return s;
  }

  /** An IRI that JSON-LD takes as it is under any of the shape's contexts: http(s) or urn, plainly written. */
  private static boolean absolute(String iri) {
    return (iri.startsWith("https://") || iri.startsWith("http://") || iri.startsWith("urn:")) && Iris.plainIri(iri);
  }

  private static String expand(String iri) {
    if (iri.startsWith("vf:")) {
      return VF + iri.substring(3);
    }
    return iri.startsWith("om2:") ? OM2 + iri.substring(4) : iri;
  }
}
