package coop.lattice.federation.sparql;

import coop.lattice.federation.FederationException;
import coop.lattice.federation.rdf.VfNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * The network's ledgers as linked data in an Apache Jena Fuseki server, for a network that wants
 * one query point over many nodes: the same graphs as the node's own store ({@link NetworkGraphs}),
 * written over the SPARQL 1.1 Update protocol to the dataset at {@code dataset} (its {@code /update}
 * and {@code /query} services). Each batch is one update request, so one transaction in Fuseki,
 * and applies only if the graph holds exactly the entries before it: several nodes that mirror the
 * same collective write its graph once, whichever comes first, and the others find it there.
 */
public final class FusekiGraphs implements GraphSink {
  private static final String LOADED = "<" + NetworkGraphs.LOADED.getURI() + ">";

  private final URI dataset;
  private final HttpClient http;
  private final Duration timeout;

  /** Writes to the Fuseki dataset at {@code dataset} (such as {@code http://127.0.0.1:3030/lattice}). */
  public FusekiGraphs(URI dataset, Duration timeout) {
    this.dataset = dataset;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public long loaded(String graph) {
    String query = "SELECT ?n WHERE { GRAPH <" + graph + "> { <" + graph + "> " + LOADED + " ?n } }";
    HttpRequest req = HttpRequest.newBuilder(URI.create(dataset + "/query?query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("accept", "text/csv").timeout(timeout).build();
    String[] lines = send(req, "ask how many entries of " + graph + " it holds").split("\r\n");
    return lines.length < 2 || lines[1].isBlank() ? 0 : Long.parseLong(lines[1].trim());
  }

  @Override
  public String loadedRoot(String graph) {
    String query = "SELECT ?r WHERE { GRAPH <" + graph + "> { <" + graph + "> <" + NetworkGraphs.ROOT.getURI()
        + "> ?r } }";
    HttpRequest req = HttpRequest.newBuilder(URI.create(dataset + "/query?query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("accept", "text/csv").timeout(timeout).build();
    String[] lines = send(req, "ask which root of " + graph + " it holds").split("\r\n");
    return lines.length < 2 ? "" : lines[1].trim();
  }

  @Override
  public boolean add(String graph, long from, long to, List<VfNode> shapes, String root) {
    StringBuilder data = new StringBuilder();
    Map<String, String> blanks = new HashMap<>();
    for (VfNode shape : shapes) {
      shape.triples(t -> data.append(term(t.getSubject(), blanks)).append(' ').append(term(t.getPredicate(), blanks))
          .append(' ').append(term(t.getObject(), blanks)).append(" .\n"));
    }
    String g = "<" + graph + ">";
    String guard = "OPTIONAL { GRAPH " + g + " { " + g + " " + LOADED + " ?loaded } } FILTER(COALESCE(?loaded, 0) = "
        + from + ")";
    StringBuilder update = new StringBuilder();
    // The monthly totals first, each under the same guard, then the shapes and the count that moves the guard on.
    MonthlyTotals.of(shapes, iri -> counted(graph, iri)).forEach((key, delta) -> {
      String total = NodeFmtLib.strNT(key.node(graph));
      String value = "<" + MonthlyTotals.VALUE.getURI() + ">";
      String amount = delta.toPlainString().contains(".") ? delta.toPlainString() : delta.toPlainString() + ".0";
      update.append("DELETE { GRAPH ").append(g).append(" { ").append(total).append(' ').append(value)
          .append(" ?old } }\nINSERT { GRAPH ").append(g).append(" { ");
      for (Triple t : key.triples(graph, delta)) {
        if (!t.getPredicate().equals(MonthlyTotals.VALUE)) {
          update.append(NodeFmtLib.strNT(t.getSubject())).append(' ').append(NodeFmtLib.strNT(t.getPredicate()))
              .append(' ').append(NodeFmtLib.strNT(t.getObject())).append(" . ");
        }
      }
      update.append(total).append(' ').append(value).append(" ?new } }\nWHERE { ").append(guard)
          .append(" OPTIONAL { GRAPH ").append(g).append(" { ").append(total).append(' ').append(value)
          .append(" ?old } } BIND(COALESCE(?old, 0.0) + ").append(amount).append(" AS ?new) } ;\n");
    });
    String rootTerm = "<" + NetworkGraphs.ROOT.getURI() + ">";
    update.append("DELETE { GRAPH ").append(g).append(" { ").append(g).append(' ').append(LOADED).append(" ?loaded . ")
        .append(g).append(' ').append(rootTerm).append(" ?oldRoot } }\n")
        .append("INSERT { GRAPH ").append(g).append(" {\n").append(data).append(g).append(' ').append(LOADED).append(' ')
        .append(to).append(" . ").append(g).append(' ').append(rootTerm).append(" \"").append(root).append("\" } }\n")
        .append("WHERE { ").append(guard).append(" OPTIONAL { GRAPH ").append(g).append(" { ").append(g).append(' ')
        .append(rootTerm).append(" ?oldRoot } } }");
    HttpRequest req = HttpRequest.newBuilder(URI.create(dataset + "/update"))
        .header("content-type", "application/sparql-update").timeout(timeout)
        .POST(HttpRequest.BodyPublishers.ofString(update.toString(), StandardCharsets.UTF_8)).build();
    send(req, "add entries " + from + " to " + (to - 1) + " of " + graph);
    return loaded(graph) == to;
  }

  /** What the event {@code iri} in {@code graph} at the dataset counts, if it is there (a correction withdraws it). */
  private Optional<MonthlyTotals.Counted> counted(String graph, String iri) {
    String query = "PREFIX vf: <" + MonthlyTotals.VF + ">\nPREFIX om2: <" + MonthlyTotals.OM2 + ">\n"
        + "SELECT ?kind ?t ?unit ?v WHERE { GRAPH <" + graph + "> { <" + iri + "> vf:resourceConformsTo ?kind ;"
        + " vf:hasPointInTime ?t . { <" + iri + "> vf:resourceQuantity ?q } UNION { <" + iri + "> vf:effortQuantity ?q }"
        + " ?q om2:hasUnit ?unit ; om2:hasNumericalValue ?v } }";
    HttpRequest req = HttpRequest.newBuilder(URI.create(dataset + "/query?query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("accept", "text/csv").timeout(timeout).build();
    String[] lines = send(req, "read the event " + iri).split("\r\n");
    if (lines.length < 2 || lines[1].isBlank()) {
      return Optional.empty();
    }
    String[] f = lines[1].split(",");
    if (!f[0].startsWith(MonthlyTotals.KINDS)) {
      return Optional.empty();
    }
    return Optional.of(new MonthlyTotals.Counted(new MonthlyTotals.Key(f[1].substring(0, 7),
        f[0].substring(MonthlyTotals.KINDS.length()), f[2]), new BigDecimal(f[3])));
  }

  @Override
  public void drop(String graph) {
    HttpRequest req = HttpRequest.newBuilder(URI.create(dataset + "/update"))
        .header("content-type", "application/sparql-update").timeout(timeout)
        .POST(HttpRequest.BodyPublishers.ofString("DROP SILENT GRAPH <" + graph + ">", StandardCharsets.UTF_8)).build();
    send(req, "drop " + graph);
  }

  /** A term in SPARQL's syntax; a blank node gets a label of its own in the request, which an INSERT template makes fresh. */
  private static String term(Node n, Map<String, String> blanks) {
    return n.isBlank() ? blanks.computeIfAbsent(n.getBlankNodeLabel(), l -> "_:b" + blanks.size()) : NodeFmtLib.strNT(n);
  }

  private String send(HttpRequest req, String what) {
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new FederationException("the Fuseki dataset at " + dataset + " did not " + what + ": it answered "
            + r.statusCode() + " " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new FederationException("the Fuseki dataset at " + dataset + " could not be reached to " + what + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FederationException("interrupted while asking the Fuseki dataset at " + dataset + " to " + what);
    }
  }

  @Override
  public String toString() {
    return "the Fuseki dataset at " + dataset;
  }
}
