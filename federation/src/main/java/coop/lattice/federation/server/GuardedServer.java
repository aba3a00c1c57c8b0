package coop.lattice.federation.server;

import coop.lattice.federation.ServerLimits;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the node's HTTP servers, each guarded against slow and greedy clients by the {@link
 * ServerLimits} given: the idle timeout in the server's options, the cap on connections per
 * remote address when a connection opens (one over the cap is closed at once, before it is read),
 * and the header and body deadlines ({@link ReadDeadlines}). One instance serves all of a node's
 * server instances, so the cap counts an address's connections across every event loop.
 *
 * <p>The servers speak HTTP/1.1 only: cleartext HTTP/2 (h2c, on by default in Vert.x) is off.
 * With it on, Vert.x 5 tells the connection handler of an HTTP/1.1 connection only once a request
 * arrives on it, so a connection that opens and sends nothing (or trickles its headers) would be
 * neither counted nor timed. No fediverse server speaks h2c to an inbox (HTTP/2 comes over TLS,
 * which a reverse proxy in front of the node terminates), and the HTTP/2-only attacks (rapid reset,
 * stream floods) stay off the port too.
 */
public final class GuardedServer {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedServer.class);

  private final Vertx vertx;
  private final ServerLimits limits;
  private final ConnectionCap cap;
  private final ReadDeadlines deadlines;

  public GuardedServer(Vertx vertx, ServerLimits limits) {
    this.vertx = vertx;
    this.limits = limits;
    this.cap = new ConnectionCap(limits.perAddress());
    this.deadlines = new ReadDeadlines(vertx, limits);
  }

  /** One more server instance (not listening yet) that hands the requests it reads to {@code handler}. */
  public HttpServer create(Handler<HttpServerRequest> handler) {
    HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(false)
        .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, limits.idle().toMillis()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    return vertx.createHttpServer(options).connectionHandler(conn -> {
      String key = ConnectionCap.key(conn.remoteAddress());
      if (!cap.admit(key)) {
        LOG.debug("Closing a connection from {} at once: it holds {} connections already, the most an address may",
            key, limits.perAddress());
        conn.close();
        return;
      }
      deadlines.opened(conn);
      conn.closeHandler(v -> {
        cap.release(key);
        deadlines.closed(conn);
      });
    }).requestHandler(req -> {
      deadlines.arrived(req);
      handler.handle(req);
    });
  }
}
