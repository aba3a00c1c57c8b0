package coop.lattice.federation.server;

import io.vertx.core.Context;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node's listening servers, one per event loop. Each server is deployed as an instance of its
 * own, because a server made on an event loop's context stays on that loop: servers made one
 * after another from the first one's callback would all share one thread, and a node started
 * with two instances would use one core.
 */
public final class ServerInstances {
  private static final AtomicInteger ANY_PORT = new AtomicInteger();

  private final Vertx vertx;
  private final GuardedServer guarded;
  private final Handler<HttpServerRequest> handler;
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private final List<String> deployments = new CopyOnWriteArrayList<>();

  public ServerInstances(Vertx vertx, GuardedServer guarded, Handler<HttpServerRequest> handler) {
    this.vertx = vertx;
    this.guarded = guarded;
    this.handler = handler;
  }

  /** Listens with {@code instances} servers on {@code host}:{@code port} (0: a free port); completes with the port. */
  public Future<Integer> listen(int port, String host, int instances) {
    if (instances < 1) {
      throw new IllegalArgumentException("a node listens with at least one server instance, not " + instances);
    }
    // Vert.x shares one free port among the servers that listen on the same negative port; the
    // number is this node's own, so that two nodes in one JVM never share theirs.
    return deploy(port != 0 ? port : ANY_PORT.decrementAndGet(), host, instances);
  }

  private Future<Integer> deploy(int port, String host, int instances) {
    AtomicInteger actual = new AtomicInteger(port);
    return vertx.deployVerticle(() -> new Listener(port, host, actual), new DeploymentOptions().setInstances(instances))
        .onSuccess(deployments::add).map(id -> actual.get());
  }

  /** One server, made when its instance is deployed, so on that instance's own event loop. */
  private final class Listener implements Deployable {
    private final int port;
    private final String host;
    private final AtomicInteger actual;

    Listener(int port, String host, AtomicInteger actual) {
      this.port = port;
      this.host = host;
      this.actual = actual;
    }

    @Override
    public Future<?> deploy(Context context) {
      HttpServer s = guarded.create(handler);
      servers.add(s);
      return s.listen(port, host).onSuccess(listening -> actual.set(listening.actualPort()));
    }

    @Override
    public Future<?> undeploy(Context context) {
      return Future.succeededFuture(); // close() closes the servers first
    }
  }

  /** Closes every server, then takes their deployments down. */
  public Future<Void> close() {
    return Future.all(servers.stream().map(HttpServer::close).toList())
        .compose(v -> Future.all(deployments.stream().map(vertx::undeploy).toList())).mapEmpty();
  }
}
