package coop.lattice.examples.readme;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Response;
import coop.lattice.collective.ClearingRound;
import coop.lattice.collective.Collective;
import coop.lattice.collective.TradeRecord;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.RoundId;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.node.FederationNode;
import coop.lattice.federation.node.NodeBuilder;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Event;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The README's clearing snippet: a food co-op, a repair café and a childcare co-op on one node,
 * partners of each other, trade until each owes the next; the co-op proposes a clearing round and
 * the node carries it through on all three ledgers.
 */
final class ClearingRoundOverTheNetwork {
  private ClearingRoundOverTheNetwork() {}

  // snippet:start clearing
  static List<ClearingRound> clearACycle(Path dir, int port) throws Exception {
    SteppingClock clock = SteppingClock.startingAt(Instant.now(), Duration.ZERO);   // or Clock.systemUTC()
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    AgreementTerms exchange = AgreementTerms.builder(AgreementId.of("exchange"), "Trade and clear with partners")
        .text("We trade within credit lines and join the clearing rounds our partners propose.").scope("trade")
        .reviewOn(LocalDate.now(clock).plusYears(1)).rule(DecisionRule.consent(Duration.ofDays(7)))
        .set("clearing-rounds", "join").build();   // the consent to join rounds is an agreement's
    List<Collective> coops = new ArrayList<>();
    List<Long> proposals = new ArrayList<>();
    for (String id : List.of("food", "fixit", "care")) {
      Collective c = Collective.found(CollectiveId.of(id), id, ana, Appearance.byName("Ana"), LedgerStore.inMemory(),
          CollectiveKey.generate(), clock);
      c.admit(ana, bo, Appearance.byName("Bo"));
      proposals.add(c.agreements().propose(ana, exchange, ""));
      c.agreements().respond(bo, proposals.get(coops.size()), Response.CONSENT, "");
      coops.add(c);
    }
    clock.advance(Duration.ofDays(8));   // a week on, the consent windows have closed
    Vertx vertx = Vertx.vertx();
    NodeBuilder builder = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + port), dir)
        .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), port)).clock(clock);
    for (Collective c : coops) {
      c.agreements().decide(ana, proposals.get(coops.indexOf(c)), "adopted");
      for (Collective partner : coops) {
        if (partner != c) {
          c.trade().agree(ana, partner.id(), exchange.id(), List.of(CreditLine.of(Unit.KILOGRAMS, "50", "50")));
          c.trade().appointRelay(ana, partner.id(), bo, clock.instant().plus(Duration.ofDays(365)));
        }
      }
      builder.collective(c);
    }
    FederationNode node = builder.build();   // one node hosts all three; they talk through their inboxes
    node.start(port, "127.0.0.1").await();
    for (Collective c : coops) {
      for (Collective partner : coops) {
        if (partner != c) {
          node.linkPartner(c.id(), partner.id(), node.actor(partner.id()), bo);
          node.follow(c.id(), node.actor(partner.id())).await();
        }
      }
    }

    // Each takes its trade steps as they come: accept what a partner offers, deliver, acknowledge.
    ExecutorService autopilot = Executors.newSingleThreadExecutor();
    for (Collective c : coops) {
      c.onEntry(e -> autopilot.execute(() -> {
        if (e.event() instanceof Event.TradeOffered o && o.offeredBy() == Side.PARTNER) {
          c.trade().accept(ana, e.sequence(), Side.US);
        } else if (e.event() instanceof Event.TradeAccepted a && a.by() == Side.PARTNER) {
          c.trade().fulfil(ana, a.offer(), Side.US);
        } else if (e.event() instanceof Event.TradeFulfilled f && f.by() == Side.PARTNER) {
          c.trade().acknowledge(ana, f.offer(), Side.US);
        }
      }));
    }
    // The café gives the co-op 5 kg, the childcare co-op gives the café 3, the co-op gives the childcare co-op 4.
    for (int[] t : new int[][] {{1, 0, 5}, {2, 1, 3}, {0, 2, 4}}) {
      Collective giver = coops.get(t[0]);
      long offer = giver.trade().offer(ana, coops.get(t[1]).id(), Side.US, Side.US,
          Quantity.kilograms(Integer.toString(t[2])), "goods", clock.instant().plus(Duration.ofDays(2)));
      node.awaits().trade(giver.id(), TradeId.of(giver.id(), offer), TradeRecord.Stage.ACKNOWLEDGED).await();
    }

    // A cycle: the co-op owes the café 5, the café the childcare co-op 3, the childcare co-op the co-op 4.
    Collective food = coops.get(0);
    RoundId round = food.clearing().propose(ana, List.of(coops.get(1).id(), coops.get(2).id()),
        clock.instant().plus(Duration.ofHours(1)));
    List<ClearingRound> decided = new ArrayList<>();
    for (Collective c : coops) {
      decided.add(node.awaits().round(c.id(), round).await());   // COMPLETED at the co-op, SETTLED at the others
    }
    for (Collective c : coops) {   // 3 kg off each debt, on both of its sides: food -2 with fixit, +1 with care, ...
      c.trade().partnerships().forEach(p -> System.out.println(c.id() + " with " + p.partner() + ": "
          + p.balance(Unit.KILOGRAMS).toPlainString()));
    }
    autopilot.shutdown();
    node.stop().await();
    vertx.close().await();
    return decided;
  }
  // snippet:end
}
