package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Response;
import coop.lattice.collective.Collective;
import coop.lattice.collective.TradeRecord;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Side;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.store.LedgerStore;
import coop.lattice.testkit.SteppingClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A food co-op and a repair café on two nodes trade over federation: each step one side takes
 * reaches the other as a signed activity and is recorded there as the partner's step, so both
 * ledgers tell the same trade and the balances mirror each other. A step the receiving side's
 * credit line refuses is refused there and recorded nowhere.
 */
class TradeOverFederationIT {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final AgreementId EXCHANGE = AgreementId.of("exchange");

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  static Collective collective(String id, SteppingClock clock, CollectiveId partner, String theyMayOwe) {
    Collective c = Collective.found(CollectiveId.of(id), id, ANA, Appearance.byName("Ana"), LedgerStore.inMemory(),
        CollectiveKey.fromSeed(new byte[32]), clock);
    c.admit(ANA, BO, Appearance.byName("Bo"));
    long p = c.agreements().propose(ANA, AgreementTerms.builder(EXCHANGE, "Exchange").text("We trade.").scope("trade")
        .reviewOn(LocalDate.of(2027, 12, 1)).rule(DecisionRule.consent(Duration.ofDays(7))).build(), "");
    c.agreements().respond(BO, p, Response.CONSENT, "");
    clock.advance(Duration.ofDays(8));
    c.agreements().decide(ANA, p, "adopted");
    c.trade().agree(ANA, partner, EXCHANGE, List.of(CreditLine.of(Unit.KILOGRAMS, theyMayOwe, "50")));
    c.trade().appointRelay(ANA, partner, BO, clock.instant().plus(Duration.ofDays(30))); // the delegation, on the ledger
    return c;
  }

  /** Waits until {@code c} appends an entry whose event is of {@code type}. */
  static Entry next(LinkedBlockingQueue<Entry> entries, Class<? extends Event> type) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Entry e = entries.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertThat(e).as("an entry of type %s", type.getSimpleName()).isNotNull();
      if (type.isInstance(e.event())) {
        return e;
      }
    }
  }

  @Test
  void aTradeGoesBackAndForthAndBothLedgersAgree(@TempDir Path dir) throws Exception {
    SteppingClock clock = SteppingClock.startingAt(Instant.now(), Duration.ZERO);
    CollectiveId foodId = CollectiveId.of("food");
    CollectiveId cafeId = CollectiveId.of("fixit");
    Collective food = collective("food", clock, cafeId, "10");
    Collective cafe = collective("fixit", clock, foodId, "50");
    LinkedBlockingQueue<Entry> atFood = new LinkedBlockingQueue<>();
    LinkedBlockingQueue<Entry> atCafe = new LinkedBlockingQueue<>();
    food.onEntry(atFood::add);
    cafe.onEntry(atCafe::add);
    Vertx vertx = Vertx.vertx();
    try {
      NodePair nodes = NodePair.start(vertx, dir, food, cafe);
      FederationNode foodNode = nodes.first();
      FederationNode cafeNode = nodes.second();
      URI foodActor = foodNode.actor(foodId);
      URI cafeActor = cafeNode.actor(cafeId);
      foodNode.linkPartner(foodId, cafeId, cafeActor, BO);
      cafeNode.linkPartner(cafeId, foodId, foodActor, BO);
      var followed = new java.util.concurrent.CompletableFuture<Void>();
      var followedBack = new java.util.concurrent.CompletableFuture<Void>();
      cafeNode.onInbound(a -> { if (a.type().equals("Accept")) followed.complete(null); });
      foodNode.onInbound(a -> { if (a.type().equals("Accept")) followedBack.complete(null); });
      await(cafeNode.follow(cafeId, foodActor));
      await(foodNode.follow(foodId, cafeActor));
      followed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      followedBack.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      atFood.clear();
      atCafe.clear();

      // The co-op offers 8 kg of apples; the café sees the partner's offer.
      long f1 = food.trade().offer(ANA, cafeId, Side.US, Side.US, Quantity.kilograms("8"), "apples",
          clock.instant().plus(Duration.ofDays(2)));
      long c1 = next(atCafe, Event.TradeOffered.class).sequence();
      TradeRecord mirrored = cafe.trade().trade(c1).orElseThrow();
      assertThat(mirrored.offeredBy()).isEqualTo(Side.PARTNER);
      assertThat(mirrored.gives()).isEqualTo(Side.PARTNER);
      assertThat(mirrored.partner()).isEqualTo(foodId);

      cafe.trade().accept(ANA, c1, Side.US);
      next(atFood, Event.TradeAccepted.class);
      assertThat(food.trade().trade(f1).orElseThrow().stage()).isEqualTo(TradeRecord.Stage.ACCEPTED);

      food.trade().fulfil(ANA, f1, Side.US);
      next(atCafe, Event.TradeFulfilled.class);
      cafe.trade().acknowledge(ANA, c1, Side.US);
      next(atFood, Event.TradeAcknowledged.class);

      assertThat(food.trade().partnership(cafeId).orElseThrow().balance(Unit.KILOGRAMS)).isEqualByComparingTo("8");
      assertThat(cafe.trade().partnership(foodId).orElseThrow().balance(Unit.KILOGRAMS)).isEqualByComparingTo("-8");

      // The café asks for 5 kg more; the co-op's line lets the café owe at most 10 kg, so accepting it is refused.
      long c2 = cafe.trade().offer(ANA, foodId, Side.US, Side.PARTNER, Quantity.kilograms("5"), "more apples",
          clock.instant().plus(Duration.ofDays(2)));
      long f2 = next(atFood, Event.TradeOffered.class).sequence();
      long before = food.ledger().size();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> food.trade().accept(ANA, f2, Side.US))
          .isInstanceOf(coop.lattice.LimitExceededException.class).hasMessageContaining("agreement \"exchange\"");
      assertThat(food.ledger().size()).isEqualTo(before);
      assertThat(cafe.trade().trade(c2).orElseThrow().stage()).isEqualTo(TradeRecord.Stage.OFFERED);

      // A step the co-op's rules refuse arrives from the café: refused there (422), recorded nowhere on the co-op's
      // ledger, and the café's delivery of it goes to the dead letters rather than being retried.
      atCafe.clear(); // the café's own entries so far
      long f3 = food.trade().offer(ANA, cafeId, Side.US, Side.US, Quantity.kilograms("20"), "pears",
          clock.instant().plus(Duration.ofDays(2)));
      long c3 = next(atCafe, Event.TradeOffered.class).sequence();
      long sizeBefore = food.ledger().size();
      cafe.trade().accept(ANA, c3, Side.US); // the café's line allows it; the co-op's does not (8 + 20 > 10)
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (cafeNode.deadLetters().isEmpty() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(cafeNode.deadLetters()).singleElement().satisfies(d -> {
        assertThat(d.status()).isEqualTo(422);
        // The dead letter keeps the co-op's own explanation, not only its status.
        assertThat(d.reason()).startsWith("answered 422 (application/json").contains("the partner's step was refused")
            .contains("agreement");
      });
      assertThat(food.ledger().size()).isEqualTo(sizeBefore);
      assertThat(food.trade().trade(f3).orElseThrow().stage()).isEqualTo(TradeRecord.Stage.OFFERED);

      nodes.stop();
    } finally {
      await(vertx.close());
    }
  }
}
