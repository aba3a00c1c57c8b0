package coop.lattice.federation.node;

import coop.lattice.CollectiveId;
import coop.lattice.collective.ClearingRound;
import coop.lattice.collective.Collective;
import coop.lattice.collective.TradeRecord;
import coop.lattice.exchange.RoundId;
import coop.lattice.exchange.TradeId;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Hosts;
import coop.lattice.federation.mirror.Flags;
import coop.lattice.federation.mirror.LedgerMirror;
import coop.lattice.ledger.ClearingEvents;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.SignedCheckpoint;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * What an application can wait for instead of polling ({@link FederationNode#awaits}): a trade
 * reaching a stage on a hosted collective's ledger (the partner accepted, fulfilled or
 * acknowledged it), a clearing round decided there (completed, settled or lapsed), a partner's
 * copy verified up to a size, a partner flagged. Each is a future
 * that completes at once if it happened already, else on the thread that made it happen (keep
 * what runs there short). A future nothing completes stays pending: give it a timeout of your own.
 * The same, each time they happen, are told to listeners ({@link #onTrade}, {@link #onRound},
 * {@link #onMirrored}, {@link #onFlagged}), on the thread that made them happen.
 */
public final class Awaits {
  /**
   * Told of each step of a trade on a hosted collective's ledger: the stage the step brought it to,
   * and its record as it stands when told (which later steps may have moved on already).
   */
  public interface TradeListener {
    void stepped(CollectiveId local, TradeRecord.Stage stage, TradeRecord trade);
  }

  /** Told of each step of a clearing round on a hosted collective's ledger, with the round as it stands then. */
  public interface RoundListener {
    void stepped(CollectiveId local, ClearingRound round);
  }

  private record RoundWait(CollectiveId local, RoundId round, Promise<ClearingRound> done) {}

  private record TradeWait(CollectiveId local, TradeId trade, TradeRecord.Stage stage, Promise<TradeRecord> done) {}

  private record MirrorWait(String actor, long size, Promise<SignedCheckpoint> done) {}

  private record FlagWait(String actor, Promise<String> done) {}

  private final Hosts hosts;
  private final LedgerMirror mirror;
  private final Flags flags;
  private final Set<TradeWait> trades = ConcurrentHashMap.newKeySet();
  private final Set<MirrorWait> mirrors = ConcurrentHashMap.newKeySet();
  private final Set<FlagWait> flagWaits = ConcurrentHashMap.newKeySet();
  private final Set<RoundWait> roundWaits = ConcurrentHashMap.newKeySet();
  private final List<TradeListener> tradeListeners = new CopyOnWriteArrayList<>();
  private final List<RoundListener> roundListeners = new CopyOnWriteArrayList<>();
  private final List<BiConsumer<String, SignedCheckpoint>> mirrorListeners = new CopyOnWriteArrayList<>();
  private final List<BiConsumer<String, String>> flagListeners = new CopyOnWriteArrayList<>();

  Awaits(Hosts hosts, LedgerMirror mirror, Flags flags) {
    this.hosts = hosts;
    this.mirror = mirror;
    this.flags = flags;
    // Listeners first, then the futures: whoever waits on a future finds the listeners told.
    mirror.onVerified((actor, as, cp) -> {
      mirrorListeners.forEach(l -> l.accept(actor, cp));
      mirrors.forEach(w -> mirrored(w, actor, cp));
    });
    flags.onFlag((actor, why) -> {
      flagListeners.forEach(l -> l.accept(actor, why));
      flagWaits.forEach(w -> flagged(w, actor, why));
    });
  }

  /** Calls {@code listener} with each step of each trade on a hosted collective's ledger, as it is appended. */
  public void onTrade(TradeListener listener) {
    tradeListeners.add(listener);
  }

  /** Calls {@code listener} with each step of each clearing round on a hosted collective's ledger, as it is appended. */
  public void onRound(RoundListener listener) {
    roundListeners.add(listener);
  }

  /**
   * Completes with {@code local}'s record of {@code round} once the round is decided on {@code
   * local}'s ledger: completed (the coordinator), settled (a participant), lapsed or declined; look
   * at its stage to tell which.
   */
  public Future<ClearingRound> round(CollectiveId local, RoundId round) {
    HostedCollective h = hosts.get(local);
    RoundWait w = new RoundWait(local, round, Promise.promise());
    roundWaits.add(w);
    decided(h.collective(), w);
    return w.done().future();
  }

  /** Calls {@code listener} with (partner actor, checkpoint) each time a pull verifies a partner's copy. */
  public void onMirrored(BiConsumer<String, SignedCheckpoint> listener) {
    mirrorListeners.add(listener);
  }

  /** Calls {@code listener} with (actor, why) each time this node flags a partner. */
  public void onFlagged(BiConsumer<String, String> listener) {
    flagListeners.add(listener);
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

  /** {@code h}'s ledger took {@code e}: the trades waited for there are looked at again, and a trade's step told. */
  void entered(HostedCollective h, Entry e) {
    if (e.event() instanceof Event.ClearingRounds r) {
      rounds(h, ClearingEvents.round(h.collectiveId(), e.sequence(), r));
      return;
    }
    tell(h, e); // before the futures: whoever waits on one is told of the step before it goes on
    for (TradeWait w : trades) {
      if (w.local().equals(h.collectiveId())) {
        check(h.collective(), w);
      }
    }
  }

  private void rounds(HostedCollective h, RoundId id) {
    if (!roundListeners.isEmpty()) {
      h.collective().clearing().round(id).ifPresent(r -> roundListeners.forEach(l -> l.stepped(h.collectiveId(), r)));
    }
    for (RoundWait w : roundWaits) {
      if (w.local().equals(h.collectiveId()) && w.round().equals(id)) {
        decided(h.collective(), w);
      }
    }
  }

  private void decided(Collective c, RoundWait w) {
    c.clearing().round(w.round()).filter(r -> r.stage().decided()).ifPresent(r -> {
      if (roundWaits.remove(w)) {
        w.done().complete(r);
      }
    });
  }

  private void tell(HostedCollective h, Entry e) {
    Event ev = e.event();
    if (tradeListeners.isEmpty()) {
      return;
    }
    if (ev instanceof Event.TradeOffered) {
      told(h, e.sequence(), TradeRecord.Stage.OFFERED);
    } else if (ev instanceof Event.TradeAccepted a) {
      told(h, a.offer(), TradeRecord.Stage.ACCEPTED);
    } else if (ev instanceof Event.TradeFulfilled f) {
      told(h, f.offer(), TradeRecord.Stage.FULFILLED);
    } else if (ev instanceof Event.TradeAcknowledged a) {
      told(h, a.offer(), TradeRecord.Stage.ACKNOWLEDGED);
    }
  }

  private void told(HostedCollective h, long offer, TradeRecord.Stage stage) {
    h.collective().trade().trade(offer).ifPresent(r -> tradeListeners.forEach(l -> l.stepped(h.collectiveId(), stage,
        r)));
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
