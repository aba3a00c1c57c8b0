package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.Quantity;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A trade with a partner collective and how far it got: offered, accepted (a commitment),
 * fulfilled, acknowledged by the receiving side. Only an acknowledged trade moves the balance.
 *
 * <p>Unlike {@code entry}, which is this ledger's own number for the trade, {@code id} is the
 * same on both sides: the two collectives' apps name a trade by it ({@link Trade#trade(TradeId)}).
 *
 * @param entry the entry that recorded the offer on this ledger: its reference in this collective's commands
 * @param id the trade's identity on both ledgers (the offering collective and its offer entry); null
 *     only for a partner's offer recorded without it (by hand, with {@code offer(..., Side.PARTNER, ...)},
 *     or before trades had one identity)
 * @param partner the other collective
 * @param offeredBy the side that offered
 * @param gives the side that hands over
 * @param quantity how much
 * @param what what, in words
 * @param expires the offer's expiry
 * @param stage how far it got
 */
public record TradeRecord(long entry, @Nullable TradeId id, CollectiveId partner, Side offeredBy, Side gives,
    Quantity quantity, String what, Instant expires, Stage stage) {

  public enum Stage {
    OFFERED, ACCEPTED, FULFILLED, ACKNOWLEDGED
  }

  TradeRecord at(Stage next) {
    return new TradeRecord(entry, id, partner, offeredBy, gives, quantity, what, expires, next);
  }
}
