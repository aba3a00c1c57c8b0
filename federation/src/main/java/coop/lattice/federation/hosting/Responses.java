package coop.lattice.federation.hosting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.json.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * How a node answers: a JSON document with a status and a media type, or an error as {@code
 * {"error": "..."}}. A request that already has its answer is left alone, so that no request is
 * answered twice.
 */
public final class Responses {
  private Responses() {}

  public static void json(HttpServerRequest req, int status, String type, JsonNode doc) {
    if (req.response().ended()) {
      return;
    }
    req.response().setStatusCode(status).putHeader("content-type", type).end(Buffer.buffer(Json.bytes(doc)));
  }

  public static void error(HttpServerRequest req, int status, String message) {
    ObjectNode o = Json.object();
    o.put("error", message);
    json(req, status, "application/json", o);
  }

  /**
   * 405 with {@code Allow: POST}: {@code what} takes activities, and nothing is read from it
   * (members read the outbox and the ledger; an inbox is no public collection).
   */
  public static void postOnly(HttpServerRequest req, String what) {
    req.response().putHeader("allow", "POST");
    error(req, 405, what + " takes only POST (signed activities); read the outbox instead");
  }

  /** {@code {"status": message}}. */
  public static ObjectNode status(String message) {
    ObjectNode o = Json.object();
    o.put("status", message);
    return o;
  }

  /**
   * The page of a collection of {@code items} ({@code pageSize} a page) that {@code page} asks
   * for: a whole number from 0 to the last page; else -1, after answering 400 with what is wrong.
   */
  public static long page(HttpServerRequest req, String page, long items, int pageSize) {
    long last = items == 0 ? 0 : (items - 1) / pageSize;
    long p = wholeNumber(page);
    if (p < 0 || p > last) {
      String shown = page.length() > 24 ? page.substring(0, 24) + "..." : page;
      error(req, 400, "page is a whole number from 0 to " + last + " (" + items + " items, " + pageSize
          + " a page), not \"" + shown + "\"");
      return -1;
    }
    return p;
  }

  /** A whole number from 0, or -1 for anything else (the caller says what it wanted). */
  public static long wholeNumber(String s) {
    try {
      long v = Long.parseLong(s);
      return v < 0 ? -1 : v;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
