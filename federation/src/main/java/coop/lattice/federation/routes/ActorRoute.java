package coop.lattice.federation.routes;

import coop.lattice.federation.hosting.Documents;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.federation.json.ActivityStreams;
import io.vertx.core.http.HttpServerRequest;

/** The collective's {@code Group} actor document, with its RSA {@code publicKey} and Ed25519 {@code assertionMethod}. */
final class ActorRoute implements CollectiveRoute {
  @Override
  public void serve(HttpServerRequest req, HostedCollective h, String rest) {
    Responses.json(req, 200, ActivityStreams.MEDIA_TYPE, Documents.actor(h));
  }
}
