package coop.lattice.federation.rdf;

import com.apicatalog.jsonld.lang.LanguageTag;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.jspecify.annotations.Nullable;

/**
 * JSON-LD to RDF without the general algorithm, for the documents the fediverse mostly sends:
 * an {@code @context} that is the ActivityStreams context, alone or followed by Lattice's context
 * and inline objects of plain term definitions, and a ValueFlows shape as Lattice writes it ({@link VfNode#read}). Terms come from the bundled ActivityStreams context (its {@code
 * @id}, {@code @type} and {@code @container} definitions, and {@code @vocab "_:"}, under which an
 * undefined property is dropped and an undefined type becomes a blank node, as the standard
 * algorithm does). Anything outside that subset (other contexts, value objects, relative IRIs,
 * fractions, scoped contexts) is declined with {@link Optional#empty()}, and the caller uses
 * Jena's general reader. {@code FastPathIsomorphismTest} proves the graphs equal (isomorphic) to
 * Jena's on a corpus.
 */
public final class FastPath {
  static final String AS = "https://www.w3.org/ns/activitystreams";
  static final String AS_HTTP = "http://www.w3.org/ns/activitystreams";
  /** Lattice's own context: the terms of its activities (sequence, entry, checkpoint). */
  public static final String LATTICE = "https://lattice.coop/ns";

  private FastPath() {}

  /** The document's graph, or empty when the document is outside the subset. */
  public static Optional<Graph> toGraph(JsonNode doc) {
    Graph g = GraphFactory.createDefaultGraph();
    return walk(doc, g::add) ? Optional.of(g) : Optional.empty();
  }

  /**
   * True when the document is inside the subset, and so reads as JSON-LD exactly as {@link
   * #toGraph} would read it, without building the graph: what an inbox needs to validate.
   */
  public static boolean readable(JsonNode doc) {
    return walk(doc, t -> { });
  }

  /**
   * Hands each triple of the document's graph to {@code sink} as it is read, and says whether the
   * document was inside the subset (when it was not, the triples handed so far are not the graph).
   */
  public static boolean walk(JsonNode doc, Consumer<Triple> sink) {
    try { // a document that is no object has no @context: declined
      new Walk(FastContext.of(doc.get("@context")), sink).node(doc);
      return true;
    } catch (Decline d) {
      return false;
    }
  }

  private static List<JsonNode> iterable(JsonNode a) {
    return java.util.stream.StreamSupport.stream(a.spliterator(), false).toList();
  }

  private static final class Walk {
    private final FastContext ctx;
    private final Consumer<Triple> g;
    private final Map<String, Node> blanks = new HashMap<>();

    Walk(FastContext ctx, Consumer<Triple> g) {
      this.ctx = ctx;
      this.g = g;
    }

    Node node(JsonNode obj) {
      JsonNode id = obj.has("id") ? obj.get("id") : obj.get("@id");
      Node subject;
      if (id == null) {
        subject = NodeFactory.createBlankNode();
      } else if (id.isTextual()) {
        subject = iri(id.asText());
      } else {
        throw new Decline();
      }
      for (Map.Entry<String, JsonNode> e : obj.properties()) {
        String key = e.getKey();
        JsonNode value = e.getValue();
        if (key.equals("@context") || key.equals("id") || key.equals("@id")) {
          continue;
        }
        if (key.equals("type") || key.equals("@type")) {
          for (JsonNode t : value.isArray() ? iterable(value) : List.of(value)) {
            if (!t.isTextual()) {
              throw new Decline();
            }
            g.accept(Triple.create(subject, RDF.type.asNode(), typeNode(t.asText())));
          }
          continue;
        }
        if (key.startsWith("@")) {
          throw new Decline();
        }
        FastContext.Term term = ctx.terms().get(key);
        values(subject, predicate(key, term), term, value);
      }
      return subject;
    }

    /** The predicate a key stands for; null under {@code @vocab "_:"}, whose triples the algorithm drops. */
    private @Nullable Node predicate(String key, FastContext.@Nullable Term term) {
      Node known = ctx.predicates().get(key);
      if (known != null) {
        return known;
      }
      Node p;
      if (term != null) {
        p = iri(expand(term.iri()));
      } else if (key.indexOf(':') > 0) {
        p = iri(FastContext.expandIri(key, ctx.prefixes(), ctx.terms()));
      } else {
        return null;
      }
      if (p.isURI()) {
        ctx.remember(ctx.predicates(), key, p); // only IRIs: a key that declines, or a blank node of this walk, is not kept
      }
      return p;
    }

    private void values(Node subject, @Nullable Node predicate, FastContext.@Nullable Term term, JsonNode value) {
      String container = term == null ? null : term.container();
      if ("@list".equals(container)) {
        if (!value.isArray()) {
          value = JsonNodeFactory.instance.arrayNode().add(value);
        }
        Node head = RDF.nil.asNode();
        List<JsonNode> items = iterable(value);
        for (int i = items.size() - 1; i >= 0; i--) {
          if (items.get(i).isArray() || items.get(i).isNull()) {
            throw new Decline();
          }
          Node cell = NodeFactory.createBlankNode();
          g.accept(Triple.create(cell, RDF.first.asNode(), object(term, items.get(i))));
          g.accept(Triple.create(cell, RDF.rest.asNode(), head));
          head = cell;
        }
        if (predicate != null) {
          g.accept(Triple.create(subject, predicate, head));
        }
        return;
      }
      if ("@language".equals(container)) {
        if (!value.isObject()) {
          throw new Decline();
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
          // An ill-formed tag (en_US, x, i-klingon) makes the standard algorithm drop the literal:
          // the general reader does that, with the same BCP 47 check.
          if (!e.getValue().isTextual() || !LanguageTag.isWellFormed(e.getKey())) {
            throw new Decline();
          }
          if (predicate != null) {
            g.accept(Triple.create(subject, predicate, NodeFactory.createLiteralLang(e.getValue().asText(), e.getKey())));
          }
        }
        return;
      }
      if (container != null) {
        throw new Decline();
      }
      for (JsonNode v : value.isArray() ? iterable(value) : List.of(value)) {
        if (v.isNull()) {
          continue;
        }
        if (v.isArray()) {
          throw new Decline();
        }
        Node o = object(term, v);
        if (predicate != null) {
          g.accept(Triple.create(subject, predicate, o));
        }
      }
    }

    private Node object(FastContext.Term term, JsonNode v) {
      String type = term == null ? null : term.type();
      if (v.isObject()) {
        if (v.has("@context") && !v.has("@value")) { // an entry's ValueFlows shape, as Lattice writes it
          try {
            return VfNode.read(v, g);
          } catch (IllegalArgumentException notOurs) {
            throw new Decline();
          }
        }
        if (v.has("@value") || v.has("@list") || v.has("@set") || v.has("@graph")) {
          throw new Decline();
        }
        return node(v);
      }
      if (v.isTextual()) {
        if ("@id".equals(type)) {
          return iri(v.asText());
        }
        if (type == null) {
          return NodeFactory.createLiteralString(v.asText());
        }
        if (type.startsWith("@")) {
          throw new Decline();
        }
        String dt = expand(type);
        return NodeFactory.createLiteralDT(v.asText(), org.apache.jena.datatypes.TypeMapper.getInstance()
            .getSafeTypeByName(dt));
      }
      if (type != null) {
        // A whole number under a datatype coercion keeps that datatype, in canonical integer form.
        if (v.isIntegralNumber() && v.canConvertToLong() && !type.startsWith("@")) {
          return NodeFactory.createLiteralDT(Long.toString(v.asLong()), org.apache.jena.datatypes.TypeMapper
              .getInstance().getSafeTypeByName(expand(type)));
        }
        throw new Decline();
      }
      if (v.isBoolean()) {
        return NodeFactory.createLiteralDT(Boolean.toString(v.asBoolean()), XSDDatatype.XSDboolean);
      }
      if (v.isIntegralNumber() && v.canConvertToLong()) {
        return NodeFactory.createLiteralDT(Long.toString(v.asLong()), XSDDatatype.XSDinteger);
      }
      throw new Decline();
    }

    private String expand(String compactOrAbsolute) {
      return FastContext.expandIri(compactOrAbsolute, ctx.prefixes(), ctx.terms());
    }

    private Node typeNode(String t) {
      Node known = ctx.types().get(t);
      if (known != null) {
        return known;
      }
      FastContext.Term term = ctx.terms().get(t);
      if (term != null || t.indexOf(':') > 0) {
        Node type = iri(term != null ? expand(term.iri()) : FastContext.expandIri(t, ctx.prefixes(), ctx.terms()));
        if (type.isURI()) {
          ctx.remember(ctx.types(), t, type);
        }
        return type;
      }
      // @vocab "_:": an undefined type is a blank node, the same one for the same name.
      return blanks.computeIfAbsent(t, k -> NodeFactory.createBlankNode());
    }

    private Node iri(String s) {
      if (s.startsWith("_:")) {
        return blanks.computeIfAbsent(s, k -> NodeFactory.createBlankNode());
      }
      int colon = s.indexOf(':');
      if (colon <= 0 || !Iris.scheme(s, colon) || !Iris.plainIri(s)) {
        throw new Decline(); // relative or not plainly well formed: the general reader decides
      }
      if (ctx.prefixes().containsKey(s.substring(0, colon)) && !s.substring(colon + 1).startsWith("//")) {
        return NodeFactory.createURI(ctx.prefixes().get(s.substring(0, colon)) + s.substring(colon + 1));
      }
      return NodeFactory.createURI(s);
    }
  }
}
