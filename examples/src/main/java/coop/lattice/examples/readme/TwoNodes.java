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
import coop.lattice.collective.CollectiveState;
import coop.lattice.collective.Replica;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Side;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.node.FederationNode;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Entry;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The README's federation snippet: two nodes in one JVM on loopback, a food co-op and a repair
 * café, that follow each other, trade over ActivityPub and keep a verified copy of each other's
 * ledger.
 */
final class TwoNodes {
  private TwoNodes() {}

  // snippet:start federation
  static CollectiveState followTradeAndMirror(Path dir, int foodPort, int cafePort) throws Exception {
    SteppingClock clock = SteppingClock.startingAt(Instant.now(), Duration.ZERO);   // or Clock.systemUTC()
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    Collective food = Collective.found(CollectiveId.of("food"), "Riverside Food Co-op", ana, Appearance.byName("Ana"),
        LedgerStore.inMemory(), CollectiveKey.generate(), clock);
    Collective cafe = Collective.found(CollectiveId.of("fixit"), "Fixit Repair Café", ana, Appearance.byName("Ana"),
        LedgerStore.inMemory(), CollectiveKey.generate(), clock);
    AgreementTerms exchange = AgreementTerms.builder(AgreementId.of("exchange"), "Trade with partners")
        .text("We trade with collectives we know, within credit lines.").scope("trade")
        .reviewOn(LocalDate.now(clock).plusYears(1)).rule(DecisionRule.consent(Duration.ofDays(7))).build();
    for (Collective c : List.of(food, cafe)) {   // each: an exchange agreement, a partnership, a relay
      CollectiveId partner = c == food ? cafe.id() : food.id();
      c.admit(ana, bo, Appearance.byName("Bo"));
      long proposal = c.agreements().propose(ana, exchange, "");
      c.agreements().respond(bo, proposal, Response.CONSENT, "");
      clock.advance(Duration.ofDays(8));   // a week on, the window has closed
      c.agreements().decide(ana, proposal, "adopted");
      c.trade().agree(ana, partner, exchange.id(), List.of(CreditLine.of(Unit.KILOGRAMS, "50", "50")));
      c.trade().appointRelay(ana, partner, bo, clock.instant().plus(Duration.ofDays(365)));  // bo records their steps
    }

    // Two nodes on loopback. A node reaches public addresses only, unless told otherwise: each may reach the other.
    Vertx vertx = Vertx.vertx();
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    FederationNode foodNode = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + foodPort), dir.resolve("food"))
        .addressPolicy(AddressPolicy.publicOnly().allowing(loopback, cafePort)).collective(food).build();
    FederationNode cafeNode = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + cafePort), dir.resolve("cafe"))
        .addressPolicy(AddressPolicy.publicOnly().allowing(loopback, foodPort)).collective(cafe).build();
    foodNode.start(foodPort, "127.0.0.1").await();   // every call that talks to the network returns a Future
    cafeNode.start(cafePort, "127.0.0.1").await();
    URI foodActor = foodNode.actor(food.id());
    URI cafeActor = cafeNode.actor(cafe.id());
    foodNode.linkPartner(food.id(), cafe.id(), cafeActor, bo);   // the café's trade steps are recorded here by bo
    cafeNode.linkPartner(cafe.id(), food.id(), foodActor, bo);
    foodNode.follow(food.id(), cafeActor).await();
    cafeNode.follow(cafe.id(), foodActor).await();

    // A trade: each step one side takes arrives at the other and is recorded there, by bo, as the partner's.
    BlockingQueue<Entry> atFood = new LinkedBlockingQueue<>();
    BlockingQueue<Entry> atCafe = new LinkedBlockingQueue<>();
    food.onEntry(e -> { if (food.privacy().authorOf(e).equals(bo)) atFood.add(e); });
    cafe.onEntry(e -> { if (cafe.privacy().authorOf(e).equals(bo)) atCafe.add(e); });
    long offer = food.trade().offer(ana, cafe.id(), Side.US, Side.US, Quantity.kilograms("8"), "apples",
        clock.instant().plus(Duration.ofDays(2)));
    long offerAtCafe = Objects.requireNonNull(atCafe.poll(20, TimeUnit.SECONDS)).sequence();
    cafe.trade().accept(ana, offerAtCafe, Side.US);
    Objects.requireNonNull(atFood.poll(20, TimeUnit.SECONDS));
    food.trade().fulfil(ana, offer, Side.US);
    Objects.requireNonNull(atCafe.poll(20, TimeUnit.SECONDS));
    cafe.trade().acknowledge(ana, offerAtCafe, Side.US);
    Objects.requireNonNull(atFood.poll(20, TimeUnit.SECONDS));
    System.out.println(food.trade().partnership(cafe.id()).orElseThrow().balance(Unit.KILOGRAMS));   // 8: the café owes 8 kg
    System.out.println(cafe.trade().partnership(food.id()).orElseThrow().balance(Unit.KILOGRAMS));   // -8

    // The café keeps a verified copy of the co-op's ledger, up to the co-op's latest signed checkpoint.
    food.checkpoint();
    CollectiveState copy = cafeNode.mirror(cafe.id(), foodActor).await().state();
    System.out.println(copy.equals(Replica.of(food.ledger()).state()));   // true: what the published ledger folds to

    cafeNode.stop().await();
    foodNode.stop().await();
    vertx.close().await();
    return copy;
  }
  // snippet:end
}
