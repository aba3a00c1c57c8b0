package coop.lattice.federation.routes;

import coop.lattice.federation.hosting.Addressees;
import coop.lattice.federation.hosting.Documents;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Hosts;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.federation.inbox.Inbox;
import coop.lattice.federation.mirror.LedgerMirror;
import coop.lattice.federation.json.ActivityStreams;
import coop.lattice.federation.social.FollowBook;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Everything under {@code /collectives/<id>}: POST to the inbox goes to the {@link Inbox}; any
 * other POST is 405; the calendars ({@code calendar.ics}, {@code calendar/<token>.ics}) go to the
 * {@link WallRoute}, and so does a GET whose {@code Accept} prefers HTML ({@link Negotiation}: the
 * wall's pages, at the same addresses); any other GET must ask for an ActivityStreams type (406)
 * and goes to the route registered under its first path segment: the actor itself, {@code outbox}, {@code followers},
 * {@code following}, {@code checkpoint}, {@code ledger}, and {@code entries/<n>[/activity]}.
 */
final class CollectiveRoutes {
  private final Hosts hosts;
  private final Inbox inbox;
  /** Routes whose path is exactly their name. */
  private final Map<String, CollectiveRoute> exact;
  /** Routes that take a further path after their name and a slash. */
  private final Map<String, CollectiveRoute> prefixed;

  private final WallRoute wall;

  CollectiveRoutes(Hosts hosts, Inbox inbox, FollowBook follows, LedgerMirror mirror, Addressees addressees,
      WallRoute wall) {
    this.hosts = hosts;
    this.inbox = inbox;
    this.wall = wall;
    this.exact = Map.of(
        "", new ActorRoute(),
        "outbox", new OutboxRoute(addressees),
        "followers", new FollowersRoute(follows),
        "following", (req, h, rest) -> Responses.json(req, 200, ActivityStreams.MEDIA_TYPE,
            Documents.emptyCollection(h.actor() + "/following")),
        "checkpoint", new CheckpointRoute(),
        "ledger", new LedgerPageRoute(),
        "witnessed", new WitnessedRoute(mirror));
    this.prefixed = Map.of("entries", new EntryRoute(addressees));
  }

  void serve(HttpServerRequest req, String path) {
    int slash = path.indexOf('/');
    String id = slash < 0 ? path : path.substring(0, slash);
    Optional<HostedCollective> found = hosts.find(id);
    if (found.isEmpty()) {
      Responses.error(req, 404, "no collective called " + id + " on this node");
      return;
    }
    String sub = slash < 0 ? "" : path.substring(slash + 1);
    boolean post = req.method().name().equals("POST");
    if (sub.equals("inbox")) {
      if (post) {
        inbox.receive(req, found.get());
      } else {
        Responses.postOnly(req, "an inbox");
      }
      return;
    }
    if (post) {
      Responses.error(req, 405, "only the inbox takes POST");
      return;
    }
    if (WallRoute.isCalendar(sub)) {
      wall.calendar(req, found.get(), sub);
      return;
    }
    req.response().putHeader("vary", "Accept");
    Negotiation.Answer answer = Negotiation.of(req.getHeader("accept"));
    if (answer == Negotiation.Answer.PAGE) {
      wall.page(req, found.get(), sub);
      return;
    }
    if (answer == Negotiation.Answer.NEITHER) {
      Responses.error(req, 406, "ask for application/activity+json or application/ld+json; profile=\""
          + ActivityStreams.CONTEXT + "\"");
      return;
    }
    int next = sub.indexOf('/');
    CollectiveRoute route = next < 0 ? exact.get(sub) : prefixed.get(sub.substring(0, next));
    if (route == null) {
      Responses.error(req, 404, "nothing here");
    } else {
      route.serve(req, found.get(), next < 0 ? "" : sub.substring(next + 1));
    }
  }
}
