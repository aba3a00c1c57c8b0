package coop.lattice.federation.node;

import coop.lattice.CollectiveId;
import coop.lattice.collective.Collective;
import coop.lattice.collective.TradeRecord;
import coop.lattice.exchange.TradeId;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Hosts;
import coop.lattice.federation.mirror.Flags;
import coop.lattice.federation.mirror.LedgerMirror;
import coop.lattice.ledger.SignedCheckpoint;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an application can wait for instead of polling ({@link FederationNode#awaits}): a trade
 * reaching a stage on a hosted collective's ledger (the partner accepted, fulfilled or
 * acknowledged it), a partner's copy verified up to a size, a partner flagged. Each is a future
 * that completes at once if it happened already, else on the thread that made it happen (keep
 * what runs there short). A future nothing completes stays pending: give it a timeout of your own.
 */
public final class Awaits {
  private record TradeWait(CollectiveId local, TradeId trade, TradeRecord.Stage stage, Promise<TradeRecord> done) {}

  private record MirrorWait(String actor, long size, Promise<SignedCheckpoint> done) {}

  private record FlagWait(String actor, Promise<String> done) {}

  private final Hosts hosts;
  private final LedgerMirror mirror;
  private final Flags flags;
  private final Set<TradeWait> trades = ConcurrentHashMap.newKeySet();
  private final Set<MirrorWait> mirrors = ConcurrentHashMap.newKeySet();
  private final Set<FlagWait> flagWaits = ConcurrentHashMap.newKeySet();

  Awaits(Hosts hosts, LedgerMirror mirror, Flags flags) {
    this.hosts = hosts;
    this.mirror = mirror;
    this.flags = flags;
    mirror.onVerified((actor, as, cp) -> mirrors.forEach(w -> mirrored(w, actor, cp)));
    flags.onFlag((actor, why) -> flagWaits.forEach(w -> flagged(w, actor, why)));
  }

  /**
   * Completes with {@code local}'s record of {@code trade} once it has reached {@code stage} (or a
   * later one) on {@code local}'s ledger: {@code ACKNOWLEDGED} on the giving side is "the partner
   * acknowledged what we gave".
   */
  public Future<TradeRecord> trade(CollectiveId local, TradeId trade, TradeRecord.Stage stage) {
    HostedCollective h = hosts.get(local);
    TradeWait w = new TradeWait(local, trade, stage, Promise.promise());
    trades.add(w);
    check(h.collective(), w); // it may be there already; an entry from now on checks again
    return w.done().future();
  }

  /** Completes with the checkpoint once this node's copy of {@code partnerActor}'s ledger is verified against one of at least {@code size} entries. */
  public Future<SignedCheckpoint> mirrored(String partnerActor, long size) {
    MirrorWait w = new MirrorWait(partnerActor, size, Promise.promise());
    mirrors.add(w);
    mirror.verified(partnerActor).ifPresent(cp -> mirrored(w, partnerActor, cp));
    return w.done().future();
  }

  /** Completes with why once {@code actor} is flagged (at once if it is flagged now). */
  public Future<String> flagged(String actor) {
    FlagWait w = new FlagWait(actor, Promise.promise());
    flagWaits.add(w);
    flags.why(actor).ifPresent(why -> flagged(w, actor, why));
    return w.done().future();
  }

  /** {@code h}'s ledger took an entry: the trades waited for there are looked at again. */
  void entered(HostedCollective h) {
    for (TradeWait w : trades) {
      if (w.local().equals(h.collectiveId())) {
        check(h.collective(), w);
      }
    }
  }

  private void check(Collective c, TradeWait w) {
    c.trade().trade(w.trade()).filter(r -> r.stage().compareTo(w.stage()) >= 0)
        .ifPresent(r -> {
          if (trades.remove(w)) {
            w.done().complete(r);
          }
        });
  }

  private void mirrored(MirrorWait w, String actor, SignedCheckpoint cp) {
    if (w.actor().equals(actor) && cp.checkpoint().size() >= w.size() && mirrors.remove(w)) {
      w.done().complete(cp);
    }
  }

  private void flagged(FlagWait w, String actor, String why) {
    if (w.actor().equals(actor) && flagWaits.remove(w)) {
      w.done().complete(why);
    }
  }
}
