package coop.lattice.federation.social;

import coop.lattice.federation.FederationException;
import coop.lattice.federation.FollowRequest;
import coop.lattice.federation.hosting.Documents;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.outbox.Deliveries;
import io.vertx.core.Future;

/**
 * A collective's answers to the follows that waited for its approval ({@link Approvals}): an
 * approved one makes its actor a follower, then an {@code Accept} goes to them; a declined one
 * gets a {@code Reject}. Each request is answered once.
 */
public final class FollowAnswers {
  private final FollowBook follows;
  private final Deliveries deliveries;

  public FollowAnswers(FollowBook follows, Deliveries deliveries) {
    this.follows = follows;
    this.deliveries = deliveries;
  }

  /** Approves {@code actor}'s waiting follow; completes once their inbox took the {@code Accept}. */
  public Future<Void> approve(HostedCollective h, String actor) {
    FollowRequest r = follows.approvals(h).get(actor).orElseThrow(() -> unknown(h, actor));
    follows.of(h).follower(r.actor(), r.inbox()); // a follower first: a crash before the next line loses nothing
    deliveries.follower(h, r.inbox());
    follows.approvals(h).take(actor);
    return deliveries.sendOnce(h, r.inbox(), Json.bytes(Documents.answer(h, "Accept",
        Documents.followOf(h, r.followId(), r.actor()))));
  }

  /** Declines {@code actor}'s waiting follow; completes once their inbox took the {@code Reject}. */
  public Future<Void> decline(HostedCollective h, String actor) {
    FollowRequest r = take(h, actor);
    return deliveries.sendOnce(h, r.inbox(), Json.bytes(Documents.answer(h, "Reject",
        Documents.followOf(h, r.followId(), r.actor()))));
  }

  private FollowRequest take(HostedCollective h, String actor) {
    return follows.approvals(h).take(actor).orElseThrow(() -> unknown(h, actor));
  }

  private static FederationException unknown(HostedCollective h, String actor) {
    return new FederationException("no follow of " + h.collectiveId() + " by " + actor + " waits for an answer");
  }
}
