package coop.lattice.federation.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The registry from activity type to {@link ActivityHandler}, and the step that dispatches to it.
 * A type nobody registered is accepted and recorded with no effect of its own. An activity whose
 * id was accepted before is answered at once, and nothing runs again.
 */
final class ActivityHandlers implements Step<VerifiedActivity> {
  private final Acceptance acceptance;
  private final Map<String, ActivityHandler> byType = new HashMap<>();

  ActivityHandlers(Acceptance acceptance) {
    this.acceptance = acceptance;
  }

  /** Handles activities of {@code type} with {@code handler}; one handler per type. */
  ActivityHandlers register(String type, ActivityHandler handler) {
    if (byType.putIfAbsent(type, handler) != null) {
      throw new IllegalArgumentException("a handler for " + type + " is registered already");
    }
    return this;
  }

  /** The types that have a handler. */
  Set<String> types() {
    return Set.copyOf(byType.keySet());
  }

  @Override
  public void accept(VerifiedActivity a) {
    if (acceptance.seen(a)) {
      acceptance.alreadyAccepted(a);
      return;
    }
    ActivityHandler handler = byType.get(a.type());
    if (handler == null) {
      acceptance.accept(a);
    } else {
      handler.handle(a);
    }
  }
}
