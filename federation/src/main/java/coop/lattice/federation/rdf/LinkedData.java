package coop.lattice.federation.rdf;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import coop.lattice.federation.FederationException;
import coop.lattice.federation.InboundActivity;
import coop.lattice.federation.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Incoming documents as RDF, through Apache Jena's JSON-LD 1.1 reader, with an offline document
 * loader: the contexts the fediverse uses (ActivityStreams, under its https and its older http
 * URL, security v1, data integrity v1,
 * multikey v1, identity v1, DID v1, Lattice's own at {@code https://lattice.coop/ns} and its
 * ValueFlows context at {@code https://lattice.coop/ns/valueflows}) are
 * bundled with Lattice, and any other remote context is an error, never a fetch.
 */
public final class LinkedData {
  /**
   * Lattice's ValueFlows context: the ValueFlows terms (namespace {@code
   * https://w3id.org/valueflows/ont/vf#}) and OM2 units its exchange entries use, as Lattice
   * publishes them.
   */
  public static final String VALUEFLOWS = "https://lattice.coop/ns/valueflows";

  /** Bundled context documents by URL: the index {@code jsonld/contexts.tsv}, URL then file. */
  public static final Map<String, String> BUNDLED = index();

  private static final Map<String, Document> DOCUMENTS = load();

  /**
   * Titanium (Jena's JSON-LD 1.1 engine) warns through java.util.logging of every ill-formed IRI or
   * language tag it drops, and anyone can send such documents as fast as they like: its loggers are
   * kept to SEVERE (held here, since java.util.logging keeps loggers only weakly). What the inbox
   * refuses is counted and logged by the inbox.
   */
  private static final java.util.logging.Logger TITANIUM = quiet("com.apicatalog");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
    l.setLevel(java.util.logging.Level.SEVERE);
    return l;
  }

  private LinkedData() {}

  private static Map<String, String> index() {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = LinkedData.class.getResourceAsStream("/coop/lattice/federation/jsonld/contexts.tsv")) {
      if (in == null) {
        throw new IllegalStateException("the index of bundled contexts (jsonld/contexts.tsv) is missing");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.strip().split("\t");
        if (parts.length != 2) {
          throw new IllegalStateException("jsonld/contexts.tsv: not \"URL<TAB>file\": " + line);
        }
        out.put(parts[0], parts[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, Document> load() {
    Map<String, Document> out = new HashMap<>();
    BUNDLED.forEach((url, file) -> {
      try (InputStream in = LinkedData.class.getResourceAsStream("/coop/lattice/federation/jsonld/" + file)) {
        if (in == null) {
          throw new IllegalStateException("the bundled context " + file + " is missing");
        }
        JsonDocument d = JsonDocument.of(in);
        d.setDocumentUrl(URI.create(url));
        out.put(url, d);
      } catch (IOException | JsonLdError e) {
        throw new IllegalStateException("cannot read the bundled context " + file + ": " + e.getMessage(), e);
      }
    });
    return Map.copyOf(out);
  }

  /** The offline loader: bundled contexts, and an error for anything else. */
  static DocumentLoader offlineLoader() {
    return new Offline();
  }

  private static final class Offline implements DocumentLoader {
    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
      String key = url.toString();
      if (key.endsWith("#")) {
        key = key.substring(0, key.length() - 1);
      }
      Document d = DOCUMENTS.get(key);
      if (d == null) {
        throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "the context " + url
            + " is not bundled with Lattice, and remote contexts are never fetched");
      }
      return d;
    }
  }

  /** A document that is not JSON-LD Lattice can read: the message says why. */
  public static final class Unreadable extends FederationException {
    private static final long serialVersionUID = 1L;

    public Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The graph of {@code json} (already parsed as {@code doc}): the fast path when it applies, else Jena's reader. */
  public static Graph read(com.fasterxml.jackson.databind.JsonNode doc, byte[] json) throws Unreadable {
    Optional<Graph> fast = FastPath.toGraph(doc);
    return fast.isPresent() ? fast.get() : toGraph(json);
  }

  /**
   * Accepted activities as one RDF graph, each read from its exact JSON (the fast path, else
   * Jena's reader, bundled contexts only). Throws if one no longer reads: it was checked when it
   * was accepted, so that means the bundled contexts changed under it.
   */
  public static Graph graphOf(List<InboundActivity> activities) {
    Graph all = GraphFactory.createDefaultGraph();
    for (InboundActivity a : activities) {
      Graph g;
      try {
        g = read(Json.parseObject(a.json()), a.json());
      } catch (IOException | Unreadable e) {
        throw new FederationException("an accepted activity no longer reads as JSON-LD: " + a.id(), e);
      }
      g.find().forEachRemaining(all::add);
    }
    return all;
  }

  /** Throws unless {@code json} reads as JSON-LD, as {@link #read} would, without keeping the graph. */
  public static void check(com.fasterxml.jackson.databind.JsonNode doc, byte[] json) throws Unreadable {
    if (!FastPath.readable(doc)) {
      toGraph(json);
    }
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

  /** Parses {@code json} as JSON-LD 1.1 into a graph, with Jena's reader and the offline loader. */
  public static Graph toGraph(byte[] json) throws Unreadable {
    JsonLdOptions options = new JsonLdOptions();
    options.setDocumentLoader(offlineLoader());
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
