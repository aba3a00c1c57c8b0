package coop.lattice.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.json.Json;
import java.io.IOException;

/** Parses the body as one JSON object under the limits, with an id, a type and an actor. 400 if not. */
final class ActivityReader implements Step<Inspected> {
  private final Step<Parsed> next;

  ActivityReader(Step<Parsed> next) {
    this.next = next;
  }

  @Override
  public void accept(Inspected in) {
    Arrival a = in.arrival();
    ObjectNode activity;
    try {
      activity = Json.parseObject(a.body());
    } catch (IOException e) {
      a.refuse(Reason.MALFORMED, "not a JSON object within the limits: " + e.getMessage());
      return;
    }
    String id = Json.id(activity).orElse("");
    String actor = Json.id(activity.get("actor")).orElse("");
    String type = Json.text(activity, "type").orElse("");
    if (id.isEmpty() || actor.isEmpty() || type.isEmpty()) {
      a.refuse(Reason.MALFORMED, "an activity needs an id, a type and an actor");
      return;
    }
    next.accept(new Parsed(a, in.signed(), activity, id, actor, type));
  }
}
