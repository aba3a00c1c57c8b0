package coop.lattice.federation.clearing;

import coop.lattice.collective.ClearingRound;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Hosts;
import coop.lattice.federation.mirror.LedgerMirror;
import coop.lattice.federation.mirror.TradeRelay;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps time for the clearing rounds of every hosted collective: once a second (off the event
 * loops, one look at a time) each round is looked at by the node's clock, so that a round past its
 * closing time lapses and a coordinator restarted mid-round carries on from what it heard ({@link
 * Coordination#tick}). A participant waits {@code grace} after the closing time for the
 * coordinator's word; a round it committed to and still has no word of is then ended as the
 * coordinator's ledger shows, read through this node's mirror of it (at most once a minute per
 * round; {@link Coordination#resolve}).
 */
public final class RoundKeeper {
  private static final Logger LOG = LoggerFactory.getLogger(RoundKeeper.class);
  private static final long LOOK_MILLIS = 1000;
  private static final Duration READ_AGAIN = Duration.ofMinutes(1);

  private final Coordination coordination;
  private final LedgerMirror mirror;
  private final TradeRelay links;
  private final Clock clock;
  private final Duration grace;
  /** local | round -> when the coordinator's ledger was last read for it. */
  private final Map<String, Instant> read = new ConcurrentHashMap<>();
  private long timer = -1;

  public RoundKeeper(ClearingRelay relay, LedgerMirror mirror, TradeRelay links, Clock clock, Duration grace) {
    this.coordination = relay.coordination();
    this.mirror = mirror;
    this.links = links;
    this.clock = clock;
    this.grace = grace;
  }

  public void start(Vertx vertx, Hosts hosts) {
    if (timer < 0) {
      timer = vertx.setPeriodic(LOOK_MILLIS, id -> vertx.executeBlocking(() -> {
        for (HostedCollective h : hosts.all()) {
          for (ClearingRound r : coordination.tick(h.collective(), clock.instant(), grace)) {
            readCoordinator(vertx, h, r);
          }
        }
        return null;
      }, true));
    }
  }

  private void readCoordinator(Vertx vertx, HostedCollective h, ClearingRound r) {
    String key = h.id() + "|" + r.id();
    Instant now = clock.instant();
    Instant last = read.get(key);
    if (last != null && now.isBefore(last.plus(READ_AGAIN))) {
      return;
    }
    read.put(key, now);
    links.actorOf(h.collectiveId(), r.id().coordinator()).ifPresent(actor -> mirror.pull(actor, h)
        .onSuccess(copy -> vertx.executeBlocking(() -> {
          coordination.resolve(h.collective(), r, copy);
          return null;
        }, true))
        .onFailure(e -> LOG.info("Round {} of {}: the coordinator's ledger cannot be read now ({}); the round stays"
            + " provisional, nothing moved", r.id(), h.id(), e.getMessage())));
  }

  public void stop(Vertx vertx) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
