package coop.lattice.federation.mirror;

import coop.lattice.exchange.Side;
import coop.lattice.ledger.Event;
import java.util.Optional;

/**
 * A later step of a trade (accepted, fulfilled, acknowledged) read as one value: the offer entry
 * it names on its own ledger and the side that took it. Read the same way where a step goes out
 * ({@link TradeCounterparts}) and where it comes in ({@link TradeRelay}).
 */
record TradeStep(long offer, Side by) {
  /** {@code e} as a later trade step; empty for any other event (an offer included). */
  static Optional<TradeStep> of(Event e) {
    if (e instanceof Event.TradeAccepted a) {
      return Optional.of(new TradeStep(a.offer(), a.by()));
    } else if (e instanceof Event.TradeFulfilled f) {
      return Optional.of(new TradeStep(f.offer(), f.by()));
    } else if (e instanceof Event.TradeAcknowledged k) {
      return Optional.of(new TradeStep(k.offer(), k.by()));
    }
    return Optional.empty();
  }

  /** Whether {@code e} is any step of a trade: an offer, or a later step. */
  static boolean isStep(Event e) {
    return e instanceof Event.TradeOffered || of(e).isPresent();
  }
}
