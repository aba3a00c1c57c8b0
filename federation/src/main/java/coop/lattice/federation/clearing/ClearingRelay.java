package coop.lattice.federation.clearing;

import coop.lattice.CollectiveId;
import coop.lattice.InvalidExchangeException;
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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes the steps of clearing rounds that linked partners send, on the local collective's ledger,
 * as a participant or as the coordinator. As a participant: a proposal is joined when the
 * collective's agreements let it ({@code clearing-rounds: join}), else declined, saying so; a
 * preparation is committed to (the collective's own checks run first: its statement unchanged,
 * the cycles what the statements give) when the collective has a leg; a leg counterpart's
 * commitment and the coordinator's completion are kept, and the round is settled as soon as both
 * the completion and every counterpart's commitment to the same preparation are in, in whatever
 * order they come ({@link Coordination#settleIfReady}); the coordinator's lapse, and only the
 * coordinator's, is followed. As
 * the coordinator, each answer is kept, and each commitment once it names this round's preparation
 * and exactly the legs the preparation gives its sender ({@link ClearingLog}); then the round is
 * moved on as far as what was heard allows ({@link Coordination}). Steps are taken by the member
 * the collective appointed to relay the partner's steps. Other entries (a settlement, a lapse sent
 * by anyone but the coordinator) are ordinary public entries.
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
    if (!command(local.id(), link.partner(), e.event())) {
      return Decision.PUBLIC_ENTRY;
    }
    if (!e.collective().equals(link.partner())) {
      throw new NotPermittedException("the entry is from " + e.collective() + ", not from the partner "
          + link.partner() + " that sent it");
    }
    return taken.contains(key(local.id(), e)) ? Decision.ALREADY_RELAYED : Decision.RELAY;
  }

  /**
   * Whether {@code event}, from {@code sender}, is a step {@code self} takes: an answer only if
   * {@code self} coordinates its round, a lapse only from the round's coordinator, never a
   * settlement (which it only sees).
   */
  private static boolean command(CollectiveId self, CollectiveId sender, Event event) {
    if (event instanceof ClearingEvents.RoundJoined j) {
      return j.round().coordinator().equals(self);
    } else if (event instanceof ClearingEvents.RoundDeclined d) {
      return d.round().coordinator().equals(self);
    } else if (event instanceof ClearingEvents.RoundLapsed l) {
      return l.round().coordinator().equals(sender) && !sender.equals(self);
    }
    return event instanceof Event.ClearingRounds && !(event instanceof ClearingEvents.RoundSettled);
  }

  @Override
  public synchronized boolean relay(Link link, Collective local, String entryJson) {
    Entry e = decode(entryJson);
    if (!command(local.id(), link.partner(), e.event())) {
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
      // Kept; settled here as soon as every counterpart of this collective's legs is heard to commit.
      heard(local, e, entryJson, key);
      coordination.settleIfReady(local, RoundId.of(link.partner(), c.proposal()));
      return true;
    } else if (ev instanceof ClearingEvents.RoundLapsed l) {
      if (local.clearing().round(l.round()).filter(r -> !r.stage().decided()).isPresent()) {
        local.clearing().follow(link.relay(), l.round(), l.silent(), "the coordinator let the round lapse: "
            + l.why(), e.sequence());
      }
    } else if (ev instanceof ClearingEvents.RoundCommitted c && !c.round().coordinator().equals(local.id())) {
      // A leg counterpart's commitment: kept, to be checked before this collective settles.
      if (local.clearing().round(c.round()).isEmpty()) {
        throw new NotPermittedException(link.partner() + " committed to round " + c.round() + ", which "
            + local.id() + " is not in");
      }
      heard(local, e, entryJson, key);
      coordination.settleIfReady(local, c.round());
      return true;
    } else {
      // An answer or a commitment to a round this collective coordinates: kept, then the round moves on.
      RoundId round = ClearingEvents.round(e.collective(), e.sequence(), (Event.ClearingRounds) ev);
      ClearingRound r = local.clearing().round(round).orElseThrow(() -> new NotPermittedException(
          link.partner() + " answered round " + round + ", which is not a round of " + local.id()));
      if (ev instanceof ClearingEvents.RoundCommitted c) {
        committedAsPrepared(local, r, e.collective(), c);
      }
      heard(local, e, entryJson, key);
      coordination.advance(local, round, link.relay());
      return true;
    }
    log.heard(key, entryJson);
    taken.add(key);
    return true;
  }

  private void heard(Collective local, Entry e, String json, String key) {
    log.heard(key, json);
    coordination.heard(local.id(), e, json);
    taken.add(key);
  }

  /** At the coordinator: {@code c}, from {@code from}, names this round's preparation and exactly its legs there. */
  private static void committedAsPrepared(Collective local, ClearingRound r, CollectiveId from,
      ClearingEvents.RoundCommitted c) {
    ClearingEvents.RoundPrepared p = r.prepared();
    if (p == null) {
      throw new InvalidExchangeException(from + " committed to round " + r.id() + " before it was prepared");
    }
    long at = local.clearing().preparedAt(r.id()).orElseThrow();
    if (!c.prepared().equals(local.ledger().leafHash(at))) {
      throw new InvalidExchangeException(from + "'s commitment to round " + r.id() + " names another preparation"
          + " than the one at entry " + at);
    }
    if (!c.legs().equals(p.legsFor(from))) {
      throw new InvalidExchangeException(from + "'s commitment to round " + r.id() + " holds other legs than the"
          + " preparation gives it");
    }
  }

  private static String key(CollectiveId local, Entry e) {
    return local + "|" + e.collective() + "|" + e.sequence();
  }

  static Entry decode(String entryJson) {
    return LedgerJson.decode(entryJson.getBytes(StandardCharsets.UTF_8), Entry.class);
  }
}
