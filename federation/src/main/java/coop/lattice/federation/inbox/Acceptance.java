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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of every accepted activity, all of it or none of it: claim its id for its
 * collective (once, for as long as a request carrying it could pass the signature's date check, see
 * {@link SeenIds}; the same activity sent to two collectives' inboxes on this node, as a partner's
 * entry is to each follower, is taken by each), record it durably, and only then apply its effect,
 * show it in the collective's inbound list, call the listeners and answer 202: a sender that has its
 * 202 finds it everywhere it shows. If the record cannot be written, the claim is given back,
 * nothing is applied, and the answer is 503 (the sender tries again); a copy that arrives while
 * the first is being recorded is answered 503 with {@code Retry-After} too, never "already
 * accepted" before it is. A replay of an accepted id is answered 202 and does nothing.
 *
 * <p>Handlers check before they call {@link #accept}; the effect applies what was checked. The one
 * exception is a partner's trade step ({@link #acceptRecorded}): the collective checks and records
 * it on its own ledger in one command, so that runs first, and a step sent again counts once. That
 * the records cannot be written is logged once when it starts and once when it ends, not once per
 * request.
 */
final class Acceptance {
  private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
  private static final Buffer ACCEPTED = Buffer.buffer("{\"status\":\"accepted\"}");

  private final Vertx vertx;
  private final Function<String, AcceptedLog> openLog;
  private final Clock clock;
  private final InboxMeters meters;
  private final AtomicBoolean storeFailing = new AtomicBoolean();
  private final Duration retention;
  /** Per collective: the same activity comes to each follower's inbox and is handled for each. */
  private final Map<String, SeenIds> seen = new ConcurrentHashMap<>();
  private final Map<String, AcceptedLog> logs = new ConcurrentHashMap<>();
  private final List<Consumer<InboundActivity>> listeners = new CopyOnWriteArrayList<>();
  /** Ids claimed whose record is not durable yet, each with its collective ({@link #key}). */
  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  /** Ids are remembered for {@code retention} after they were accepted, by {@code clock}; logs are lines in {@code store}. */
  Acceptance(Vertx vertx, NodeStore store, Clock clock, Duration retention, InboxMeters meters) {
    this(vertx, id -> AcceptedLog.inLines(store, id, clock, retention), clock, retention, meters);
  }

  /** With each collective's log opened by {@code openLog} (its id in, the log out). */
  Acceptance(Vertx vertx, Function<String, AcceptedLog> openLog, Clock clock, Duration retention, InboxMeters meters) {
    this.vertx = vertx;
    this.openLog = openLog;
    this.clock = clock;
    this.retention = retention;
    this.meters = meters;
  }

  /** On open: {@code h}'s accepted ids still remembered count as seen, and its remote objects are rebuilt. */
  void restore(HostedCollective h, RemoteObjects objects) {
    log(h).restore(seen(h), objects);
  }

  private AcceptedLog log(HostedCollective h) {
    return logs.computeIfAbsent(h.id(), openLog);
  }

  void onInbound(Consumer<InboundActivity> listener) {
    listeners.add(listener);
  }

  private SeenIds seen(HostedCollective h) {
    return seen.computeIfAbsent(h.id(), k -> new SeenIds(clock, retention));
  }

  /** Whether {@code a}'s id was accepted for its collective within the retention. */
  boolean seen(VerifiedActivity a) {
    return seen(a.collective(), a.id());
  }

  /** Whether {@code id} was accepted for {@code h} within the retention. */
  boolean seen(HostedCollective h, String id) {
    return seen(h).contains(id);
  }

  private boolean claimId(VerifiedActivity a) {
    return seen(a.collective()).claim(a.id());
  }

  private void release(VerifiedActivity a) {
    seen(a.collective()).release(a.id());
  }

  /** {@code a}'s id with its collective: what is pending is pending for one collective. */
  private static String key(VerifiedActivity a) {
    return a.collective().id() + "\n" + a.id();
  }

  /** Accepts {@code a} with no effect of its own. */
  void accept(VerifiedActivity a) {
    accept(a, () -> { }, () -> { });
  }

  /**
   * Claims {@code a}'s id; if it is new, records the activity, and once it is durable applies
   * {@code effect}, tells the listeners, answers 202, then runs {@code after} (such as sending an
   * Accept).
   */
  void accept(VerifiedActivity a, Runnable effect, Runnable after) {
    if (!claim(a)) {
      return;
    }
    record(a, effect, after);
  }

  /**
   * For an effect that checks and records itself durably in one step (a partner's trade step, a
   * command on the collective's ledger): claims the id, runs {@code checkAndRecord} (a {@link
   * Refusal} gives the claim back), then records the activity as {@link #accept} does.
   */
  void acceptRecorded(VerifiedActivity a, Runnable checkAndRecord) {
    if (!claim(a)) {
      return;
    }
    try {
      checkAndRecord.run();
    } catch (Refusal r) {
      release(a);
      a.refuse(r.reason(), r.getMessage());
      return;
    }
    record(a, () -> { }, () -> { });
  }

  /** Claims {@code a}'s id, or answers why not: already accepted (202), or being recorded now (503). */
  private boolean claim(VerifiedActivity a) {
    // Pending before claimed, and released before no longer pending: a copy on another event loop
    // never sees the id claimed but not pending, so never hears "already accepted" too early.
    boolean added = pending.add(key(a));
    if (added && claimId(a)) {
      return true;
    }
    if (added) {
      pending.remove(key(a));
    }
    if (pending.contains(key(a)) || !seen(a)) {
      a.arrival().request().response().putHeader("retry-after", "1");
      a.refuse(Reason.STORE, "this activity is being recorded now; send it again in a moment");
    } else {
      alreadyAccepted(a);
    }
    return false;
  }

  private void record(VerifiedActivity a, Runnable effect, Runnable after) {
    HostedCollective h = a.collective();
    InboundActivity in = new InboundActivity(h.collectiveId(), a.type(), a.id(), a.actor(), a.body(), clock.instant());
    Context context = vertx.getOrCreateContext();
    log(h).append(a.id(), a.body()).whenComplete((v, e) -> context.runOnContext(z -> a.arrival().guard(() -> {
      if (e != null) {
        release(a);
        pending.remove(key(a));
        if (storeFailing.compareAndSet(false, true)) {
          LOG.error("Cannot record the activities accepted for {}; the inbox answers 503 until it can", h.id(), e);
        }
        a.refuse(Reason.STORE, "cannot store the activity now; send it again later");
        return;
      }
      pending.remove(key(a));
      if (storeFailing.compareAndSet(true, false)) {
        LOG.info("Recording accepted activities again (for {})", h.id());
      }
      try {
        effect.run();
      } catch (RuntimeException failed) {
        // Recorded, but its effect (a write of its own) failed: the sender's retry may apply it.
        release(a);
        LOG.error("The effect of {} for {} failed after it was recorded; the sender may send it again", a.id(),
            h.id(), failed);
        a.refuse(Reason.STORE, "cannot apply the activity now; send it again later");
        return;
      }
      meters.accepted(a);
      h.accepted(in);
      for (Consumer<InboundActivity> l : listeners) {
        try {
          l.accept(in);
        } catch (RuntimeException failed) { // the activity is recorded: a listener's failure is the listener's
          LOG.error("A listener of {}'s inbox failed on {}; the activity stands", h.id(), a.id(), failed);
        }
      }
      a.arrival().request().response().setStatusCode(202).putHeader("content-type", "application/json")
          .end(ACCEPTED);
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
