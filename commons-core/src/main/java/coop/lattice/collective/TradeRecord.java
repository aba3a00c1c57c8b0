package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.Quantity;
import coop.lattice.exchange.Side;
import java.time.Instant;

/**
 * A trade with a partner collective and how far it got: offered, accepted (a commitment),
 * fulfilled, acknowledged by the receiving side. Only an acknowledged trade moves the balance.
 *
 * @param entry the entry that recorded the offer: its reference
 * @param partner the other collective
 * @param offeredBy the side that offered
 * @param gives the side that hands over
 * @param quantity how much
 * @param what what, in words
 * @param expires the offer's expiry
 * @param stage how far it got
 */
public record TradeRecord(long entry, CollectiveId partner, Side offeredBy, Side gives, Quantity quantity, String what,
    Instant expires, Stage stage) {

  public enum Stage {
    OFFERED, ACCEPTED, FULFILLED, ACKNOWLEDGED
  }

  TradeRecord at(Stage next) {
    return new TradeRecord(entry, partner, offeredBy, gives, quantity, what, expires, next);
  }
}
