package coop.lattice.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.social.Approvals;
import coop.lattice.federation.social.FollowBook;
import coop.lattice.federation.social.Follows;

/**
 * {@code Undo}: an undone {@code Follow} by the same actor removes the follower. Any other Undo is
 * accepted and recorded with no effect.
 */
final class UndoHandler implements ActivityHandler {
  private final FollowBook follows;
  private final Acceptance acceptance;

  UndoHandler(FollowBook follows, Acceptance acceptance) {
    this.follows = follows;
    this.acceptance = acceptance;
  }

  @Override
  public void handle(VerifiedActivity a) {
    JsonNode object = a.activity().get("object");
    String undone = object != null && object.isObject() ? Json.text(object, "type").orElse("") : "";
    String undoneId = Json.id(object).orElse("");
    acceptance.accept(a, () -> {
      Follows f = follows.of(a.collective());
      if (undone.equals("Follow") && f.isFollowedBy(a.actor())
          && Json.id(object.get("actor")).map(a.actor()::equals).orElse(false)) {
        f.unfollow(a.actor());
      }
      // A follow still waiting for the collective's answer is withdrawn too (by the Follow or its id).
      Approvals approvals = follows.approvals(a.collective());
      approvals.get(a.actor()).filter(r -> undone.equals("Follow") || r.followId().equals(undoneId))
          .ifPresent(r -> approvals.take(a.actor()));
    }, () -> { });
  }
}
