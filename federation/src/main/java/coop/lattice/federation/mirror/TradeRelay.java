package coop.lattice.federation.mirror;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.collective.Collective;
import coop.lattice.collective.TradeRecord;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.LedgerJson;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries trade between collectives over federation. A partner's ledger entry arrives as a
 * signed {@code Create} from the partner's actor; when it is a step of one of this collective's
 * own trades and is addressed to this collective's actor by name ({@link TradeCounterparts} on the
 * partner's node does that), the same step is submitted here as a command with the sides swapped
 * (the partner's {@code US} is this collective's {@code PARTNER}), by the member the collective
 * chose to relay partner steps, exactly as if an app had called {@link
 * coop.lattice.collective.Trade}. The partner's offer is recorded with the trade's identity, the
 * partner and its offer entry ({@link TradeId}), so both ledgers name the trade the same way; the
 * partner's copy of an offer this collective made is recognised by that identity, and its entry
 * number mapped to this ledger's, so later steps find their trade; the partner's copies of later
 * steps this collective took itself are recognised and recorded nowhere. The collective's own
 * rules still apply: a step that breaks a credit line is refused and nothing is recorded.
 *
 * <p>{@link #decide} sorts what arrives: a step addressed to this collective is relayed only if
 * its trade is this collective's (an offer that names it, or a later step of a trade whose offer
 * reached it); one addressed to it that names a trade it does not know is refused, saying so (as
 * {@link EarlyStep} when it is a later step: its offer may still be on its way). An
 * entry not addressed to it (a step of a trade between the partner and a third collective, which
 * every follower receives) is an ordinary public entry: not a command, and no refusal.
 *
 * <p>Each of the partner's entries is relayed at most once, for good: it is known by its own
 * identity (the partner and the entry's sequence number), not by the id of the activity that
 * carried it, which the inbox forgets after the replay window. A step sent again, however late,
 * changes nothing, even when a crash (a {@code kill -9}) came between recording the step on the
 * ledger and noting that it was relayed: the ledger already holds the offer's identity, or the
 * trade is already at the step's stage.
 */
public final class TradeRelay implements PartnerSteps {
  /** A partner linked to a local collective. */
  public record Link(CollectiveId local, CollectiveId partner, String partnerActor, MemberId relay) {}

  /** What a linked partner's ledger entry is to this collective. */
  public enum Decision {
    /** An ordinary public ledger entry, not a command for this collective: kept as data. */
    PUBLIC_ENTRY,
    /** A step of this collective's own trade, relayed before: nothing is done again. */
    ALREADY_RELAYED,
    /** A step of this collective's own trade, addressed to it: {@link #relay} it. */
    RELAY
  }

  private final PartnerLog log;
  private final Map<String, Link> byActor = new ConcurrentHashMap<>();
  /** local collective / partner collective -> the latest link. */
  private final Map<String, Link> byPartner = new ConcurrentHashMap<>();
  /** local collective / partner / partner's entry -> this ledger's entry for the same step. */
  private final Map<String, Long> refs = new ConcurrentHashMap<>();

  public TradeRelay(NodeStore store) {
    this.log = new PartnerLog(store);
    log.replay(this::remember, refs::put);
  }

  public void link(Link l) {
    log.linked(l);
    remember(l);
  }

  private void remember(Link l) {
    byActor.put(l.partnerActor() + "\t" + l.local(), l);
    byPartner.put(l.local() + "/" + l.partner(), l);
  }

  public Optional<Link> link(String actor, CollectiveId local) {
    return Optional.ofNullable(byActor.get(actor + "\t" + local));
  }

  /** The partners linked to {@code local}, by partner: the latest link of each. */
  public List<Link> links(CollectiveId local) {
    return byPartner.values().stream().filter(l -> l.local().equals(local))
        .sorted(Comparator.comparing(l -> l.partner().value())).toList();
  }

  /** The actor {@code local} last linked to its partner {@code partner}, if it linked one. */
  public Optional<String> actorOf(CollectiveId local, CollectiveId partner) {
    return Optional.ofNullable(byPartner.get(local + "/" + partner)).map(Link::partnerActor);
  }

  private static String key(Link link) {
    return link.local() + "/" + link.partner() + "/";
  }

  /**
   * What the partner's entry in {@code entryJson}, carried by an activity that is ({@code
   * addressed}) or is not addressed to {@code local}'s actor by name, is to {@code local}. Throws,
   * saying why, when it is addressed to {@code local} but is not a step of one of its trades, or
   * does not read as the partner's entry; nothing is recorded then.
   */
  @Override
  public Decision decide(Link link, Collective local, String entryJson, boolean addressed) {
    if (!addressed) {
      return Decision.PUBLIC_ENTRY; // not even read: whatever it holds, it is no command here
    }
    Entry e = decode(entryJson);
    if (!TradeStep.isStep(e.event())) {
      return Decision.PUBLIC_ENTRY;
    }
    if (refs.containsKey(key(link) + e.sequence())) {
      return Decision.ALREADY_RELAYED;
    }
    ownTrade(link, local, e);
    return Decision.RELAY;
  }

  /**
   * Submits the trade step in {@code entryJson} (the partner's canonical entry, addressed to {@code
   * local}) to {@code local}. Returns false when the entry is not a trade step, and true when it
   * was recorded, recognised as this collective's own step, or relayed before (doing nothing);
   * throws, recording nothing, when it is not a step of {@code local}'s trades or the collective
   * refuses it.
   */
  @Override
  public synchronized boolean relay(Link link, Collective local, String entryJson) {
    Entry e = decode(entryJson);
    if (!TradeStep.isStep(e.event())) {
      return false;
    }
    String key = key(link) + e.sequence();
    if (refs.containsKey(key)) {
      return true; // relayed before: a step counts once
    }
    long ours = ownTrade(link, local, e);
    if (e.event() instanceof Event.TradeOffered o) {
      TradeId id = TradeId.of(link.partner(), e.sequence());
      Optional<TradeRecord> recorded = ours >= 0 ? Optional.empty() : local.trade().trade(id);
      remember(key, ours >= 0 ? ours // the partner's copy of an offer this collective made: learn its number
          : recorded.isPresent() ? recorded.get().entry() // recorded before a crash lost the note of it
          : local.trade().relayOffer(link.relay(), id, o.gives().other(), o.quantity(), o.what(), o.expires()));
      return true;
    }
    TradeStep step = TradeStep.of(e.event()).orElseThrow();
    if (step.by() == Side.PARTNER) {
      return true; // the partner's copy of a step this collective took: already on this ledger
    }
    if (local.trade().trade(ours).filter(t -> t.stage().compareTo(stageOf(e.event())) >= 0).isPresent()) {
      remember(key, ours); // recorded before a crash lost the note of it: the step counts once
      return true;
    }
    Entry recorded;
    if (e.event() instanceof Event.TradeAccepted) {
      recorded = local.trade().accept(link.relay(), ours, Side.PARTNER);
    } else if (e.event() instanceof Event.TradeFulfilled) {
      recorded = local.trade().fulfil(link.relay(), ours, Side.PARTNER);
    } else {
      recorded = local.trade().acknowledge(link.relay(), ours, Side.PARTNER);
    }
    remember(key, recorded.sequence());
    return true;
  }

  /**
   * Checks that {@code e}, a trade step from the partner, belongs to one of {@code local}'s trades
   * with that partner; returns the trade's offer entry on this ledger, or -1 for a new offer the
   * partner makes.
   */
  private long ownTrade(Link link, Collective local, Entry e) {
    if (!e.collective().equals(link.partner())) {
      throw new NotPermittedException("the entry is from " + e.collective() + ", not from the partner "
          + link.partner() + " that sent it");
    }
    if (e.event() instanceof Event.TradeOffered o) {
      if (!o.partner().equals(link.local())) {
        throw new NotPermittedException("the offer at entry " + e.sequence() + " of " + link.partner()
            + "'s ledger is made to " + o.partner() + ", not to " + link.local());
      }
      return o.offeredBy() == Side.PARTNER ? copiedOffer(link, local, o) : -1;
    }
    long offer = TradeStep.of(e.event()).orElseThrow().offer();
    Long ours = refs.get(key(link) + offer);
    if (ours == null) {
      throw new EarlyStep("the step at entry " + e.sequence() + " of " + link.partner()
          + "'s ledger names its trade offered at its entry " + offer + ", which is no trade of " + link.local()
          + ": that offer has not reached it (yet); send the step again once the offer is delivered");
    }
    return ours;
  }

  /** The offer this collective made that the partner's copy {@code o} names by its identity. */
  private static long copiedOffer(Link link, Collective local, Event.TradeOffered o) {
    TradeId id = o.trade();
    if (id == null) {
      throw new UnknownReferenceException(link.partner() + "'s copy of an offer " + link.local()
          + " made does not say which offer it copies (no trade identity): its node is older than trade identities");
    }
    return local.trade().trade(id)
        .filter(t -> t.offeredBy() == Side.US && t.partner().equals(link.partner()) && id.collective().equals(link.local()))
        .map(TradeRecord::entry)
        .orElseThrow(() -> new UnknownReferenceException(link.partner() + " copied the offer " + id + ", which "
            + link.local() + " never made to it"));
  }

  private static TradeRecord.Stage stageOf(Event step) {
    return step instanceof Event.TradeAccepted ? TradeRecord.Stage.ACCEPTED
        : step instanceof Event.TradeFulfilled ? TradeRecord.Stage.FULFILLED : TradeRecord.Stage.ACKNOWLEDGED;
  }

  private static Entry decode(String entryJson) {
    return LedgerJson.decode(entryJson.getBytes(StandardCharsets.UTF_8), Entry.class);
  }

  private void remember(String key, long ref) {
    log.referenced(key, ref);
    refs.put(key, ref);
  }
}
