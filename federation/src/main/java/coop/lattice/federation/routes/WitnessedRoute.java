package coop.lattice.federation.routes;

import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.federation.mirror.LedgerMirror;
import coop.lattice.ledger.SignedCheckpoint;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * {@code ?of=<actor>}: the newest checkpoint of that partner's ledger this node's mirror verified
 * its copy against, as its exact text (404 if none). A collective asks its witnesses this on reopen
 * and on request, to find out whether its own disk was rolled back.
 */
final class WitnessedRoute implements CollectiveRoute {
  private final LedgerMirror mirror;

  WitnessedRoute(LedgerMirror mirror) {
    this.mirror = mirror;
  }

  @Override
  public void serve(HttpServerRequest req, HostedCollective h, String rest) {
    String of = req.getParam("of");
    Optional<SignedCheckpoint> cp = of == null ? Optional.empty() : mirror.verified(of);
    if (cp.isEmpty()) {
      Responses.error(req, 404, of == null ? "ask ?of=<actor>" : "no verified checkpoint of " + of + " here");
    } else {
      req.response().putHeader("content-type", "text/plain; charset=utf-8").end(Buffer.buffer(cp.get().toBytes()));
    }
  }
}
