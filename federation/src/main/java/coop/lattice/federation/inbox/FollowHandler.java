package coop.lattice.federation.inbox;

import coop.lattice.federation.FollowRequest;
import coop.lattice.federation.hosting.Documents;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.RemoteDocuments;
import coop.lattice.federation.json.As2Shapes;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.net.Origins;
import coop.lattice.federation.outbox.Deliveries;
import coop.lattice.federation.social.Approvals;
import coop.lattice.federation.social.FollowBook;

/**
 * {@code Follow} of a hosted collective: the follower's actor must have an inbox on its own
 * origin (422 if not); the follower is recorded, gets entries from now on, and is sent an {@code
 * Accept} once the Follow is durably accepted.
 */
final class FollowHandler implements ActivityHandler {
  private final RemoteDocuments documents;
  private final FollowBook follows;
  private final Deliveries deliveries;
  private final Acceptance acceptance;

  FollowHandler(RemoteDocuments documents, FollowBook follows, Deliveries deliveries, Acceptance acceptance) {
    this.documents = documents;
    this.follows = follows;
    this.deliveries = deliveries;
    this.acceptance = acceptance;
  }

  @Override
  public void handle(VerifiedActivity a) {
    HostedCollective h = a.collective();
    if (!Json.id(a.activity().get("object")).map(o -> o.equals(h.actor().toString())).orElse(false)) {
      a.refuse(Reason.UNSOLICITED, "this Follow is not for " + h.actor());
      return;
    }
    documents.fetch(a.actor(), h).onComplete(ar -> a.arrival().guard(() -> {
      String inbox = ar.succeeded() ? Json.text(ar.result(), "inbox").orElse("") : "";
      if (!As2Shapes.isHttpIri(inbox) || !Origins.sameOrigin(inbox, a.actor())) {
        a.refuse(Reason.NO_INBOX, "the follower's actor has no inbox on its own origin (an http(s) URL with no "
            + "space or control character)");
        return;
      }
      Approvals approvals = follows.approvals(h);
      if (approvals.required() && !follows.of(h).isFollowedBy(a.actor())) {
        if (approvals.full() && approvals.get(a.actor()).isEmpty()) {
          a.arrival().request().response().putHeader("retry-after", "3600");
          a.refuse(Reason.STORE, "too many follows wait for " + h.id() + "'s answer; send it again later");
          return;
        }
        // Taken for the collective to decide; the Accept or Reject goes when it has.
        acceptance.accept(a, () -> approvals.requested(new FollowRequest(a.actor(), inbox, a.id())), () -> { });
        return;
      }
      acceptance.accept(a, () -> {
        follows.of(h).follower(a.actor(), inbox);
        deliveries.follower(h, inbox);
      }, () -> deliveries.sendOnce(h, inbox, Json.bytes(Documents.accept(h, a.activity()))));
    }));
  }
}
