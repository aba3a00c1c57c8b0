package coop.lattice.federation.social;

import coop.lattice.federation.FederationException;
import coop.lattice.federation.hosting.Documents;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.RemoteDocuments;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.net.Origins;
import coop.lattice.federation.outbox.Deliveries;
import io.vertx.core.Future;
import java.net.URI;
import java.util.UUID;

/** A collective follows a remote actor: fetch it, record the follow, send a signed {@code Follow}. */
public final class FollowRequests {
  private final RemoteDocuments documents;
  private final FollowBook follows;
  private final Deliveries deliveries;

  public FollowRequests(RemoteDocuments documents, FollowBook follows, Deliveries deliveries) {
    this.documents = documents;
    this.follows = follows;
    this.deliveries = deliveries;
  }

  /** Completes with the follow's id once the remote inbox took it. */
  public Future<String> follow(HostedCollective h, URI remote) {
    return documents.fetch(remote.toString(), h).compose(doc -> {
      String inbox = Json.text(doc, "inbox").orElse("");
      if (inbox.isEmpty() || !Origins.sameOrigin(inbox, remote.toString())) {
        return Future.failedFuture(new FederationException(remote + " has no inbox on its own origin"));
      }
      String followId = h.actor() + "/follows/" + UUID.randomUUID();
      follows.of(h).sent(followId, remote.toString());
      return deliveries.sendOnce(h, inbox, Json.bytes(Documents.follow(h, followId, remote.toString())))
          .map(followId);
    });
  }
}
