package coop.lattice.federation.sparql;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.ResultSetStream;
import org.apache.jena.system.Txn;

/**
 * Read-only SPARQL 1.1 queries over a node's {@link NetworkGraphs}: SELECT and ASK, over the graphs
 * of the collectives whose agreements leave the endpoint open ({@code sparql-endpoint}), their union
 * as the default graph and each as a named graph; within a time limit and a result limit. The store
 * holds only what the collectives' public feeds hold, as their ValueFlows shapes.
 */
public final class SparqlEndpoint {
  /** How long a query may run, and how many rows it may return (more are cut, and the answer says so). */
  public record Limits(Duration timeout, int maxRows) {
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(5), 10_000);
  }

  /** An answer: its HTTP status, content type and body, and whether rows were cut at the limit. */
  public record Answer(int status, String contentType, byte[] body, boolean truncated) {
    static Answer error(int status, String message) {
      return new Answer(status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8), false);
    }
  }

  public static final String JSON = "application/sparql-results+json";
  public static final String CSV = "text/csv; charset=utf-8";

  private final NetworkGraphs graphs;
  private final Supplier<Set<String>> closed;
  private final Limits limits;

  /** Over {@code graphs}, leaving out the graphs {@code closed} names (collectives whose agreements close it). */
  public SparqlEndpoint(NetworkGraphs graphs, Supplier<Set<String>> closed, Limits limits) {
    this.graphs = graphs;
    this.closed = closed;
    this.limits = limits;
  }

  /** Runs {@code text}, answering in CSV if {@code accept} asks for it, else in SPARQL JSON results. */
  public Answer query(String text, String accept) {
    Query query;
    try {
      query = QueryFactory.create(text);
    } catch (QueryParseException e) {
      return Answer.error(400, "not a SPARQL 1.1 query: " + e.getMessage());
    }
    if (!query.isSelectType() && !query.isAskType()) {
      return Answer.error(400, "this endpoint answers SELECT and ASK queries only");
    }
    if (!query.getGraphURIs().isEmpty() || !query.getNamedGraphURIs().isEmpty()) {
      return Answer.error(400, "FROM and FROM NAMED are not taken: the default graph is every open collective's, and"
          + " each is a named graph (GRAPH <actor>)");
    }
    boolean csv = accept != null && accept.contains("text/csv");
    if (query.isSelectType() && (!query.hasLimit() || query.getLimit() > limits.maxRows())) {
      query.setLimit(limits.maxRows() + 1L); // one more than may go out: whether rows were cut
    }
    Set<String> shut = closed.get();
    try {
      return Txn.calculateRead(graphs.dataset(), () -> run(query, view(shut), csv));
    } catch (QueryCancelledException e) {
      return Answer.error(503, "the query ran past " + limits.timeout().toSeconds() + " s: narrow it, or ask for less");
    }
  }

  private DatasetGraph view(Set<String> shut) {
    DatasetGraph dsg = graphs.dataset().asDatasetGraph();
    List<Node> open = new ArrayList<>();
    dsg.listGraphNodes().forEachRemaining(g -> {
      if (!shut.contains(g.getURI())) {
        open.add(g);
      }
    });
    return DynamicDatasets.dynamicDataset(open, open, dsg, false);
  }

  private Answer run(Query query, DatasetGraph view, boolean csv) {
    try (QueryExecution exec = QueryExecution.create().query(query).dataset(DatasetFactory.wrap(view))
        .timeout(limits.timeout().toMillis()).build()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (query.isAskType()) {
        boolean yes = exec.execAsk();
        if (csv) {
          ResultSetFormatter.outputAsCSV(out, yes);
        } else {
          ResultSetFormatter.outputAsJSON(out, yes);
        }
        return new Answer(200, csv ? CSV : JSON, out.toByteArray(), false);
      }
      ResultSet rows = exec.execSelect();
      List<String> vars = rows.getResultVars();
      List<Binding> kept = new ArrayList<>();
      while (rows.hasNext() && kept.size() <= limits.maxRows()) {
        kept.add(rows.nextBinding());
      }
      boolean truncated = kept.size() > limits.maxRows();
      List<Binding> sent = truncated ? kept.subList(0, limits.maxRows()) : kept;
      ResultSet answer = ResultSetStream.create(org.apache.jena.sparql.core.Var.varList(vars), sent.iterator());
      if (csv) {
        ResultSetFormatter.outputAsCSV(out, answer);
      } else {
        ResultSetFormatter.outputAsJSON(out, answer);
      }
      return new Answer(200, csv ? CSV : JSON, out.toByteArray(), truncated);
    }
  }
}
