package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.exchange.Clearing;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Debt;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.metrics.Need;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Trade between collectives, as this collective's ledger records it: a food co-op's vegetables
 * for a repair café's hours. Obtained from {@link Collective#trade()}.
 *
 * <p>Each partnership runs under an agreement in force and has a credit line per unit; a trade
 * goes offer, accept (the commitment), fulfil (by the giving side), acknowledge (by the receiving
 * side), and only the acknowledgement moves the balance. Accepting checks the line against the
 * balance plus every trade already accepted, so limits hold however deliveries interleave.
 * Steps taken by the partner ({@link Side#PARTNER}) arrive over federation, which authenticates
 * them before submitting them here; only the member appointed with {@link #appointRelay} (an
 * explicit, logged delegation with an expiry) may record them. A trade has one identity on both
 * ledgers, a {@link TradeId} (the offering collective and its offer entry): the partner's offer is
 * recorded with it ({@link #relayOffer}), and {@link #trade(TradeId)} finds the trade by it on
 * either side.
 *
 * <pre>{@code
 * coop.trade().agree(ana, CollectiveId.of("fixit-cafe"), AgreementId.of("fixit-exchange"),
 *     List.of(CreditLine.of(Unit.HOURS, "10", "10"), CreditLine.of(Unit.KILOGRAMS, "50", "0")));
 * long t = coop.trade().offer(ana, fixit, Side.US, Side.US, Quantity.kilograms("12"), "vegetables", expires);
 * TradeId id = coop.trade().trade(t).orElseThrow().id(); // the same on fixit-cafe's ledger
 * coop.trade().accept(ana, t, Side.PARTNER);      // relayed from fixit-cafe
 * coop.trade().fulfil(ana, t, Side.US);
 * coop.trade().acknowledge(ana, t, Side.PARTNER); // fixit-cafe now owes 12 kg
 * }</pre>
 */
public final class Trade {
  private final Collective collective;

  Trade(Collective collective) {
    this.collective = collective;
  }

  /** Agrees (or renegotiates) the exchange with {@code partner} under {@code agreement}, which must be in force. */
  public Entry agree(MemberId by, CollectiveId partner, AgreementId agreement, List<CreditLine> lines) {
    return collective.submit(by, new Event.PartnershipAgreed(partner, agreement, lines));
  }

  /**
   * {@code by} appoints {@code relay} to record the steps {@code partner} takes until {@code
   * until}; only that member may record them (as federation does when the partner's entries arrive).
   */
  public Entry appointRelay(MemberId by, CollectiveId partner, MemberId relay, Instant until) {
    return collective.submit(by, new Event.RelayAppointed(partner, relay, until));
  }

  /**
   * Records an offer made by {@code offeredBy}, in which {@code gives} hands over {@code quantity}.
   * An offer the partner made ({@code offeredBy} {@link Side#PARTNER}) recorded here has no
   * identity shared with the partner's ledger ({@link TradeRecord#id} is null): record it with
   * {@link #relayOffer} when the partner's offer entry is known, as federation does.
   *
   * @return the trade's reference on this ledger (its identity on both is {@code TradeId.of(id, reference)})
   */
  public long offer(MemberId by, CollectiveId partner, Side offeredBy, Side gives, Quantity quantity, String what,
      Instant expires) {
    return collective.submit(by, new Event.TradeOffered(partner, offeredBy, gives, quantity, what, expires, null))
        .sequence();
  }

  /**
   * Records the offer the partner made as {@code trade} (the partner and the sequence of the offer
   * entry on its ledger), in which {@code gives} hands over {@code quantity}: the step federation
   * relays, by the member appointed with {@link #appointRelay}. The same identity is refused a
   * second time.
   *
   * @return the trade's reference on this ledger
   */
  public long relayOffer(MemberId by, TradeId trade, Side gives, Quantity quantity, String what, Instant expires) {
    return collective.submit(by, new Event.TradeOffered(trade.collective(), Side.PARTNER, gives, quantity, what,
        expires, trade)).sequence();
  }

  /** The side that did not offer accepts: a commitment, checked against the credit line. */
  public Entry accept(MemberId by, long trade, Side side) {
    return collective.submit(by, new Event.TradeAccepted(trade, side));
  }

  /** The giving side says it delivered. */
  public Entry fulfil(MemberId by, long trade, Side side) {
    return collective.submit(by, new Event.TradeFulfilled(trade, side));
  }

  /** The receiving side acknowledges the delivery: the balance moves. */
  public Entry acknowledge(MemberId by, long trade, Side side) {
    return collective.submit(by, new Event.TradeAcknowledged(trade, side));
  }

  /** Records this collective's leg of a cleared cycle (see {@link Clearing}). */
  public Entry recordClearing(MemberId by, Clearing.Leg leg) {
    return collective.submit(by, new Event.CycleCleared(leg.clearing(), leg.unit(), leg.amount(), leg.debtor(),
        leg.creditor()));
  }

  /** Declares which partners could cover {@code need}; an empty list marks it critical and uncovered. */
  public Entry declareCoverage(MemberId by, Need need, List<CollectiveId> partners) {
    return collective.submit(by, new Event.CoverageDeclared(need.value(), partners));
  }

  public Optional<Partnership> partnership(CollectiveId partner) {
    return collective.read(f -> Optional.ofNullable(f.trade.partners.get(partner)).map(TradeFold.Line::record));
  }

  /** Every partnership, by partner id. */
  public List<Partnership> partnerships() {
    return collective.read(f -> f.trade.partners.values().stream().map(TradeFold.Line::record).toList());
  }

  /** The trade offered at entry {@code entry} of this ledger. */
  public Optional<TradeRecord> trade(long entry) {
    return collective.read(f -> Optional.ofNullable(f.trade.trades.get(entry)));
  }

  /** The trade whose identity on both ledgers is {@code id}, as this ledger records it. */
  public Optional<TradeRecord> trade(TradeId id) {
    return collective.read(f -> Optional.ofNullable(f.trade.ids.get(id)).map(f.trade.trades::get));
  }

  /**
   * What this collective owes, per partner and unit, as {@link Clearing} takes it. Each
   * collective reports only its own debts, so a network's debts are the union of these lists,
   * each debt once (what partners owe it, they report).
   */
  public List<Debt> debts() {
    CollectiveId self = collective.id();
    return collective.read(f -> {
      List<Debt> out = new ArrayList<>();
      for (TradeFold.Line l : f.trade.partners.values()) {
        for (Map.Entry<Unit, BigDecimal> b : l.balance.entrySet()) {
          if (b.getValue().signum() < 0) {
            out.add(new Debt(self, l.partner, b.getKey(), b.getValue().negate()));
          }
        }
      }
      return out;
    });
  }

  /** The redundancy map: for each critical need, which partners could cover it. */
  public RedundancyMap redundancy() {
    return collective.read(f -> new RedundancyMap(new TreeMap<>(f.trade.coverage)));
  }
}
