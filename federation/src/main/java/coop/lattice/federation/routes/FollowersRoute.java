package coop.lattice.federation.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import coop.lattice.federation.hosting.Documents;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.federation.json.ActivityStreams;
import coop.lattice.federation.social.FollowBook;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;

/** The followers collection: follower actors in a stable order, in pages. */
final class FollowersRoute implements CollectiveRoute {
  private final FollowBook follows;

  FollowersRoute(FollowBook follows) {
    this.follows = follows;
  }

  @Override
  public void serve(HttpServerRequest req, HostedCollective h, String rest) {
    List<String> all = follows.of(h).followerActors();
    String id = h.actor() + "/followers";
    String page = req.getParam("page");
    if (page == null) {
      Responses.json(req, 200, ActivityStreams.MEDIA_TYPE,
          Documents.orderedCollection(id, all.size(), all.isEmpty() ? null : id + "?page=0"));
      return;
    }
    int size = OutboxRoute.PAGE;
    long p = Responses.page(req, page, all.size(), size);
    if (p < 0) {
      return;
    }
    List<JsonNode> items = new ArrayList<>();
    for (long i = p * size; i < all.size() && i < (p + 1) * size; i++) {
      items.add(TextNode.valueOf(all.get((int) i)));
    }
    String next = (p + 1) * size < all.size() ? id + "?page=" + (p + 1) : null;
    Responses.json(req, 200, ActivityStreams.MEDIA_TYPE, Documents.page(id + "?page=" + p, id, items, next));
  }
}
