package coop.lattice.federation.inbox;

import coop.lattice.federation.FollowState;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.social.FollowBook;
import coop.lattice.federation.social.Follows;

/**
 * {@code Accept} or {@code Reject} of a follow this collective sent: only from the actor it was
 * sent to (422 otherwise); the follow's state is recorded.
 */
final class FollowAnswerHandler implements ActivityHandler {
  private final FollowState answer;
  private final FollowBook follows;
  private final Acceptance acceptance;

  FollowAnswerHandler(FollowState answer, FollowBook follows, Acceptance acceptance) {
    this.answer = answer;
    this.follows = follows;
    this.acceptance = acceptance;
  }

  @Override
  public void handle(VerifiedActivity a) {
    Follows f = follows.of(a.collective());
    String followId = Json.id(a.activity().get("object")).orElse("");
    String sentTo = f.sentTo(followId).orElse(null);
    if (sentTo == null || !sentTo.equals(a.actor())) {
      a.refuse(Reason.UNSOLICITED, a.type() + " of " + followId + ", which this collective did not send to "
          + a.actor());
      return;
    }
    acceptance.accept(a, () -> f.answered(followId, answer), () -> { });
  }
}
