package coop.lattice.federation.clearing;

import coop.lattice.CollectiveId;
import coop.lattice.NotPermittedException;
import coop.lattice.collective.ClearingRound;
import coop.lattice.collective.Collective;
import coop.lattice.exchange.RoundId;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.federation.mirror.PartnerSteps;
import coop.lattice.federation.mirror.TradeRelay;
import coop.lattice.federation.mirror.TradeRelay.Decision;
import coop.lattice.federation.mirror.TradeRelay.Link;
import coop.lattice.ledger.ClearingEvents;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.merkle.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes the steps of clearing rounds that linked partners send, on the local collective's ledger,
 * as a participant or as the coordinator. As a participant: a proposal is joined when the
 * collective's agreements let it ({@code clearing-rounds: join}), else declined, saying so; a
 * preparation is committed to (the collective's own checks run first: its statement unchanged,
 * the cycles what the statements give) when the collective has a leg; a completion is settled; a
 * coordinator's lapse is followed. As the coordinator, each answer and commitment is kept
 * ({@link ClearingLog}) and the round moved on as far as what was heard allows ({@link
 * Coordination}). Steps are taken by the member the collective appointed to relay the partner's
 * steps. Entries that are no command here (a commitment seen as the other side of a debt, a
 * participant's settlement) are ordinary public entries.
 *
 * <p>Each partner entry is taken once, for good: it is known by the partner and its sequence
 * number, kept in the log, so a step sent again, however late, changes nothing.
 */
public final class ClearingRelay implements PartnerSteps {
  private final ClearingLog log;
  private final Coordination coordination;
  /** local | partner | entry: the partner entries taken. */
  private final Set<String> taken = ConcurrentHashMap.newKeySet();

  public ClearingRelay(NodeStore store, TradeRelay links) {
    this.log = new ClearingLog(store);
    this.coordination = new Coordination(links);
    log.replay((key, json) -> {
      taken.add(key);
      coordination.heard(CollectiveId.of(key.substring(0, key.indexOf('|'))), decode(json), json);
    });
  }

  /** What moves rounds on when nothing arrives: the closing times ({@link RoundKeeper}). */
  Coordination coordination() {
    return coordination;
  }

  @Override
  public Decision decide(Link link, Collective local, String entryJson, boolean addressed) {
    if (!addressed) {
      return Decision.PUBLIC_ENTRY;
    }
    Entry e = decode(entryJson);
    if (!command(local.id(), e.event())) {
      return Decision.PUBLIC_ENTRY;
    }
    if (!e.collective().equals(link.partner())) {
      throw new NotPermittedException("the entry is from " + e.collective() + ", not from the partner "
          + link.partner() + " that sent it");
    }
    return taken.contains(key(local.id(), e)) ? Decision.ALREADY_RELAYED : Decision.RELAY;
  }

  /** Whether {@code event}, from a partner, is a step {@code self} takes: not a commitment or settlement it only sees. */
  private static boolean command(CollectiveId self, Event event) {
    if (event instanceof ClearingEvents.RoundCommitted c) {
      return c.round().coordinator().equals(self);
    }
    return event instanceof Event.ClearingRounds && !(event instanceof ClearingEvents.RoundSettled);
  }

  @Override
  public synchronized boolean relay(Link link, Collective local, String entryJson) {
    Entry e = decode(entryJson);
    if (!command(local.id(), e.event())) {
      return false;
    }
    String key = key(local.id(), e);
    if (taken.contains(key)) {
      return true;
    }
    Event ev = e.event();
    if (ev instanceof ClearingEvents.RoundProposed p) {
      RoundId round = RoundId.of(link.partner(), e.sequence());
      if (local.clearing().round(round).isPresent()) {
        // answered already (its record of hearing it was lost in a crash): nothing again
      } else if (local.clearing().joinsRounds()) {
        local.clearing().join(link.relay(), round, p.invited(), p.closes());
      } else {
        local.clearing().decline(link.relay(), round, "the agreements of " + local.id()
            + " do not let it join clearing rounds (clearing-rounds is not join)");
      }
    } else if (ev instanceof ClearingEvents.RoundPrepared p) {
      RoundId round = RoundId.of(link.partner(), p.proposal());
      if (local.clearing().round(round).filter(r -> r.stage() == ClearingRound.Stage.JOINED).isPresent()) {
        local.clearing().commit(link.relay(), round, MerkleTree.leafHash(LedgerJson.canonicalBytes(e)), p);
      }
    } else if (ev instanceof ClearingEvents.RoundCompleted c) {
      RoundId round = RoundId.of(link.partner(), c.proposal());
      if (local.clearing().round(round).filter(r -> !r.stage().decided()).isPresent()) {
        local.clearing().settle(link.relay(), round, e.sequence());
      }
    } else if (ev instanceof ClearingEvents.RoundLapsed l) {
      if (local.clearing().round(l.round()).filter(r -> !r.stage().decided()).isPresent()) {
        local.clearing().follow(link.relay(), l.round(), l.silent(), "the coordinator let the round lapse: "
            + l.why(), e.sequence());
      }
    } else {
      // An answer or a commitment to a round this collective coordinates: kept, then the round moves on.
      RoundId round = round(ev);
      ClearingRound r = local.clearing().round(round).orElseThrow(() -> new NotPermittedException(
          link.partner() + " answered round " + round + ", which is not a round of " + local.id()));
      if (!r.coordinates(local.id())) {
        throw new NotPermittedException("round " + round + " is coordinated by " + round.coordinator()
            + ", not by " + local.id());
      }
      log.heard(key, entryJson);
      coordination.heard(local.id(), e, entryJson);
      taken.add(key);
      coordination.advance(local, round, link.relay());
      return true;
    }
    log.heard(key, entryJson);
    taken.add(key);
    return true;
  }

  private static RoundId round(Event ev) {
    if (ev instanceof ClearingEvents.RoundJoined j) {
      return j.round();
    } else if (ev instanceof ClearingEvents.RoundDeclined d) {
      return d.round();
    }
    return ((ClearingEvents.RoundCommitted) ev).round();
  }

  private static String key(CollectiveId local, Entry e) {
    return local + "|" + e.collective() + "|" + e.sequence();
  }

  static Entry decode(String entryJson) {
    return LedgerJson.decode(entryJson.getBytes(StandardCharsets.UTF_8), Entry.class);
  }
}
