package coop.lattice.federation.routes;

import coop.lattice.federation.hosting.Responses;
import coop.lattice.federation.sparql.SparqlEndpoint;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /sparql}: the SPARQL 1.1 Protocol's query operation over the node's linked data ({@link
 * SparqlEndpoint}): {@code GET ?query=}, {@code POST} with the query as {@code
 * application/sparql-query} or as the {@code query} of a form; results in SPARQL JSON, or CSV if
 * asked ({@code Accept: text/csv}). Queries run off the event loop; a body over {@value #MAX_BODY}
 * bytes is refused (413), and rows cut at the endpoint's limit are said in {@code
 * Lattice-Results-Truncated}.
 */
final class SparqlRoute {
  static final int MAX_BODY = 64 * 1024;

  private final Vertx vertx;
  private final SparqlEndpoint endpoint;

  SparqlRoute(Vertx vertx, SparqlEndpoint endpoint) {
    this.vertx = vertx;
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
    Buffer body = Buffer.buffer();
    req.handler(chunk -> {
      if (body.length() + chunk.length() > MAX_BODY) {
        req.pause();
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
        if (query == null) {
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
    String accept = req.getHeader("accept");
    vertx.<SparqlEndpoint.Answer>executeBlocking(() -> endpoint.query(query, accept), false).onComplete(ar -> {
      if (req.response().ended()) {
        return;
      }
      if (ar.failed()) {
        Responses.error(req, 500, "the query failed: " + ar.cause().getMessage());
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
