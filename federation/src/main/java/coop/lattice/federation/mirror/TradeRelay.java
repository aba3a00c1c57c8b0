package coop.lattice.federation.mirror;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.MissingStepException;
import coop.lattice.NotPermittedException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.collective.Collective;
import coop.lattice.collective.TradeRecord;
import coop.lattice.exchange.Side;
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
 * signed {@code Create} from the partner's actor; when it is a trade step that names this
 * collective, the same step is submitted here as a command with the sides swapped (the
 * partner's {@code US} is this collective's {@code PARTNER}), by the member the collective chose
 * to relay partner steps, exactly as if an app had called {@link coop.lattice.collective.Trade}.
 * The partner's entry numbers are mapped to this ledger's, so later steps find their trade; the
 * partner's copies of steps this collective took itself are recognised and recorded nowhere. The
 * collective's own rules still apply: a step that breaks a credit line is refused and nothing is
 * recorded.
 *
 * <p>Each of the partner's entries is relayed at most once, for good: it is known by its own
 * identity (the partner and the entry's sequence number), not by the id of the activity that
 * carried it, which the inbox forgets after the replay window. A step sent again, however late,
 * changes nothing ({@link #alreadyRelayed}).
 */
public final class TradeRelay {
  /** A partner linked to a local collective. */
  public record Link(CollectiveId local, CollectiveId partner, String partnerActor, MemberId relay) {}

  private final PartnerLog log;
  private final Map<String, Link> byActor = new ConcurrentHashMap<>();
  /** local collective / partner / partner's entry -> this ledger's entry for the same step. */
  private final Map<String, Long> refs = new ConcurrentHashMap<>();

  public TradeRelay(NodeStore store) {
    this.log = new PartnerLog(store);
    log.replay(l -> byActor.put(l.partnerActor() + "\t" + l.local(), l), refs::put);
  }

  public void link(Link l) {
    log.linked(l);
    byActor.put(l.partnerActor() + "\t" + l.local(), l);
  }

  public Optional<Link> link(String actor, CollectiveId local) {
    return Optional.ofNullable(byActor.get(actor + "\t" + local));
  }

  /** The partners linked to {@code local}, by partner. */
  public List<Link> links(CollectiveId local) {
    return byActor.values().stream().filter(l -> l.local().equals(local))
        .sorted(Comparator.comparing(l -> l.partner().value())).toList();
  }

  /**
   * Whether the partner's entry in {@code entryJson} was relayed here before (false too when it
   * does not read as an entry: {@link #relay} says why).
   */
  public boolean alreadyRelayed(Link link, String entryJson) {
    try {
      Entry e = LedgerJson.decode(entryJson.getBytes(StandardCharsets.UTF_8), Entry.class);
      return refs.containsKey(key(link) + e.sequence());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String key(Link link) {
    return link.local() + "/" + link.partner() + "/";
  }

  /**
   * Submits the trade step in {@code entryJson} (the partner's canonical entry) to {@code local}.
   * Returns false when the entry is not a trade step for this collective, and true, doing
   * nothing, when it was relayed before; throws when the collective refuses it.
   */
  public synchronized boolean relay(Link link, Collective local, String entryJson) {
    Entry e = LedgerJson.decode(entryJson.getBytes(StandardCharsets.UTF_8), Entry.class);
    if (!e.collective().equals(link.partner())) {
      throw new NotPermittedException("the entry is from " + e.collective() + ", not from the partner "
          + link.partner() + " that sent it");
    }
    Event ev = e.event();
    String key = key(link);
    if (refs.containsKey(key + e.sequence())) {
      return true; // relayed before: a step counts once
    }
    if (ev instanceof Event.TradeOffered o) {
      if (!o.partner().equals(link.local())) {
        return false;
      }
      if (o.offeredBy() == Side.PARTNER) {
        // The partner's copy of an offer this collective made: learn its number, record nothing.
        long ours = local.state().exchanges().trades().values().stream()
            .filter(t -> t.partner().equals(link.partner()) && t.offeredBy() == Side.US && t.gives() == o.gives().other()
                && t.quantity().equals(o.quantity()) && t.what().equals(o.what()) && t.expires().equals(o.expires())
                && !refs.containsValue(t.entry()))
            .mapToLong(TradeRecord::entry).min().orElseThrow(() -> new UnknownReferenceException(
                "the partner copied an offer this collective never made"));
        remember(key + e.sequence(), ours);
        return true;
      }
      long ref = local.trade().offer(link.relay(), link.partner(), Side.PARTNER, o.gives().other(), o.quantity(),
          o.what(), o.expires());
      remember(key + e.sequence(), ref);
      return true;
    }
    Side by;
    long offer;
    if (ev instanceof Event.TradeAccepted a) {
      by = a.by();
      offer = a.offer();
    } else if (ev instanceof Event.TradeFulfilled f) {
      by = f.by();
      offer = f.offer();
    } else if (ev instanceof Event.TradeAcknowledged k) {
      by = k.by();
      offer = k.offer();
    } else {
      return false;
    }
    if (by == Side.PARTNER) {
      return true; // the partner's copy of a step this collective took: already on this ledger
    }
    long ref = ref(key, offer);
    Entry ours;
    if (ev instanceof Event.TradeAccepted) {
      ours = local.trade().accept(link.relay(), ref, Side.PARTNER);
    } else if (ev instanceof Event.TradeFulfilled) {
      ours = local.trade().fulfil(link.relay(), ref, Side.PARTNER);
    } else {
      ours = local.trade().acknowledge(link.relay(), ref, Side.PARTNER);
    }
    remember(key + e.sequence(), ours.sequence());
    return true;
  }

  private long ref(String key, long partnerRef) {
    Long r = refs.get(key + partnerRef);
    if (r == null) {
      throw new MissingStepException("no trade here matches the partner's entry " + partnerRef
          + "; its offer never arrived");
    }
    return r;
  }

  private void remember(String key, long ref) {
    log.referenced(key, ref);
    refs.put(key, ref);
  }
}
