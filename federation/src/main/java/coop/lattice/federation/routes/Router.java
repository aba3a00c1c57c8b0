package coop.lattice.federation.routes;

import coop.lattice.federation.hosting.Addressees;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Hosts;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.federation.inbox.Inbox;
import coop.lattice.federation.mirror.LedgerMirror;
import coop.lattice.federation.mirror.Witnesses;
import coop.lattice.federation.outbox.Deliveries;
import coop.lattice.federation.outbox.FlowAlarm;
import coop.lattice.federation.social.FollowBook;
import coop.lattice.wall.PartnerSignals;
import coop.lattice.wall.Wall;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Function;
import coop.lattice.federation.sparql.SparqlEndpoint;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Path dispatch for a node: discovery under {@code /.well-known} and {@code /nodeinfo}, the
 * shared inbox at {@code /inbox}, the node's {@code /health}, its page ({@code /}, the collectives
 * it hosts) and the wall's stylesheet ({@code /wall.css}), and each collective under {@code
 * /collectives/<id>}. Routing only: what is served is the routes' job, what an inbound activity
 * does is the inbox's. A failure nobody expected is logged and answered 500, once.
 */
public final class Router {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  private final Discovery discovery;
  private final Inbox inbox;
  private final HealthRoute health;
  private final CollectiveRoutes collectives;
  private final NodePages pages;
  private final SparqlRoute sparql;

  /**
   * @param partners for a hosted collective, what this node sees of its partners (flagged, failing,
   *     faltering): the wall's lattice page shows it
   */
  public Router(Hosts hosts, Inbox inbox, FollowBook follows, LedgerMirror mirror, Witnesses witnesses,
      Deliveries deliveries, FlowAlarm alarm, Addressees addressees, Wall wall,
      Function<HostedCollective, PartnerSignals> partners, Vertx vertx, SparqlEndpoint endpoint) {
    this.sparql = new SparqlRoute(vertx, endpoint);
    this.discovery = new Discovery(hosts);
    this.inbox = inbox;
    this.health = new HealthRoute(hosts, deliveries, alarm, witnesses);
    this.collectives = new CollectiveRoutes(hosts, inbox, follows, mirror, addressees, new WallRoute(wall, partners));
    this.pages = new NodePages(hosts, wall);
  }

  public void handle(HttpServerRequest req) {
    String path = req.path();
    try {
      switch (path) {
        case "/.well-known/webfinger" -> discovery.webfinger(req);
        case "/.well-known/nodeinfo" -> discovery.nodeinfoLinks(req);
        case "/nodeinfo/2.1" -> discovery.nodeinfo(req);
        case "/health" -> health.serve(req);
        case "/sparql" -> sparql.serve(req);
        case "/" -> pages.index(req);
        case NodePages.STYLESHEET -> pages.stylesheet(req);
        case "/inbox" -> {
          if (req.method().name().equals("POST")) {
            inbox.receive(req, null);
          } else {
            Responses.postOnly(req, "the shared inbox");
          }
        }
        default -> {
          if (path.startsWith("/collectives/")) {
            collectives.serve(req, path.substring("/collectives/".length()));
          } else {
            Responses.error(req, 404, "nothing here");
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.error("{} {} failed unexpectedly", req.method(), path, e);
      Responses.error(req, 500, "internal error");
    }
  }
}
