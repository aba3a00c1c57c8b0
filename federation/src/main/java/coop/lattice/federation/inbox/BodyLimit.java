package coop.lattice.federation.inbox;

import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.federation.json.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import org.jspecify.annotations.Nullable;

/**
 * The first step, at the socket: reads the body, but no more than {@link Json#MAX_DOCUMENT}
 * bytes (a larger {@code Content-Length} is refused before reading, a body that grows past it is
 * refused and the connection closed), then hands the bytes on.
 */
final class BodyLimit {
  private final Step<Arrival> next;

  BodyLimit(Step<Arrival> next) {
    this.next = next;
  }

  void receive(HttpServerRequest req, @Nullable HostedCollective target) {
    String length = req.getHeader("content-length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > Json.MAX_DOCUMENT) {
          tooLarge(req);
          return;
        }
      } catch (NumberFormatException e) {
        Responses.error(req, 400, "Content-Length is not a number");
        return;
      }
    }
    Buffer body = Buffer.buffer();
    boolean[] over = {false};
    req.handler(chunk -> {
      if (over[0]) {
        return;
      }
      body.appendBuffer(chunk);
      if (body.length() > Json.MAX_DOCUMENT) {
        over[0] = true;
        tooLarge(req);
      }
    });
    req.endHandler(v -> {
      if (!over[0]) {
        Arrival a = new Arrival(req, target, body.getBytes());
        a.guard(() -> next.accept(a));
      }
    });
  }

  private static void tooLarge(HttpServerRequest req) {
    req.response().putHeader("connection", "close");
    Responses.error(req, 413, "the body is larger than " + Json.MAX_DOCUMENT + " bytes");
  }
}
