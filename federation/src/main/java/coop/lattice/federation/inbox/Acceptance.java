package coop.lattice.federation.inbox;

import coop.lattice.federation.InboundActivity;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.federation.hosting.Responses;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of every accepted activity: claim its id (once, for as long as a request carrying
 * it could pass the signature's date check, see {@link SeenIds}: a replay is answered 202 and
 * does nothing), apply its effect, record it durably, and only then answer 202, show it
 * in the collective's inbound list and call the listeners. An effect that refuses (throws a
 * {@link Refusal}) gives the claim back, so a refused id can come again corrected; if the record
 * cannot be written the answer is 503. That the records cannot be written is logged once when it
 * starts and once when it ends, not once per request.
 */
final class Acceptance {
  private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
  private static final Buffer ACCEPTED = Buffer.buffer("{\"status\":\"accepted\"}");

  private final Vertx vertx;
  private final NodeStore store;
  private final Clock clock;
  private final InboxMeters meters;
  private final AtomicBoolean storeFailing = new AtomicBoolean();
  private final SeenIds seen;
  private final Map<String, AcceptedLog> logs = new ConcurrentHashMap<>();
  private final List<Consumer<InboundActivity>> listeners = new CopyOnWriteArrayList<>();

  /** Ids are remembered for {@code retention} after they were accepted, by {@code clock}. */
  Acceptance(Vertx vertx, NodeStore store, Clock clock, Duration retention, InboxMeters meters) {
    this.vertx = vertx;
    this.store = store;
    this.clock = clock;
    this.seen = new SeenIds(clock, retention);
    this.meters = meters;
  }

  /** On open: {@code h}'s accepted ids still remembered count as seen, and its remote objects are rebuilt. */
  void restore(HostedCollective h, RemoteObjects objects) {
    log(h).restore(seen, objects);
  }

  private AcceptedLog log(HostedCollective h) {
    return logs.computeIfAbsent(h.id(), id -> AcceptedLog.inLines(store, id, clock, seen.retention()));
  }

  void onInbound(Consumer<InboundActivity> listener) {
    listeners.add(listener);
  }

  boolean seen(String id) {
    return seen.contains(id);
  }

  private boolean claim(String id) {
    return seen.claim(id);
  }

  private void release(String id) {
    seen.release(id);
  }

  /** Accepts {@code a} with no effect of its own. */
  void accept(VerifiedActivity a) {
    accept(a, () -> { }, () -> { });
  }

  /**
   * Claims {@code a}'s id; if it is new, runs {@code effect}, records the activity, answers 202
   * once it is durable, then runs {@code after} (such as sending an Accept).
   */
  void accept(VerifiedActivity a, Runnable effect, Runnable after) {
    if (!claim(a.id())) {
      alreadyAccepted(a);
      return;
    }
    try {
      effect.run();
    } catch (Refusal r) {
      release(a.id());
      a.refuse(r.reason(), r.getMessage());
      return;
    }
    HostedCollective h = a.collective();
    InboundActivity in = new InboundActivity(h.collectiveId(), a.type(), a.id(), a.actor(), a.body(), clock.instant());
    Context context = vertx.getOrCreateContext();
    log(h).append(a.id(), a.body()).whenComplete((v, e) -> context.runOnContext(z -> a.arrival().guard(() -> {
      if (e != null) {
        if (storeFailing.compareAndSet(false, true)) {
          LOG.error("Cannot record the activities accepted for {}; the inbox answers 503 until it can", h.id(), e);
        }
        a.refuse(Reason.STORE, "cannot store the activity now; send it again later");
        return;
      }
      if (storeFailing.compareAndSet(true, false)) {
        LOG.info("Recording accepted activities again (for {})", h.id());
      }
      meters.accepted(a);
      h.accepted(in);
      a.arrival().request().response().setStatusCode(202).putHeader("content-type", "application/json")
          .end(ACCEPTED);
      listeners.forEach(l -> l.accept(in));
      after.run();
    })));
  }

  /** A replay of an accepted activity: 202, and nothing done again. */
  void alreadyAccepted(VerifiedActivity a) {
    meters.duplicate();
    Responses.json(a.arrival().request(), 202, "application/json",
        Responses.status("already accepted: nothing done again"));
  }
}
