package coop.lattice.federation.node;

import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Hosts;
import coop.lattice.federation.outbox.Broadcasts;
import coop.lattice.federation.social.FollowBook;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.SignedCheckpoint;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs and publishes each hosted collective's checkpoint by itself, so that partners' mirrors
 * reach its newest entries without the application remembering to sign one: once its ledger holds
 * {@code entries} entries that no signed checkpoint covers, and once the oldest such entry has
 * waited {@code every} (by the node's clock). A checkpoint signed any other way counts too: both
 * triggers read the ledger's latest checkpoint, so they need no state of their own and carry on
 * after a restart. Off when neither is set ({@link NodeBuilder#checkpointEvery}).
 */
final class AutoCheckpoints {
  private static final Logger LOG = LoggerFactory.getLogger(AutoCheckpoints.class);
  /** How often the time trigger is looked at, at most. */
  private static final long LOOK_MILLIS = 1000;

  private final long entries;
  private final Duration every;
  private final Clock clock;
  private final Broadcasts broadcasts;
  private final FollowBook follows;
  /** The collectives a checkpoint is being signed and sent for now: one at a time each. */
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private long timer = -1;

  AutoCheckpoints(long entries, Duration every, Clock clock, Broadcasts broadcasts, FollowBook follows) {
    this.entries = entries;
    this.every = every;
    this.clock = clock;
    this.broadcasts = broadcasts;
    this.follows = follows;
  }

  /** {@code h}'s ledger grew: publishes a checkpoint if {@code entries} entries wait for one. */
  void grew(HostedCollective h) {
    if (entries > 0 && uncovered(h.collective().ledger()) >= entries) {
      publish(h, "entries");
    }
  }

  /** Starts looking at the time trigger for every hosted collective, if it is set. */
  void start(Vertx vertx, Hosts hosts) {
    if (!every.isZero() && timer < 0) {
      timer = vertx.setPeriodic(Math.min(LOOK_MILLIS, Math.max(1, every.toMillis())), id -> hosts.all().forEach(h -> {
        Ledger l = h.collective().ledger();
        long n = uncovered(l);
        if (n > 0 && !l.entry(l.size() - n).time().plus(every).isAfter(clock.instant())) {
          publish(h, "time");
        }
      }));
    }
  }

  void stop(Vertx vertx) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /** How many of the ledger's entries no signed checkpoint covers. */
  private static long uncovered(Ledger l) {
    return l.size() - l.latestCheckpoint().map(cp -> cp.checkpoint().size()).orElse(0L);
  }

  private void publish(HostedCollective h, String trigger) {
    String id = h.collectiveId().value();
    if (!inFlight.add(id)) {
      return;
    }
    try {
      broadcasts.checkpoint(h, follows.of(h).inboxes()).onComplete(r -> {
        inFlight.remove(id);
        grew(h); // entries that arrived while this one was on its way may be enough for the next
        if (r.succeeded()) {
          SignedCheckpoint cp = r.result();
          LOG.debug("Checkpoint of {} at size {} signed by itself ({}) and sent to its followers", id,
              cp.checkpoint().size(), trigger);
        } else {
          LOG.warn("A checkpoint of {} signed by itself ({}) did not reach every follower: {}", id, trigger,
              r.cause().getMessage());
        }
      });
    } catch (RuntimeException e) {
      inFlight.remove(id);
      LOG.warn("A checkpoint of {} could not be signed by itself ({}): {}", id, trigger, e.getMessage());
    }
  }
}
