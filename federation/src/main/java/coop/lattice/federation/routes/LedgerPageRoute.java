package coop.lattice.federation.routes;

import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.federation.mirror.LedgerPage;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/** Entries {@code from..to} as canonical JSON, for mirrors ({@link LedgerPage}). */
final class LedgerPageRoute implements CollectiveRoute {
  @Override
  public void serve(HttpServerRequest req, HostedCollective h, String rest) {
    long size = h.collective().ledger().size();
    long from = Responses.wholeNumber(Optional.ofNullable(req.getParam("from")).orElse("0"));
    long to = Responses.wholeNumber(Optional.ofNullable(req.getParam("to")).orElse(Long.toString(size)));
    if (from < 0 || to < from || to > size || to - from > LedgerPage.MAX) {
      Responses.error(req, 400, "ask for entries from..to within 0.." + size + ", at most " + LedgerPage.MAX
          + " at a time");
    } else {
      Responses.json(req, 200, "application/json", LedgerPage.of(h.collective().ledger().entries(from, to)));
    }
  }
}
