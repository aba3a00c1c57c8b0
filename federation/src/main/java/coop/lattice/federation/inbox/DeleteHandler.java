package coop.lattice.federation.inbox;

import coop.lattice.federation.json.Json;
import coop.lattice.federation.net.Origins;
import java.util.Optional;

/** {@code Delete}: only of the actor's own objects (403), only by their owner; the object stays a tombstone. */
final class DeleteHandler implements ActivityHandler {
  private final RemoteObjects objects;
  private final Acceptance acceptance;

  DeleteHandler(RemoteObjects objects, Acceptance acceptance) {
    this.objects = objects;
    this.acceptance = acceptance;
  }

  @Override
  public void handle(VerifiedActivity a) {
    String actor = a.actor();
    String objectId = Json.id(a.activity().get("object")).orElse("");
    if (objectId.isEmpty() || !Origins.sameOrigin(objectId, actor)) {
      a.refuse(Reason.NOT_OWNER, "a Delete may only remove its actor's own objects");
      return;
    }
    Optional<RemoteObjects.Refusal> refusal = objects.checkDelete(actor, objectId);
    if (refusal.isPresent()) {
      a.refuse(refusal.get().reason(), refusal.get().message());
      return;
    }
    acceptance.accept(a, () -> objects.delete(actor, objectId), () -> { });
  }
}
