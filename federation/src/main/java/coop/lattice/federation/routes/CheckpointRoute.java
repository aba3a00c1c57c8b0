package coop.lattice.federation.routes;

import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.ledger.SignedCheckpoint;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/** The latest signed checkpoint, as its exact text: what a mirror verifies against. */
final class CheckpointRoute implements CollectiveRoute {
  @Override
  public void serve(HttpServerRequest req, HostedCollective h, String rest) {
    Optional<SignedCheckpoint> cp = h.collective().ledger().latestCheckpoint();
    if (cp.isEmpty()) {
      Responses.error(req, 404, "no checkpoint has been signed yet");
    } else {
      req.response().putHeader("content-type", "text/plain; charset=utf-8").end(Buffer.buffer(cp.get().toBytes()));
    }
  }
}
