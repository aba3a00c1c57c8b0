package coop.lattice.federation.mirror;

import coop.lattice.CollectiveId;
import coop.lattice.federation.hosting.Addressees;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import java.util.List;
import java.util.Optional;

/**
 * Addresses each step of a trade (offer, accept, fulfil, acknowledge) to the actor of the trade's
 * counterpart, as the collective linked it ({@link TradeRelay#link(TradeRelay.Link)}): the
 * partner an offer names, or the partner of the trade a later step names. That actor alone takes
 * the step as a command; the collective's other followers, partners or not, receive the same entry
 * as an ordinary public one. Entries that are not trade steps, and steps with a partner not linked
 * on this node, are addressed to nobody by name.
 */
public final class TradeCounterparts implements Addressees {
  private final TradeRelay links;

  public TradeCounterparts(TradeRelay links) {
    this.links = links;
  }

  @Override
  public List<String> of(HostedCollective h, Entry e) {
    return partner(h, e.event()).flatMap(p -> links.actorOf(h.collectiveId(), p)).map(List::of).orElse(List.of());
  }

  /**
   * The partner of the trade {@code event} is a step of. A later step's partner is read from its
   * offer entry on the ledger, not from the collective's state: this runs on an event loop, and
   * reading an entry waits for no command.
   */
  private static Optional<CollectiveId> partner(HostedCollective h, Event event) {
    if (event instanceof Event.TradeOffered o) {
      return Optional.of(o.partner());
    }
    Optional<TradeStep> step = TradeStep.of(event);
    if (step.isEmpty() || step.get().offer() >= h.collective().ledger().size()) {
      return Optional.empty();
    }
    return h.collective().ledger().entry(step.get().offer()).event() instanceof Event.TradeOffered o
        ? Optional.of(o.partner()) : Optional.empty();
  }
}
