package coop.lattice.exchange;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.CollectiveId;

/**
 * A trade's one identity, the same on both ledgers: the collective that offered it and the
 * sequence number of the entry that recorded the offer on that collective's ledger. The offering
 * side's trade is known by its own entry; the receiving side records this identity in the offer
 * it relays ({@code TradeOffered.trade}), so an app on either side names the trade the same way
 * and never has to match trades by what they say.
 *
 * <p>Its text form is {@code <collective>/<entry>}, as in {@code riverside-food/12} ({@link
 * #toString}, {@link #parse}).
 *
 * <pre>{@code
 * TradeId id = coop.trade().trade(offer).orElseThrow().id();   // riverside-food/12
 * fixit.trade().trade(id).orElseThrow().stage();               // the same trade, on the partner's ledger
 * }</pre>
 *
 * @param collective the collective that offered the trade
 * @param entry the sequence number of its offer entry on that collective's ledger (1 or more: entry 0
 *     founds the ledger)
 */
public record TradeId(CollectiveId collective, long entry) {
  public TradeId {
    checkArgument(entry > 0, "a trade is offered at entry 1 or later of its ledger; got entry %s", entry);
  }

  public static TradeId of(CollectiveId collective, long entry) {
    return new TradeId(collective, entry);
  }

  /**
   * The identity written as {@link #toString} writes it, {@code <collective>/<entry>}; throws
   * {@link IllegalArgumentException}, saying what was wrong, for anything else.
   */
  public static TradeId parse(String text) {
    EntryRef ref = EntryRef.parse(text, "a trade's identity", "riverside-food/12");
    return new TradeId(ref.collective(), ref.entry());
  }

  @Override
  public String toString() {
    return collective + "/" + entry;
  }
}
