package coop.lattice.examples.readme;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Response;
import coop.lattice.collective.Collective;
import coop.lattice.exchange.Clearing;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Debt;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's trade snippet: partnerships under an agreement in force, two trades, and a cycle
 * of debt cleared without changing anyone's net position.
 */
final class TradeAndClearing {
  private TradeAndClearing() {}

  // snippet:start trade
  static Collective tradeAndClear() {
    SteppingClock clock = SteppingClock.startingAt("2027-03-01T09:00:00Z", Duration.ofMinutes(1));
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    CollectiveId fixit = CollectiveId.of("fixit");
    CollectiveId littleHands = CollectiveId.of("little-hands");
    Collective coop = Collective.found(CollectiveId.of("riverside-food"), "Riverside Food Co-op", ana,
        Appearance.byName("Ana"), LedgerStore.inMemory(), CollectiveKey.generate(), clock);
    coop.admit(ana, bo, Appearance.byName("Bo"));

    // Trade runs under an agreement in force, and a partnership with a credit line per unit.
    AgreementTerms exchange = AgreementTerms.builder(AgreementId.of("exchange"), "Trade with partners")
        .text("We trade hours with collectives we know, within credit lines.").scope("trade")
        .reviewOn(LocalDate.of(2028, 3, 1)).rule(DecisionRule.consent(Duration.ofDays(7))).build();
    long proposal = coop.agreements().propose(ana, exchange, "");
    coop.agreements().respond(bo, proposal, Response.CONSENT, "");
    clock.advance(Duration.ofDays(8));   // a week on, the window has closed
    coop.agreements().decide(ana, proposal, "adopted");
    for (CollectiveId partner : List.of(fixit, littleHands)) {
      coop.trade().agree(ana, partner, exchange.id(), List.of(CreditLine.of(Unit.HOURS, "10", "10")));
      coop.trade().appointRelay(ana, partner, bo, clock.instant().plus(Duration.ofDays(365)));  // bo records their steps
    }

    // Offer, accept, fulfil, acknowledge: the co-op gives fixit 5 hours, little-hands gives the co-op 3.
    // Here bo records the partners' steps by hand; a FederationNode does it as their activities arrive.
    Instant expires = clock.instant().plus(Duration.ofDays(7));
    long toFixit = coop.trade().offer(ana, fixit, Side.US, Side.US, Quantity.hours("5"), "bike repairs", expires);
    coop.trade().accept(bo, toFixit, Side.PARTNER);
    coop.trade().fulfil(ana, toFixit, Side.US);
    coop.trade().acknowledge(bo, toFixit, Side.PARTNER);
    // little-hands offered at entry 9 of its ledger: that is the trade's identity on both ledgers.
    long fromLittleHands = coop.trade().relayOffer(bo, TradeId.of(littleHands, 9), Side.PARTNER, Quantity.hours("3"),
        "childcare", expires);
    coop.trade().accept(ana, fromLittleHands, Side.US);
    coop.trade().fulfil(bo, fromLittleHands, Side.PARTNER);
    coop.trade().acknowledge(ana, fromLittleHands, Side.US);

    // Each collective reports what it owes; together they show a cycle, cleared on every ledger.
    List<Debt> debtsOfTheNetwork = new ArrayList<>(coop.trade().debts());   // the co-op owes little-hands 3
    debtsOfTheNetwork.add(new Debt(fixit, coop.id(), Unit.HOURS, new BigDecimal("5")));
    debtsOfTheNetwork.add(new Debt(littleHands, fixit, Unit.HOURS, new BigDecimal("4")));
    Clearing.Result r = Clearing.clear("2027-03", debtsOfTheNetwork);
    r.legsFor(coop.id()).forEach(leg -> coop.trade().recordClearing(ana, leg));
    System.out.println(coop.trade().debts());   // []: 3 hours cleared around the cycle; fixit still owes 2
    return coop;
  }
  // snippet:end
}
