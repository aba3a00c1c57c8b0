package coop.lattice.federation.routes;

import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Hosts;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.wall.Wall;
import io.vertx.core.http.HttpServerRequest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The node's own page at {@code /} (for a browser: the collectives it hosts, each a link to its
 * wall; for anyone else, 404 as before) and the wall's one stylesheet at {@value #STYLESHEET}.
 */
final class NodePages {
  static final String STYLESHEET = "/wall.css";

  private final Hosts hosts;
  private final Wall wall;

  NodePages(Hosts hosts, Wall wall) {
    this.hosts = hosts;
    this.wall = wall;
  }

  void index(HttpServerRequest req) {
    if (Negotiation.of(req.getHeader("accept")) != Negotiation.Answer.PAGE) {
      Responses.error(req, 404, "nothing here");
      return;
    }
    Map<String, String> collectives = new LinkedHashMap<>();
    hosts.all().stream().sorted(Comparator.comparing(HostedCollective::id))
        .forEach(h -> collectives.put(h.collective().name(), h.actor().toString()));
    WallRoute.page(req, wall.index(hosts.base().getHost(), collectives, Wall.locale(req.getHeader("accept-language"))));
  }

  void stylesheet(HttpServerRequest req) {
    WallRoute.send(req, wall.stylesheet(), "public, max-age=3600");
  }
}
