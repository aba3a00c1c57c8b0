package coop.lattice.federation.routes;

import coop.lattice.federation.hosting.Addressees;
import coop.lattice.federation.hosting.Documents;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.federation.json.ActivityStreams;
import coop.lattice.ledger.Entry;
import io.vertx.core.http.HttpServerRequest;

/**
 * One ledger entry: {@code entries/<n>} as its {@code Note}, {@code entries/<n>/activity} as its
 * {@code Create}, addressed as it was delivered.
 */
final class EntryRoute implements CollectiveRoute {
  private final Addressees addressees;

  EntryRoute(Addressees addressees) {
    this.addressees = addressees;
  }

  @Override
  public void serve(HttpServerRequest req, HostedCollective h, String rest) {
    boolean activity = rest.endsWith("/activity");
    String n = activity ? rest.substring(0, rest.length() - "/activity".length()) : rest;
    long i = Responses.wholeNumber(n);
    if (i < 0 || i >= h.collective().ledger().size()) {
      Responses.error(req, 404, "no entry " + n);
      return;
    }
    Entry e = h.collective().ledger().entry(i);
    Responses.json(req, 200, ActivityStreams.MEDIA_TYPE, activity ? Documents.create(h, e, addressees.of(h, e)) : Documents.note(h, e));
  }
}
