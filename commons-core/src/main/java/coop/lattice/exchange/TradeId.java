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
    int slash = text.lastIndexOf('/');
    checkArgument(slash > 0 && slash < text.length() - 1,
        "a trade's identity is written <collective>/<entry>, as in riverside-food/12; got \"%s\"", text);
    String number = text.substring(slash + 1);
    checkArgument(number.chars().allMatch(c -> c >= '0' && c <= '9') && number.length() <= 18,
        "the entry of a trade's identity is a whole number, as in riverside-food/12; got \"%s\"", text);
    return new TradeId(CollectiveId.of(text.substring(0, slash)), Long.parseLong(number));
  }

  @Override
  public String toString() {
    return collective + "/" + entry;
  }
}
