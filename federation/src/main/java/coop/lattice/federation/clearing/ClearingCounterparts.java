package coop.lattice.federation.clearing;

import coop.lattice.CollectiveId;
import coop.lattice.exchange.Clearing;
import coop.lattice.exchange.RoundId;
import coop.lattice.federation.hosting.Addressees;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.mirror.TradeRelay;
import coop.lattice.ledger.ClearingEvents;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Addresses each step of a clearing round to the collectives that take it as a command: a
 * proposal to those invited; an answer (joined or declined) to the coordinator; the preparation
 * to those who joined; a commitment to the coordinator and to both sides of each of its legs (who
 * verify it, as the other side of their debt); the completion and the coordinator's lapse to every
 * collective invited; a participant's settlement or lapse to the coordinator. Actors are the ones
 * the collective linked its partners to ({@link TradeRelay#actorOf}); others followers receive the
 * same entries as ordinary public ones.
 */
public final class ClearingCounterparts implements Addressees {
  private final TradeRelay links;

  public ClearingCounterparts(TradeRelay links) {
    this.links = links;
  }

  @Override
  public List<String> of(HostedCollective h, Entry e) {
    if (!(e.event() instanceof Event.ClearingRounds)) {
      return List.of();
    }
    CollectiveId self = h.collectiveId();
    List<String> actors = new ArrayList<>();
    for (CollectiveId c : collectives(h, self, e)) {
      if (!c.equals(self)) {
        links.actorOf(self, c).ifPresent(actors::add);
      }
    }
    return actors;
  }

  private static Set<CollectiveId> collectives(HostedCollective h, CollectiveId self, Entry e) {
    Set<CollectiveId> out = new LinkedHashSet<>();
    Event ev = e.event();
    if (ev instanceof ClearingEvents.RoundProposed p) {
      out.addAll(p.invited());
    } else if (ev instanceof ClearingEvents.RoundJoined j) {
      out.add(j.round().coordinator());
    } else if (ev instanceof ClearingEvents.RoundDeclined d) {
      out.add(d.round().coordinator());
    } else if (ev instanceof ClearingEvents.RoundPrepared p) {
      p.statements().forEach(s -> out.add(s.collective()));
    } else if (ev instanceof ClearingEvents.RoundCommitted c) {
      out.add(c.round().coordinator());
      for (Clearing.Leg l : c.legs()) {
        out.add(l.debtor());
        out.add(l.creditor());
      }
    } else if (ev instanceof ClearingEvents.RoundCompleted c) {
      invited(h, RoundId.of(self, c.proposal())).ifPresent(out::addAll);
    } else if (ev instanceof ClearingEvents.RoundSettled s) {
      out.add(s.round().coordinator());
    } else if (ev instanceof ClearingEvents.RoundLapsed l) {
      if (l.round().coordinator().equals(self)) {
        invited(h, l.round()).ifPresent(out::addAll);
      } else {
        out.add(l.round().coordinator());
      }
    }
    return out;
  }

  /** Read from the proposal on the ledger, not from the collective's state: this runs on an event loop. */
  private static Optional<List<CollectiveId>> invited(HostedCollective h, RoundId round) {
    if (round.entry() >= h.collective().ledger().size()) {
      return Optional.empty();
    }
    return h.collective().ledger().entry(round.entry()).event() instanceof ClearingEvents.RoundProposed p
        ? Optional.of(p.invited()) : Optional.empty();
  }
}
