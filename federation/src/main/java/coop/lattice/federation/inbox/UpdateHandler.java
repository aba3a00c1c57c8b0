package coop.lattice.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.net.Origins;
import java.util.Optional;

/**
 * {@code Update}: only of the actor's own objects (403). An update of the actor itself forgets its
 * cached keys (a rotated key is fetched afresh); of another object, it must be newer than the
 * version held and by its owner ({@link RemoteObjects}).
 */
final class UpdateHandler implements ActivityHandler {
  private final KeyCache keys;
  private final RemoteObjects objects;
  private final Acceptance acceptance;

  UpdateHandler(KeyCache keys, RemoteObjects objects, Acceptance acceptance) {
    this.keys = keys;
    this.objects = objects;
    this.acceptance = acceptance;
  }

  @Override
  public void handle(VerifiedActivity a) {
    String actor = a.actor();
    JsonNode object = a.activity().get("object");
    String objectId = Json.id(object).orElse("");
    if (!Origins.sameOrigin(objectId, actor)) {
      a.refuse(Reason.NOT_OWNER, "an Update may only change its actor's own objects");
      return;
    }
    boolean ofActor = objectId.equals(actor);
    if (!ofActor && object != null && object.isObject()) {
      Optional<RemoteObjects.Refusal> refusal = objects.checkUpdate(actor, object);
      if (refusal.isPresent()) {
        a.refuse(refusal.get().reason(), refusal.get().message());
        return;
      }
    }
    acceptance.accept(a, () -> {
      if (ofActor) {
        keys.forgetOwner(actor);
      } else if (object != null && object.isObject()) {
        objects.put(actor, object);
      }
    }, () -> { });
  }
}
