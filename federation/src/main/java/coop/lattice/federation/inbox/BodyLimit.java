package coop.lattice.federation.inbox;

import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.json.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import org.jspecify.annotations.Nullable;

/**
 * The first step, at the socket: reads the body, but no more than {@link Json#MAX_DOCUMENT}
 * bytes (a larger {@code Content-Length} is refused before reading, a body that grows past it is
 * refused and the connection closed), then hands the bytes on.
 *
 * <p>The server's body deadline ({@link coop.lattice.federation.ServerLimits#body}) bounds how long the body may
 * take: when it passes, the server answers 408 and closes the connection. A request answered by
 * then, whether by that deadline or by a refusal here, is never handed on, even if the rest of its
 * body arrives before the connection is gone: nothing is checked, claimed or recorded for it.
 */
final class BodyLimit {
  private final InboxMeters meters;
  private final Step<Arrival> next;

  BodyLimit(InboxMeters meters, Step<Arrival> next) {
    this.meters = meters;
    this.next = next;
  }

  void receive(HttpServerRequest req, @Nullable HostedCollective target) {
    String length = req.getHeader("content-length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > Json.MAX_DOCUMENT) {
          tooLarge(req, target);
          return;
        }
      } catch (NumberFormatException e) {
        Arrival.refuse(req, target, Reason.MALFORMED, "Content-Length is not a number", null, meters);
        return;
      }
    }
    Buffer body = Buffer.buffer();
    boolean[] over = {false};
    req.handler(chunk -> {
      if (over[0] || req.response().ended()) {
        return;
      }
      body.appendBuffer(chunk);
      if (body.length() > Json.MAX_DOCUMENT) {
        over[0] = true;
        tooLarge(req, target);
      }
    });
    req.endHandler(v -> {
      if (!over[0] && !req.response().ended()) {
        Arrival a = new Arrival(req, target, body.getBytes(), meters);
        a.guard(() -> next.accept(a));
      }
    });
  }

  private void tooLarge(HttpServerRequest req, @Nullable HostedCollective target) {
    req.response().putHeader("connection", "close");
    Arrival.refuse(req, target, Reason.TOO_LARGE, "the body is larger than " + Json.MAX_DOCUMENT + " bytes", null,
        meters);
  }
}
