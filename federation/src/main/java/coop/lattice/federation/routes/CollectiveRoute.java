package coop.lattice.federation.routes;

import coop.lattice.federation.hosting.HostedCollective;
import io.vertx.core.http.HttpServerRequest;

/** A GET under a collective's actor URL; {@code rest} is the path after the route's name ("" if none). */
@FunctionalInterface
interface CollectiveRoute {
  void serve(HttpServerRequest req, HostedCollective h, String rest);
}
