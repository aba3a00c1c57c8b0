package coop.lattice.federation.server;

import coop.lattice.federation.ServerLimits;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The header and body deadlines of {@link ServerLimits}, kept with a timer each on the
 * connection's own event loop:
 *
 * <ul>
 *   <li>while a connection has no request in progress (it just opened, or every answer on it was
 *       sent) its next request's headers must arrive within the header deadline, or it is closed
 *       with no answer (no request was made);
 *   <li>each request's body must have arrived within the body deadline from its headers, or the
 *       request is answered 408 (if nothing answered it yet) and the connection closed; a request
 *       answered early (a 413, a GET) whose body keeps trickling is closed all the same.
 * </ul>
 *
 * The 408 is written only if the response is untouched, and whatever else would answer later
 * finds it ended ({@code Responses} and the inbox leave an ended response alone), so each request
 * still gets one answer. Closing is logged at DEBUG only: anyone can make it happen. This class
 * owns each response's {@code endHandler} (it learns there that a request was answered): no route
 * may set another.
 */
final class ReadDeadlines {
  private static final Logger LOG = LoggerFactory.getLogger(ReadDeadlines.class);

  private final Vertx vertx;
  private final ServerLimits limits;
  /** Each open connection's state; touched on that connection's event loop only. */
  private final Map<HttpConnection, Waiting> connections = new ConcurrentHashMap<>();

  ReadDeadlines(Vertx vertx, ServerLimits limits) {
    this.vertx = vertx;
    this.limits = limits;
  }

  /** A connection was admitted: its first request's headers are due. */
  void opened(HttpConnection conn) {
    Waiting w = new Waiting(conn);
    connections.put(conn, w);
    w.awaitHeaders();
  }

  /** A connection closed, for whatever reason: its timers go. */
  void closed(HttpConnection conn) {
    Waiting w = connections.remove(conn);
    if (w != null) {
      w.cancelHeaders();
    }
  }

  /**
   * A request's headers arrived (on its connection's event loop): the header deadline stops, the
   * body's starts. Whatever thread ends the response, what follows runs back on that event loop.
   */
  void arrived(HttpServerRequest req) {
    Context loop = Vertx.currentContext();
    Waiting w = connections.get(req.connection());
    if (w != null) {
      w.requestStarted();
    }
    long body = vertx.setTimer(limits.body().toMillis(), id -> bodyDeadlinePassed(req));
    req.response().endHandler(v -> on(loop, () -> {
      if (req.isEnded()) {
        vertx.cancelTimer(body);
      } // else the body is still coming after the answer: the timer closes it if it does not end in time
      if (w != null) {
        w.requestAnswered();
      }
    }));
  }

  private static void on(Context loop, Runnable work) {
    if (loop == null || Vertx.currentContext() == loop) {
      work.run();
    } else {
      loop.runOnContext(v -> work.run());
    }
  }

  private void bodyDeadlinePassed(HttpServerRequest req) {
    HttpServerResponse response = req.response();
    if (req.isEnded() || response.closed()) {
      return; // the body came, or the connection is gone already
    }
    LOG.debug("Closing a connection from {}: the body of {} {} did not arrive within {} ms", address(req.connection()),
        req.method(), req.path(), limits.body().toMillis());
    if (!response.ended() && !response.headWritten()) {
      response.setStatusCode(408).putHeader("content-type", "application/json").putHeader("connection", "close")
          .end(Buffer.buffer("{\"error\":\"the request body did not arrive within " + limits.body().toMillis()
              + " ms\"}")).onComplete(v -> req.connection().close());
    } else {
      req.connection().close();
    }
  }

  private static String address(HttpConnection conn) {
    SocketAddress a = conn.remoteAddress();
    return a == null ? "an unknown address" : a.hostAddress();
  }

  /** One connection: how many requests are in progress on it, and the header timer while none is. */
  private final class Waiting {
    private final HttpConnection conn;
    private int inProgress;
    private long headerTimer = -1;

    Waiting(HttpConnection conn) {
      this.conn = conn;
    }

    void awaitHeaders() {
      cancelHeaders();
      headerTimer = vertx.setTimer(limits.headers().toMillis(), id -> {
        headerTimer = -1;
        if (inProgress == 0) {
          LOG.debug("Closing a connection from {}: no complete request headers within {} ms", address(conn),
              limits.headers().toMillis());
          conn.close();
        }
      });
    }

    void cancelHeaders() {
      if (headerTimer >= 0) {
        vertx.cancelTimer(headerTimer);
        headerTimer = -1;
      }
    }

    void requestStarted() {
      inProgress++;
      cancelHeaders();
    }

    void requestAnswered() {
      inProgress = Math.max(0, inProgress - 1);
      if (inProgress == 0 && connections.get(conn) == this) {
        awaitHeaders();
      }
    }
  }
}
