package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.KEY;
import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidExchangeException;
import coop.lattice.InvalidQuantityException;
import coop.lattice.LimitExceededException;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.RejectedCommandException;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.exchange.Clearing;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Debt;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.metrics.Need;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Trade between three real collectives: credit lines, the four-step flow on both ledgers, and clearing a cycle. */
class TradeTest {
  static final CollectiveId FOOD = CollectiveId.of("riverside-food");
  static final CollectiveId REPAIR = CollectiveId.of("fixit-cafe");
  static final CollectiveId CARE = CollectiveId.of("little-hands");
  static final AgreementId EXCHANGE = AgreementId.of("exchange");

  SteppingClock clock;
  final Map<CollectiveId, Collective> network = new LinkedHashMap<>();

  @BeforeEach
  void found() {
    clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(1));
    for (CollectiveId id : List.of(FOOD, REPAIR, CARE)) {
      Collective c = Collective.found(id, id.value(), ANA, Appearance.byName("Ana"), LedgerStore.inMemory(), KEY, clock);
      c.admit(ANA, BO, Appearance.byName("Bo"));
      Adopt.adopt(c, clock, ANA, Adopt.terms(EXCHANGE.value()).build());
      network.put(id, c);
    }
    for (CollectiveId a : network.keySet()) {
      for (CollectiveId b : network.keySet()) {
        if (!a.equals(b)) {
          network.get(a).trade().agree(ANA, b, EXCHANGE, List.of(CreditLine.of(Unit.HOURS, "10", "10"),
              CreditLine.of(Unit.KILOGRAMS, "50", "50")));
          network.get(a).trade().appointRelay(ANA, b, ANA, clock.instant().plus(Duration.ofDays(365)));
        }
      }
    }
  }

  Instant soon() {
    return clock.instant().plus(Duration.ofDays(3));
  }

  /** {@code giver} hands {@code quantity} to {@code receiver}, each step on both ledgers, offered by the giver. */
  void trade(CollectiveId giver, CollectiveId receiver, Quantity quantity) {
    Collective g = network.get(giver);
    Collective r = network.get(receiver);
    Instant expires = soon();
    long atGiver = g.trade().offer(ANA, receiver, Side.US, Side.US, quantity, "help", expires);
    long atReceiver = r.trade().relayOffer(ANA, TradeId.of(giver, atGiver), Side.PARTNER, quantity, "help", expires);
    r.trade().accept(ANA, atReceiver, Side.US);
    g.trade().accept(ANA, atGiver, Side.PARTNER);
    g.trade().fulfil(ANA, atGiver, Side.US);
    r.trade().fulfil(ANA, atReceiver, Side.PARTNER);
    r.trade().acknowledge(ANA, atReceiver, Side.US);
    g.trade().acknowledge(ANA, atGiver, Side.PARTNER);
  }

  BigDecimal net(CollectiveId id, Unit unit) {
    return network.get(id).trade().partnerships().stream().map(p -> p.balance(unit)).reduce(BigDecimal.ZERO,
        BigDecimal::add).stripTrailingZeros();
  }

  @Test
  void onlyTheAcknowledgementMovesTheBalanceOnBothLedgers() {
    Collective food = network.get(FOOD);
    long t = food.trade().offer(ANA, REPAIR, Side.US, Side.US, Quantity.kilograms("12"), "vegetables", soon());
    food.trade().accept(ANA, t, Side.PARTNER);
    food.trade().fulfil(ANA, t, Side.US);
    assertThat(food.trade().partnership(REPAIR).orElseThrow().balance(Unit.KILOGRAMS)).isZero();
    assertThat(food.trade().partnership(REPAIR).orElseThrow().toDeliver()).containsEntry(Unit.KILOGRAMS,
        new BigDecimal("12"));
    food.trade().acknowledge(ANA, t, Side.PARTNER);
    assertThat(food.trade().partnership(REPAIR).orElseThrow().balance(Unit.KILOGRAMS)).isEqualByComparingTo("12");
    assertThat(food.trade().trade(t).orElseThrow().stage()).isEqualTo(TradeRecord.Stage.ACKNOWLEDGED);

    trade(REPAIR, FOOD, Quantity.hours("3"));
    assertThat(food.trade().partnership(REPAIR).orElseThrow().balance(Unit.HOURS)).isEqualByComparingTo("-3");
    assertThat(network.get(REPAIR).trade().partnership(FOOD).orElseThrow().balance(Unit.HOURS))
        .isEqualByComparingTo("3");
  }

  @Test
  void aTradeHasOneIdentityOnBothLedgers() {
    Collective food = network.get(FOOD);
    Collective repair = network.get(REPAIR);
    long atFood = food.trade().offer(ANA, REPAIR, Side.US, Side.US, Quantity.kilograms("4"), "apples", soon());
    long atRepair = repair.trade().relayOffer(ANA, TradeId.of(FOOD, atFood), Side.PARTNER, Quantity.kilograms("4"),
        "apples", soon());
    TradeId id = food.trade().trade(atFood).orElseThrow().id();
    assertThat(id).isEqualTo(TradeId.of(FOOD, atFood));
    assertThat(repair.trade().trade(atRepair).orElseThrow().id()).isEqualTo(id);
    assertThat(repair.trade().trade(id).orElseThrow().entry()).isEqualTo(atRepair);
    assertThat(food.trade().trade(id).orElseThrow().entry()).isEqualTo(atFood);
    assertThat(network.get(CARE).trade().trade(id)).isEmpty();
    assertThat(TradeId.parse(id.toString())).isEqualTo(id);

    // The identity is on the ledger: a partner's mirror folds it from the entries alone.
    assertThat(Replica.of(repair.ledger()).state().exchanges().trades().get(atRepair).id()).isEqualTo(id);

    // A partner's offer recorded by hand, without the partner's entry, has no identity: nothing to match by text.
    long byHand = repair.trade().offer(ANA, FOOD, Side.PARTNER, Side.PARTNER, Quantity.kilograms("1"), "pears", soon());
    assertThat(repair.trade().trade(byHand).orElseThrow().id()).isNull();
  }

  @Test
  void anIdentityIsRecordedOnceAndOnlyAsThePartnersOwn() {
    Collective repair = network.get(REPAIR);
    repair.trade().relayOffer(ANA, TradeId.of(FOOD, 7), Side.PARTNER, Quantity.kilograms("2"), "beans", soon());
    rejected(repair, () -> repair.trade().relayOffer(ANA, TradeId.of(FOOD, 7), Side.PARTNER, Quantity.kilograms("2"),
        "beans", soon()), ConflictException.class, "Trade riverside-food/7 is already on this ledger, offered at entry");
    rejected(repair, () -> repair.submit(ANA, new Event.TradeOffered(FOOD, Side.PARTNER, Side.PARTNER,
        Quantity.kilograms("2"), "beans", soon(), TradeId.of(CARE, 3))), InvalidExchangeException.class,
        "recorded as riverside-food's, but its identity little-hands/3 names the ledger of little-hands");
    rejected(repair, () -> repair.submit(ANA, new Event.TradeOffered(FOOD, Side.US, Side.US,
        Quantity.kilograms("2"), "beans", soon(), TradeId.of(FOOD, 9))), InvalidExchangeException.class,
        "An offer this collective makes is known by its own entry");
    assertThatThrownBy(() -> TradeId.parse("riverside-food#7")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<collective>/<entry>");
    assertThatThrownBy(() -> TradeId.parse("riverside-food/x7")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> TradeId.of(FOOD, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 1 or later");
  }

  @Test
  void onlyTheAppointedRelayRecordsThePartnersStepsAndOnlyUntilTheAppointmentRunsOut() {
    Collective food = network.get(FOOD);
    long t = food.trade().offer(ANA, REPAIR, Side.US, Side.US, Quantity.kilograms("2"), "beans", soon());
    rejected(food, () -> food.trade().accept(BO, t, Side.PARTNER), NotPermittedException.class,
        "recorded only by the member appointed to relay them (ana), not by bo");
    rejected(food, () -> food.trade().appointRelay(ANA, REPAIR, BO, clock.instant().minus(Duration.ofDays(1))),
        ExpiredException.class, "already run out");
    food.trade().appointRelay(ANA, REPAIR, BO, clock.instant().plus(Duration.ofDays(1)));
    rejected(food, () -> food.trade().accept(ANA, t, Side.PARTNER), NotPermittedException.class, "(bo), not by ana");
    food.trade().accept(BO, t, Side.PARTNER);
    food.trade().fulfil(ANA, t, Side.US);
    clock.advance(Duration.ofDays(2));
    rejected(food, () -> food.trade().acknowledge(BO, t, Side.PARTNER), ExpiredException.class, "ran out");
  }

  @Test
  void creditLinesAreEnforcedCountingTradesAlreadyAccepted() {
    Collective food = network.get(FOOD);
    long a = food.trade().offer(ANA, REPAIR, Side.PARTNER, Side.PARTNER, Quantity.hours("6"), "repairs", soon());
    long b = food.trade().offer(ANA, REPAIR, Side.PARTNER, Side.PARTNER, Quantity.hours("5"), "repairs", soon());
    food.trade().accept(ANA, a, Side.US);
    rejected(food, () -> food.trade().accept(ANA, b, Side.US), LimitExceededException.class,
        "This collective would owe fixit-cafe 11 hours once this and the trades already accepted are delivered, over"
            + " the credit line of 10 hours (agreement \"exchange\")");
    long c = food.trade().offer(ANA, REPAIR, Side.US, Side.US, Quantity.kilograms("51"), "flour", soon());
    rejected(food, () -> food.trade().accept(ANA, c, Side.PARTNER), LimitExceededException.class,
        "fixit-cafe would owe 51 kg");
  }

  @Test
  void badTradeCommandsChangeNothing() {
    Collective food = network.get(FOOD);
    rejected(food, () -> food.trade().offer(ANA, REPAIR, Side.US, Side.US, Quantity.items(2), "jars", soon()),
        InvalidQuantityException.class, "has no credit line in items; it trades in [hours, kg]");
    rejected(food, () -> food.trade().offer(ANA, CollectiveId.of("strangers"), Side.US, Side.US,
        Quantity.hours("1"), "x", soon()), RejectedCommandException.class, "no exchange agreement with strangers");
    rejected(food, () -> food.trade().agree(ANA, FOOD, EXCHANGE, List.of()), NotPermittedException.class,
        "cannot trade with itself");
    rejected(food, () -> food.trade().agree(ANA, CARE, AgreementId.of("none"), List.of()),
        NotPermittedException.class, "Agreement \"none\" is not in force");
    long t = food.trade().offer(ANA, REPAIR, Side.US, Side.US, Quantity.hours("1"), "sorting", soon());
    rejected(food, () -> food.trade().accept(ANA, t, Side.US), NotPermittedException.class,
        "only the other side accepts it");
    rejected(food, () -> food.trade().fulfil(ANA, t, Side.US), ConflictException.class, "is offered");
    food.trade().accept(ANA, t, Side.PARTNER);
    rejected(food, () -> food.trade().fulfil(ANA, t, Side.PARTNER), NotPermittedException.class,
        "Only the giving side, this collective");
    food.trade().fulfil(ANA, t, Side.US);
    rejected(food, () -> food.trade().acknowledge(ANA, t, Side.US), NotPermittedException.class,
        "Only the receiving side, fixit-cafe");

    long late = food.trade().offer(ANA, REPAIR, Side.US, Side.US, Quantity.hours("1"), "sorting", soon());
    clock.advance(Duration.ofDays(4));
    rejected(food, () -> food.trade().accept(ANA, late, Side.PARTNER), ExpiredException.class, "expired at");
  }

  @Test
  void aCycleOfDebtIsClearedOnEveryLedgerAndNoNetPositionChanges() {
    trade(REPAIR, FOOD, Quantity.hours("5")); // food owes repair 5
    trade(CARE, REPAIR, Quantity.hours("3")); // repair owes care 3
    trade(FOOD, CARE, Quantity.hours("4")); // care owes food 4
    Map<CollectiveId, BigDecimal> before = new LinkedHashMap<>();
    network.keySet().forEach(id -> before.put(id, net(id, Unit.HOURS)));

    List<Debt> debts = new ArrayList<>();
    network.values().forEach(c -> debts.addAll(c.trade().debts()));
    assertThat(debts).hasSize(3);
    Clearing.Result result = Clearing.clear("2026-03", debts);
    assertThat(result.cycles()).hasSize(1);
    assertThat(result.cycles().get(0).amount()).isEqualByComparingTo("3");
    for (Map.Entry<CollectiveId, Collective> c : network.entrySet()) {
      List<Clearing.Leg> legs = result.legsFor(c.getKey());
      assertThat(legs).hasSize(1);
      c.getValue().trade().recordClearing(ANA, legs.get(0));
      assertThat(net(c.getKey(), Unit.HOURS)).isEqualByComparingTo(before.get(c.getKey()));
    }
    List<Debt> after = new ArrayList<>();
    network.values().forEach(c -> after.addAll(c.trade().debts()));
    assertThat(after).containsExactlyInAnyOrderElementsOf(result.remaining());
    assertThat(after).containsExactlyInAnyOrder(new Debt(FOOD, REPAIR, Unit.HOURS, new BigDecimal("2")),
        new Debt(CARE, FOOD, Unit.HOURS, new BigDecimal("1")));

    Collective food = network.get(FOOD);
    Clearing.Leg leg = result.legsFor(FOOD).get(0);
    rejected(food, () -> food.trade().recordClearing(ANA, leg), ConflictException.class, "already on this ledger");
    rejected(food, () -> food.trade().recordClearing(ANA, new Clearing.Leg("again", Unit.HOURS, new BigDecimal("2"),
        CARE, REPAIR)), RejectedCommandException.class, "little-hands owes this collective 1 hours, less than the 2");
  }

  @Test
  void theRedundancyMapShowsWhoCompensatesWhenAPartnerFalters() {
    Collective food = network.get(FOOD);
    food.trade().declareCoverage(ANA, Need.REPAIR, List.of(REPAIR, CARE));
    food.trade().declareCoverage(ANA, Need.CARE, List.of(CARE));
    food.trade().declareCoverage(ANA, Need.TRANSPORT, List.of());
    RedundancyMap map = food.trade().redundancy();
    assertThat(map.uncovered()).containsExactly(Need.TRANSPORT);
    assertThat(map.fragile()).containsExactly(Need.CARE);
    assertThat(map.ifFalters(CARE)).containsEntry(Need.REPAIR, List.of(REPAIR)).containsEntry(Need.CARE, List.of());
    // Two partners falter at once: neither covers what the other covered.
    assertThat(map.whileFaltering(List.of(CARE, REPAIR))).isEqualTo(java.util.Map.of(
        CARE, java.util.Map.of(Need.REPAIR, List.of(), Need.CARE, List.of()),
        REPAIR, java.util.Map.of(Need.REPAIR, List.of())));
    assertThat(map.whileFaltering(List.of(REPAIR))).isEqualTo(java.util.Map.of(REPAIR, java.util.Map.of(Need.REPAIR,
        List.of(CARE))));
    assertThat(map.whileFaltering(List.of())).isEmpty();
    rejected(food, () -> food.trade().declareCoverage(ANA, Need.FOOD, List.of(CollectiveId.of("strangers"))),
        RejectedCommandException.class, "no exchange agreement with strangers");
  }

  @Test
  void aPartnerMirroringTheLedgerReachesTheSameStateAndRefusesEntriesOutOfOrder() {
    trade(REPAIR, FOOD, Quantity.hours("5"));
    Collective food = network.get(FOOD);
    Replica mirror = new Replica();
    List<Entry> entries = food.ledger().entries(0, food.ledger().size());
    assertThatThrownBy(() -> mirror.apply(entries.get(1))).isInstanceOf(RejectedCommandException.class)
        .hasMessageContaining("starting at entry 0");
    entries.forEach(mirror::apply);
    // The mirror knows members only by their handles, never by name; trades and balances are the same.
    assertThat(mirror.state().exchanges()).isEqualTo(food.state().exchanges());
    assertThat(mirror.state().members()).hasSameSizeAs(food.state().members())
        .allSatisfy((id, m) -> assertThat(m.appearance()).isEqualTo(Appearance.onlyInAggregates()));
    assertThat(mirror.size()).isEqualTo(food.ledger().size());
  }
}
