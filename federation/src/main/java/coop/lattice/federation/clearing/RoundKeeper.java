package coop.lattice.federation.clearing;

import coop.lattice.federation.hosting.Hosts;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/**
 * Keeps time for the clearing rounds of every hosted collective: once a second (off the event
 * loops, one look at a time) each round is looked at by the node's clock, so that a round past its
 * closing time lapses and a coordinator restarted mid-round carries on from what it heard ({@link
 * Coordination#tick}). A participant waits {@code grace} after the closing time for the
 * coordinator's word before it lets a round lapse on its own.
 */
public final class RoundKeeper {
  private static final long LOOK_MILLIS = 1000;

  private final Coordination coordination;
  private final Clock clock;
  private final Duration grace;
  private long timer = -1;

  public RoundKeeper(ClearingRelay relay, Clock clock, Duration grace) {
    this.coordination = relay.coordination();
    this.clock = clock;
    this.grace = grace;
  }

  public void start(Vertx vertx, Hosts hosts) {
    if (timer < 0) {
      timer = vertx.setPeriodic(LOOK_MILLIS, id -> vertx.executeBlocking(() -> {
        hosts.all().forEach(h -> coordination.tick(h.collective(), clock.instant(), grace));
        return null;
      }, true));
    }
  }

  public void stop(Vertx vertx) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
