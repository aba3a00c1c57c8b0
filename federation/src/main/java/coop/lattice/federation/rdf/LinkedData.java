package coop.lattice.federation.rdf;

import com.apicatalog.jsonld.JsonLdOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.FederationException;
import coop.lattice.federation.InboundActivity;
import coop.lattice.federation.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incoming documents as RDF, through Apache Jena's JSON-LD 1.1 reader with a loader that never
 * fetches: the contexts are those of {@link Contexts} (bundled with Lattice, or learned off the
 * inbox path), and {@link FastPath} reads the shapes the fediverse mostly sends without the general
 * algorithm. A graph is handed on only if it says what was authorized: the activity's id is its
 * subject, with the authorized actor as {@code as:actor} (a context that redefines {@code id} or
 * {@code actor} gets no graph).
 */
public final class LinkedData {
  private static final Logger LOG = LoggerFactory.getLogger(LinkedData.class);

  /**
   * Lattice's ValueFlows context: the ValueFlows terms (namespace {@code
   * https://w3id.org/valueflows/ont/vf#}) and OM2 units its exchange entries use, as Lattice
   * publishes them.
   */
  public static final String VALUEFLOWS = "https://lattice.coop/ns/valueflows";


  /**
   * Titanium (Jena's JSON-LD 1.1 engine) warns through java.util.logging of every ill-formed IRI or
   * language tag it drops, and anyone can send such documents as fast as they like: its loggers are
   * kept to SEVERE (held here, since java.util.logging keeps loggers only weakly). What the inbox
   * refuses is counted and logged by the inbox.
   */
  private static final java.util.logging.Logger TITANIUM = quiet("com.apicatalog");

  private LinkedData() {}

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
    l.setLevel(java.util.logging.Level.SEVERE);
    return l;
  }

  /** A document that is not JSON-LD Lattice can read: the message says why. */
  public static final class Unreadable extends FederationException {
    private static final long serialVersionUID = 1L;

    public Unreadable(String message, Throwable cause) {
      super(message, cause);
    }

    public Unreadable(String message) {
      super(message);
    }
  }

  /** How an authorized activity reads. */
  public enum Reading {
    /** As JSON-LD, and its graph says what was authorized. */
    GRAPH,
    /** It names a context that is not known yet: plain ActivityStreams JSON, with no graph until it is learned. */
    PLAIN
  }

  /** The graph of {@code json} (already parsed as {@code doc}) with the bundled contexts: the fast path when it applies, else Jena's reader. */
  public static Graph read(JsonNode doc, byte[] json) throws Unreadable {
    return read(Contexts.bundledOnly(), doc, json);
  }

  /**
   * The graph of {@code json} (already parsed as {@code doc}) with {@code contexts}. A document
   * that does not name the ActivityStreams context is read as if it did, first (ActivityStreams
   * 2.0 Core, section 2.1).
   */
  public static Graph read(Contexts contexts, JsonNode doc, byte[] json) throws Unreadable {
    if (!namesActivityStreams(doc)) {
      ObjectNode withAs = withActivityStreams(doc);
      return read(contexts, withAs, Json.bytes(withAs));
    }
    Optional<Graph> fast = FastPath.toGraph(doc);
    return fast.isPresent() ? fast.get() : toGraph(contexts, json);
  }

  private static boolean namesActivityStreams(JsonNode doc) {
    JsonNode c = doc.get("@context");
    if (c == null) {
      return false;
    }
    for (JsonNode x : c.isArray() ? c : List.of(c)) {
      if (x.isTextual() && (x.asText().equals(FastPath.AS) || x.asText().equals(FastPath.AS_HTTP))) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode withActivityStreams(JsonNode doc) {
    ObjectNode copy = ((ObjectNode) doc).deepCopy();
    ArrayNode context = copy.arrayNode().add(FastPath.AS);
    JsonNode c = doc.get("@context");
    if (c != null && c.isArray()) {
      context.addAll((ArrayNode) c);
    } else if (c != null && !c.isNull()) {
      context.add(c);
    }
    copy.remove("@context");
    ObjectNode out = copy.objectNode();
    out.set("@context", context);
    out.setAll(copy);
    return out;
  }

  /**
   * How the activity {@code id} by {@code actor} reads with {@code contexts}: {@link Reading#PLAIN}
   * when it names a context not known yet, {@link Reading#GRAPH} when it reads and its graph names
   * the same id and actor. Throws when it does not read with known contexts, or its graph says
   * something else than what was authorized.
   */
  public static Reading check(Contexts contexts, JsonNode doc, byte[] json, String id, String actor)
      throws Unreadable {
    if (!namesActivityStreams(doc) && doc.isObject()) {
      ObjectNode withAs = withActivityStreams(doc);
      return check(contexts, withAs, Json.bytes(withAs), id, actor);
    }
    String wrong;
    AuthorizedSaying saying = new AuthorizedSaying(doc, id, actor);
    if (FastPath.walk(doc, saying::see)) {
      wrong = saying.wrong(); // the fast path's triples checked as they were read, no graph built
    } else if (!contexts.unknown(doc).isEmpty()) {
      return Reading.PLAIN;
    } else {
      wrong = AuthorizedSaying.of(toGraph(contexts, json), doc, id, actor);
    }
    if (wrong != null) {
      throw new Unreadable("read as JSON-LD, the document " + wrong);
    }
    return Reading.GRAPH;
  }

  /**
   * Accepted activities as one RDF graph, each read from its exact JSON with {@code contexts}. An
   * activity that names a context not learned yet is left out until it is, as is one whose graph
   * does not name the id and actor that were authorized.
   */
  public static Graph graphOf(Contexts contexts, List<InboundActivity> activities) {
    Graph all = GraphFactory.createDefaultGraph();
    for (InboundActivity a : activities) {
      Graph g;
      try {
        JsonNode doc = Json.parseObject(a.json());
        if (!contexts.unknown(doc).isEmpty()) {
          continue;
        }
        g = read(contexts, doc, a.json());
      } catch (IOException | Unreadable e) {
        LOG.warn("the accepted activity {} does not read as JSON-LD now, and is left out of the graph: {}", a.id(),
            e.getMessage());
        continue;
      }
      String wrong;
      try {
        wrong = AuthorizedSaying.of(g, Json.parseObject(a.json()), a.id(), a.actor());
      } catch (IOException e) {
        wrong = "does not parse";
      }
      if (wrong != null) {
        LOG.warn("the accepted activity {}, read as JSON-LD, {}; it is left out of the graph", a.id(), wrong);
        continue;
      }
      g.find().forEachRemaining(all::add);
    }
    return all;
  }

  /**
   * What Jena's {@code toGraph()} keeps: the default graph's triples (an object proof is a named
   * graph of its own, checked over the exact JSON by the inbox, not here). Unlike Jena's sink it
   * says nothing of the named graphs it leaves out: its WARN would come with every activity that
   * carries a proof, Lattice's own among them.
   */
  private static StreamRDF defaultGraphOnly(Graph graph) {
    return new StreamRDFBase() {
      @Override
      public void triple(Triple triple) {
        graph.add(triple);
      }

      @Override
      public void quad(Quad quad) {
        if (quad.isTriple() || quad.isDefaultGraph()) {
          graph.add(quad.asTriple());
        }
      }

      @Override
      public void prefix(String prefix, String iri) {
        graph.getPrefixMapping().setNsPrefix(prefix, iri);
      }
    };
  }

  /** Parses {@code json} as JSON-LD 1.1 into a graph, with Jena's reader and the bundled contexts. */
  public static Graph toGraph(byte[] json) throws Unreadable {
    return toGraph(Contexts.bundledOnly(), json);
  }

  /** Parses {@code json} as JSON-LD 1.1 into a graph, with Jena's reader and {@code contexts}. */
  public static Graph toGraph(Contexts contexts, byte[] json) throws Unreadable {
    JsonLdOptions options = new JsonLdOptions();
    options.setDocumentLoader(contexts.loader());
    Context context = Context.create().set(LangJSONLD11.JSONLD_OPTIONS, options);
    try {
      // Refusals are the caller's to count and log (400, reason json-ld); Jena's default handler
      // would log an ERROR for each document anyone sends with an unknown context.
      Graph graph = GraphFactory.createDefaultGraph();
      RDFParser.source(new ByteArrayInputStream(json)).lang(Lang.JSONLD11).context(context)
          .errorHandler(ErrorHandlerFactory.errorHandlerNoLogging).parse(defaultGraphOnly(graph));
      return graph;
    } catch (RiotException | UncheckedIOException e) {
      throw new Unreadable("not JSON-LD that Lattice can read: " + e.getMessage(), e);
    }
  }
}
