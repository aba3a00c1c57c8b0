package coop.lattice.testkit;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Response;
import coop.lattice.collective.Collective;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.LedgerStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Collectives ready to trade, and trades recorded on both ledgers, for tests of code that embeds
 * Lattice's exchanges between collectives. Each collective is founded by {@link #ANA}, who admits
 * {@link #BO}; both consent to an exchange agreement ({@link #EXCHANGE}), adopted once the week of
 * its window has passed (the clock moves on eight days); it agrees a partnership with each partner
 * (a credit line in kilograms, the same limit both ways) and appoints Bo to record each partner's
 * steps, as a node's relay does.
 *
 * <pre>{@code
 * SteppingClock clock = SteppingClock.startingAt("2026-12-01T10:00:00Z", Duration.ZERO);
 * Collective food = TradingPartners.collective(FOOD, clock, "50", true, FIXIT);
 * Collective fixit = TradingPartners.collective(FIXIT, clock, "50", true, FOOD);
 * TradingPartners.give(fixit, food, "5", clock);   // food owes fixit 5 kg, on both ledgers
 * }</pre>
 */
public final class TradingPartners {
  public static final MemberId ANA = MemberId.of("ana");
  public static final MemberId BO = MemberId.of("bo");
  public static final AgreementId EXCHANGE = AgreementId.of("exchange");

  private TradingPartners() {}

  /**
   * Collective {@code id}, in memory, trading with {@code partners} within {@code limitKg} either
   * way; with {@code joinsRounds}, its agreement also says {@code clearing-rounds: join}.
   */
  public static Collective collective(CollectiveId id, SteppingClock clock, String limitKg, boolean joinsRounds,
      CollectiveId... partners) {
    Collective c = Collective.found(id, id.value(), ANA, Appearance.byName("Ana"), LedgerStore.inMemory(),
        CollectiveKey.fromSeed(new byte[32]), clock);
    c.admit(ANA, BO, Appearance.byName("Bo"));
    AgreementTerms.Builder terms = AgreementTerms.builder(EXCHANGE, "Exchange").text("We trade with partners.")
        .scope("trade").reviewOn(LocalDate.ofInstant(clock.instant(), clock.getZone()).plusYears(3))
        .rule(DecisionRule.consent(Duration.ofDays(7)));
    long p = c.agreements().propose(ANA, (joinsRounds ? terms.set("clearing-rounds", "join") : terms).build(), "");
    c.agreements().respond(BO, p, Response.CONSENT, "");
    clock.advance(Duration.ofDays(8));
    c.agreements().decide(ANA, p, "adopted");
    for (CollectiveId partner : partners) {
      c.trade().agree(ANA, partner, EXCHANGE, List.of(CreditLine.of(Unit.KILOGRAMS, limitKg, limitKg)));
      c.trade().appointRelay(ANA, partner, BO, clock.instant().plus(Duration.ofDays(365)));
    }
    return c;
  }

  /**
   * {@code giver} gives {@code taker} {@code kg} through every step (offer, accept, fulfil,
   * acknowledge), each recorded on both ledgers as their nodes would: the giver's offer relayed to
   * the taker under its identity, each side's step recorded by Bo on the other's ledger.
   */
  public static void give(Collective giver, Collective taker, String kg, SteppingClock clock) {
    Instant expires = clock.instant().plus(Duration.ofDays(2));
    long offer = giver.trade().offer(ANA, taker.id(), Side.US, Side.US, Quantity.kilograms(kg), "goods", expires);
    long copy = taker.trade().relayOffer(BO, TradeId.of(giver.id(), offer), Side.PARTNER, Quantity.kilograms(kg),
        "goods", expires);
    taker.trade().accept(ANA, copy, Side.US);
    giver.trade().accept(BO, offer, Side.PARTNER);
    giver.trade().fulfil(ANA, offer, Side.US);
    taker.trade().fulfil(BO, copy, Side.PARTNER);
    taker.trade().acknowledge(ANA, copy, Side.US);
    giver.trade().acknowledge(BO, offer, Side.PARTNER);
  }
}
