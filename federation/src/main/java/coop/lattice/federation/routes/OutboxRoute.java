package coop.lattice.federation.routes;

import com.fasterxml.jackson.databind.JsonNode;
import coop.lattice.federation.hosting.Addressees;
import coop.lattice.federation.hosting.Documents;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.federation.json.ActivityStreams;
import coop.lattice.ledger.Entry;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox: the ledger itself as an ordered collection of {@code Create}s, newest first, in
 * pages, each addressed as it was delivered.
 */
final class OutboxRoute implements CollectiveRoute {
  static final int PAGE = 50;
  private final Addressees addressees;

  OutboxRoute(Addressees addressees) {
    this.addressees = addressees;
  }

  @Override
  public void serve(HttpServerRequest req, HostedCollective h, String rest) {
    long size = h.collective().ledger().size();
    String page = req.getParam("page");
    String id = h.actor() + "/outbox";
    if (page == null) {
      Responses.json(req, 200, ActivityStreams.MEDIA_TYPE,
          Documents.orderedCollection(id, size, size == 0 ? null : id + "?page=0"));
      return;
    }
    long p = Responses.page(req, page, size, PAGE);
    if (p < 0) {
      return;
    }
    // Newest first, as ActivityStreams orders an outbox.
    List<JsonNode> items = new ArrayList<>();
    long from = size - 1 - p * PAGE;
    for (long i = from; i >= 0 && i > from - PAGE; i--) {
      Entry e = h.collective().ledger().entry(i);
      items.add(Documents.create(h, e, addressees.of(h, e)));
    }
    String next = from - PAGE >= 0 ? id + "?page=" + (p + 1) : null;
    Responses.json(req, 200, ActivityStreams.MEDIA_TYPE, Documents.page(id + "?page=" + p, id, items, next));
  }
}
