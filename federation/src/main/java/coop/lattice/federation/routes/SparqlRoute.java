package coop.lattice.federation.routes;

import coop.lattice.federation.hosting.Responses;
import coop.lattice.federation.sparql.SparqlEndpoint;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /sparql}: the SPARQL 1.1 Protocol's query operation over the node's linked data ({@link
 * SparqlEndpoint}): {@code GET ?query=}, {@code POST} with the query as {@code
 * application/sparql-query} or as the {@code query} of a form; results in SPARQL JSON, or CSV if
 * asked ({@code Accept: text/csv}). Queries run on {@value #WORKERS} workers of their own, never on
 * the event loop nor on the workers federation uses; over {@value #IN_FLIGHT} at once, the next is
 * answered 503 with {@code Retry-After}. A body over {@value #MAX_BODY} bytes is refused (413, and
 * the connection closed), and rows cut at the endpoint's limit are said in {@code
 * Lattice-Results-Truncated}.
 */
final class SparqlRoute {
  static final int MAX_BODY = 64 * 1024;
  static final int WORKERS = 2;
  static final int IN_FLIGHT = 8;
  private static final Logger LOG = LoggerFactory.getLogger(SparqlRoute.class);

  private final WorkerExecutor workers;
  private final SparqlEndpoint endpoint;
  private final AtomicInteger running = new AtomicInteger();

  SparqlRoute(Vertx vertx, SparqlEndpoint endpoint) {
    this.workers = vertx.createSharedWorkerExecutor("lattice-sparql", WORKERS);
    this.endpoint = endpoint;
  }

  void serve(HttpServerRequest req) {
    String method = req.method().name();
    if (method.equals("GET")) {
      String query = req.getParam("query");
      if (query == null) {
        Responses.error(req, 400, "ask ?query=<a SPARQL query>");
      } else {
        run(req, query);
      }
      return;
    }
    if (!method.equals("POST")) {
      Responses.error(req, 405, "GET or POST a SPARQL query");
      return;
    }
    String type = String.valueOf(req.getHeader("content-type"));
    String length = req.getHeader("content-length");
    if (length != null && (!length.matches("\\d{1,18}") || Long.parseLong(length) > MAX_BODY)) {
      req.response().putHeader("connection", "close");
      Responses.error(req, 413, "a query of more than " + MAX_BODY + " bytes is not taken");
      return;
    }
    Buffer body = Buffer.buffer();
    req.handler(chunk -> {
      if (body.length() + chunk.length() > MAX_BODY) {
        req.pause();
        req.response().putHeader("connection", "close");
        Responses.error(req, 413, "a query of more than " + MAX_BODY + " bytes is not taken");
        return;
      }
      body.appendBuffer(chunk);
    });
    req.endHandler(v -> {
      if (req.response().ended()) {
        return;
      }
      String text = body.toString(StandardCharsets.UTF_8);
      if (type.startsWith("application/sparql-query")) {
        run(req, text);
      } else if (type.startsWith("application/x-www-form-urlencoded")) {
        String query = formField(text, "query");
        if (formField(text, "default-graph-uri") != null || formField(text, "named-graph-uri") != null) {
          Responses.error(req, 400, GRAPHS_NOT_TAKEN);
        } else if (query == null) {
          Responses.error(req, 400, "the form has no query field");
        } else {
          run(req, query);
        }
      } else {
        Responses.error(req, 415, "POST the query as application/sparql-query or as a form (query=...)");
      }
    });
  }

  private void run(HttpServerRequest req, String query) {
    if (req.getParam("default-graph-uri") != null || req.getParam("named-graph-uri") != null) {
      Responses.error(req, 400, GRAPHS_NOT_TAKEN);
      return;
    }
    if (running.incrementAndGet() > IN_FLIGHT) {
      running.decrementAndGet();
      req.response().putHeader("retry-after", "1");
      Responses.error(req, 503, "this node is answering " + IN_FLIGHT + " queries already: ask again in a moment");
      return;
    }
    String accept = req.getHeader("accept");
    workers.<SparqlEndpoint.Answer>executeBlocking(() -> endpoint.query(query, accept), false).onComplete(ar -> {
      running.decrementAndGet();
      if (req.response().ended()) {
        return;
      }
      if (ar.failed()) {
        LOG.warn("A SPARQL query failed unexpectedly", ar.cause());
        Responses.error(req, 500, "the query failed here; nothing about it is said to the asker");
        return;
      }
      SparqlEndpoint.Answer a = ar.result();
      req.response().setStatusCode(a.status()).putHeader("content-type", a.contentType());
      if (a.truncated()) {
        req.response().putHeader("lattice-results-truncated", "true");
      }
      req.response().end(Buffer.buffer(a.body()));
    });
  }

  private static final String GRAPHS_NOT_TAKEN = "default-graph-uri and named-graph-uri are not taken: the default"
      + " graph is every open collective's, and each is a named graph (GRAPH <actor>)";

  private static String formField(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
