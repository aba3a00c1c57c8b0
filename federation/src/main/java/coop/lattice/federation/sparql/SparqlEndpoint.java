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
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.engine.ResultSetStream;
import org.apache.jena.system.Txn;

/**
 * Read-only SPARQL 1.1 queries over a node's {@link NetworkGraphs}: SELECT and ASK in the standard's
 * syntax, over the graphs of the collectives the node keeps current whose agreements leave the
 * endpoint open ({@code sparql-endpoint}), their union as the default graph and each as a named
 * graph; within a time limit, a row limit and a size limit; never a {@code SERVICE} (no request
 * leaves the node for a query). A query's own work (a pathological regular expression, say) is
 * not interrupted by the time limit until it yields: the node runs queries on workers of their own
 * ({@code routes.SparqlRoute}), so federation does not wait for them. The store
 * holds only what the collectives' public feeds hold, as their ValueFlows shapes.
 */
public final class SparqlEndpoint {
  /**
   * How long a query may run, how many rows it may return (more are cut, and the answer says so),
   * and how many bytes its answer may take (more: refused, 413).
   */
  public record Limits(Duration timeout, int maxRows, int maxBytes) {
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(5), 10_000, 8 * 1024 * 1024);

    public Limits(Duration timeout, int maxRows) {
      this(timeout, maxRows, DEFAULT.maxBytes());
    }
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
  private final Supplier<Set<String>> open;
  private final Limits limits;

  /**
   * Over the graphs of {@code graphs} that {@code open} names, and no other: a graph the store keeps
   * that no collective now opens (unhosted, not followed since a restart, flagged, closed by its
   * agreements) answers nothing.
   */
  public SparqlEndpoint(NetworkGraphs graphs, Supplier<Set<String>> open, Limits limits) {
    this.graphs = graphs;
    this.open = open;
    this.limits = limits;
  }

  /** Runs {@code text}, answering in CSV if {@code accept} asks for it, else in SPARQL JSON results. */
  public Answer query(String text, String accept) {
    Query query;
    try {
      query = QueryFactory.create(text, Syntax.syntaxSPARQL_11); // the standard's syntax, none of ARQ's extensions
    } catch (QueryParseException e) {
      return Answer.error(400, "not a SPARQL 1.1 query: " + e.getMessage());
    }
    if (!query.isSelectType() && !query.isAskType()) {
      return Answer.error(400, "this endpoint answers SELECT and ASK queries only");
    }
    if (callsAService(query)) {
      return Answer.error(400, "SERVICE is not taken: this endpoint answers from this node's store only, and fetches"
          + " nothing");
    }
    if (!query.getGraphURIs().isEmpty() || !query.getNamedGraphURIs().isEmpty()) {
      return Answer.error(400, "FROM and FROM NAMED are not taken: the default graph is every open collective's, and"
          + " each is a named graph (GRAPH <actor>)");
    }
    boolean csv = accept != null && accept.contains("text/csv");
    if (query.isSelectType() && (!query.hasLimit() || query.getLimit() > limits.maxRows())) {
      query.setLimit(limits.maxRows() + 1L); // one more than may go out: whether rows were cut
    }
    Set<String> allowed = open.get();
    try {
      Answer a = Txn.calculateRead(graphs.dataset(), () -> run(query, view(allowed), csv));
      return a.body().length > limits.maxBytes() ? Answer.error(413, "the answer is over " + limits.maxBytes()
          + " bytes: ask for less") : a;
    } catch (QueryCancelledException e) {
      return Answer.error(503, "the query ran past " + limits.timeout().toSeconds() + " s: narrow it, or ask for less");
    }
  }

  /** Whether {@code query} names a {@code SERVICE} (a request to another endpoint) anywhere: subqueries, EXISTS. */
  private static boolean callsAService(Query query) {
    return callsAService(Algebra.compile(query));
  }

  private static boolean callsAService(Op op) {
    boolean[] found = {false};
    Walker.walk(op, new OpVisitorBase() {
      @Override
      public void visit(OpService s) {
        found[0] = true;
      }
    }, new ExprVisitorBase() {
      @Override
      public void visit(ExprFunctionOp exists) { // EXISTS and NOT EXISTS hold a pattern of their own
        if (callsAService(exists.getGraphPattern())) {
          found[0] = true;
        }
      }
    });
    return found[0];
  }

  private DatasetGraph view(Set<String> allowed) {
    DatasetGraph dsg = graphs.dataset().asDatasetGraph();
    List<Node> shown = new ArrayList<>();
    dsg.listGraphNodes().forEachRemaining(g -> {
      if (g.isURI() && allowed.contains(g.getURI())) {
        shown.add(g);
      }
    });
    return DynamicDatasets.dynamicDataset(shown, shown, dsg, false);
  }

  private Answer run(Query query, DatasetGraph view, boolean csv) {
    try (QueryExecution exec = QueryExecution.create().query(query).dataset(DatasetFactory.wrap(view))
        .set(Service.httpServiceAllowed, false) // and, whatever the query, never a request from here
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
