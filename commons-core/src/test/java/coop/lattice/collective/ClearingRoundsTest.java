package coop.lattice.collective;

import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidExchangeException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.TooEarlyException;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Response;
import coop.lattice.collective.ClearingRound.Stage;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Debt;
import coop.lattice.exchange.RoundId;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.ClearingEvents;
import coop.lattice.ledger.ClearingEvents.Commitment;
import coop.lattice.ledger.ClearingEvents.RoundPrepared;
import coop.lattice.ledger.ClearingEvents.Statement;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Entry;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A clearing round between a food co-op (coordinator), a repair café and a childcare co-op, each
 * owing the next, step by step on their three ledgers as their nodes would take the steps; and
 * every step that breaks a rule refused with nothing appended.
 */
class ClearingRoundsTest {
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final CollectiveId FOOD = CollectiveId.of("food");
  static final CollectiveId FIXIT = CollectiveId.of("fixit");
  static final CollectiveId CARE = CollectiveId.of("care");

  final SteppingClock clock = SteppingClock.startingAt("2026-12-01T10:00:00Z", Duration.ZERO);

  /** A collective trading with {@code partners}, joining rounds if {@code joins}. */
  Collective collective(CollectiveId id, boolean joins, CollectiveId... partners) {
    Collective c = Collective.found(id, id.value(), ANA, Appearance.byName("Ana"), LedgerStore.inMemory(),
        CollectiveKey.fromSeed(new byte[32]), clock);
    c.admit(ANA, BO, Appearance.byName("Bo"));
    AgreementId exchange = AgreementId.of("exchange");
    AgreementTerms.Builder terms = AgreementTerms.builder(exchange, "Exchange").text("We trade and clear.")
        .scope("trade").reviewOn(LocalDate.of(2027, 12, 1)).rule(DecisionRule.consent(Duration.ofDays(7)));
    long p = c.agreements().propose(ANA, (joins ? terms.set("clearing-rounds", "join") : terms).build(), "");
    c.agreements().respond(BO, p, Response.CONSENT, "");
    clock.advance(Duration.ofDays(8));
    c.agreements().decide(ANA, p, "adopted");
    for (CollectiveId partner : partners) {
      c.trade().agree(ANA, partner, exchange, List.of(CreditLine.of(Unit.KILOGRAMS, "50", "50")));
      c.trade().appointRelay(ANA, partner, BO, clock.instant().plus(Duration.ofDays(60)));
    }
    return c;
  }

  /** {@code creditor} gives {@code debtor} {@code kg} through every step, recorded on both ledgers. */
  void owe(Collective debtor, Collective creditor, String kg) {
    Instant expires = clock.instant().plus(Duration.ofDays(2));
    long offer = creditor.trade().offer(ANA, debtor.id(), Side.US, Side.US, Quantity.kilograms(kg), "goods", expires);
    long copy = debtor.trade().relayOffer(BO, TradeId.of(creditor.id(), offer), Side.PARTNER, Quantity.kilograms(kg),
        "goods", expires);
    debtor.trade().accept(ANA, copy, Side.US);
    creditor.trade().accept(BO, offer, Side.PARTNER);
    creditor.trade().fulfil(ANA, offer, Side.US);
    debtor.trade().fulfil(BO, copy, Side.PARTNER);
    debtor.trade().acknowledge(ANA, copy, Side.US);
    creditor.trade().acknowledge(BO, offer, Side.PARTNER);
  }

  /**
   * The co-op, the café and the childcare co-op (who joins rounds if {@code careJoins}), partners of
   * each other, each owing the next: the co-op the café 5 kg, the café the childcare co-op 3 kg, the
   * childcare co-op the co-op 4 kg.
   */
  List<Collective> triangle(boolean careJoins) {
    Collective food = collective(FOOD, true, FIXIT, CARE);
    Collective fixit = collective(FIXIT, true, FOOD, CARE);
    Collective care = collective(CARE, careJoins, FOOD, FIXIT);
    owe(food, fixit, "5");
    owe(fixit, care, "3");
    owe(care, food, "4");
    return List.of(food, fixit, care);
  }

  static BigDecimal balance(Collective c, CollectiveId partner) {
    return c.trade().partnership(partner).orElseThrow().balance().getOrDefault(Unit.KILOGRAMS, BigDecimal.ZERO);
  }

  static Statement statement(Collective c, RoundId round) {
    ClearingRound r = c.clearing().round(round).orElseThrow();
    return new Statement(c.id(), r.entry(), c.ledger().leafHash(r.entry()), r.owes());
  }

  static RoundPrepared prepared(Collective coordinator, long entry) {
    return (RoundPrepared) coordinator.ledger().entry(entry).event();
  }

  @Test
  void aRoundClearsTheCycleOnEveryLedgerOnlyOnceItCompletes() {
    List<Collective> three = triangle(true);
    Collective food = three.get(0);
    Collective fixit = three.get(1);
    Collective care = three.get(2);

    RoundId round = food.clearing().propose(ANA, List.of(FIXIT, CARE), clock.instant().plus(Duration.ofHours(1)));
    ClearingRound proposed = food.clearing().round(round).orElseThrow();
    fixit.clearing().join(BO, round, proposed.invited(), proposed.closes());
    care.clearing().join(BO, round, proposed.invited(), proposed.closes());
    assertThat(fixit.clearing().round(round).orElseThrow().owes())
        .containsExactly(new Debt(FIXIT, CARE, Unit.KILOGRAMS, new BigDecimal("3")));

    long prep = food.clearing().prepare(ANA, round, List.of(statement(fixit, round), statement(care, round))).sequence();
    RoundPrepared p = prepared(food, prep);
    assertThat(p.cycles()).hasSize(1);
    assertThat(p.cycles().get(0).amount()).isEqualByComparingTo("3");
    assertThat(p.cycles().get(0).id()).isEqualTo("food-r" + round.entry() + "-1");
    assertThat(RoundId.parse(round.toString())).isEqualTo(round);
    assertThatThrownBy(() -> RoundId.parse("food#3"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a clearing round is written");
    List<Commitment> commitments = new ArrayList<>();
    for (Collective c : List.of(food, fixit, care)) {
      Entry e = c.clearing().commit(c == food ? ANA : BO, round, food.ledger().leafHash(prep), p).orElseThrow();
      commitments.add(new Commitment(c.id(), e.sequence()));
      assertThat(c.clearing().round(round).orElseThrow().stage()).isEqualTo(Stage.COMMITTED);
    }
    // Committed legs are provisional: no balance has moved yet.
    assertThat(balance(food, FIXIT)).isEqualByComparingTo("-5");
    assertThat(balance(fixit, FOOD)).isEqualByComparingTo("5");

    rejected(food, () -> food.clearing().complete(ANA, round, commitments.subList(0, 2)),
        InvalidExchangeException.class, "completes with a commitment from each collective with a leg");
    long completed = food.clearing().complete(ANA, round, commitments).sequence();
    fixit.clearing().settle(BO, round, completed);
    care.clearing().settle(BO, round, completed);

    // 3 kg off each debt on the cycle, on both sides of each.
    assertThat(balance(food, FIXIT)).isEqualByComparingTo("-2");
    assertThat(balance(fixit, FOOD)).isEqualByComparingTo("2");
    assertThat(balance(fixit, CARE)).isEqualByComparingTo("0");
    assertThat(balance(care, FIXIT)).isEqualByComparingTo("0");
    assertThat(balance(care, FOOD)).isEqualByComparingTo("-1");
    assertThat(balance(food, CARE)).isEqualByComparingTo("1");
    assertThat(food.clearing().round(round).orElseThrow().stage()).isEqualTo(Stage.COMPLETED);
    assertThat(fixit.clearing().round(round).orElseThrow().stage()).isEqualTo(Stage.SETTLED);

    // Done once: no step of the round can be taken again.
    rejected(fixit, () -> fixit.clearing().settle(BO, round, completed), ConflictException.class, "is settled");
    rejected(food, () -> food.clearing().complete(ANA, round, commitments), ConflictException.class, "is completed");
    rejected(care, () -> care.clearing().lapse(BO, round, List.of(), "late"), ConflictException.class,
        "cannot lapse");
  }

  @Test
  void everyStepThatBreaksARuleIsRefusedAndChangesNothing() {
    List<Collective> three = triangle(false);
    Collective food = three.get(0);
    Collective fixit = three.get(1);
    Collective care = three.get(2);
    Instant closes = clock.instant().plus(Duration.ofHours(1));

    rejected(food, () -> food.clearing().propose(ANA, List.of(FIXIT, FIXIT), closes), InvalidExchangeException.class,
        "fixit is named twice");
    rejected(food, () -> food.clearing().propose(ANA, List.of(CollectiveId.of("stranger")), closes),
        coop.lattice.NoPartnershipException.class, "no exchange agreement with stranger");
    rejected(food, () -> food.clearing().propose(ANA, List.of(FIXIT), clock.instant()), ExpiredException.class,
        "not after now");
    rejected(food, () -> food.clearing().propose(ANA, List.of(FIXIT), clock.instant().plus(Duration.ofDays(31))),
        InvalidExchangeException.class, "within 30 days");

    RoundId round = food.clearing().propose(ANA, List.of(FIXIT, CARE), closes);
    // The childcare co-op's agreements do not let it join: it declines instead.
    rejected(care, () -> care.clearing().join(BO, round, List.of(FIXIT, CARE), closes), NotPermittedException.class,
        "clearing-rounds is decline");
    // A statement that is not what the balances say is refused: the entry proves what it states.
    rejected(fixit, () -> fixit.submit(BO, new ClearingEvents.RoundJoined(round, List.of(FIXIT, CARE), closes,
        List.of(new Debt(FIXIT, CARE, Unit.KILOGRAMS, new BigDecimal("1"))))), InvalidExchangeException.class,
        "not what the balances say");
    rejected(fixit, () -> fixit.clearing().join(BO, round, List.of(CARE), closes), NotPermittedException.class,
        "did not invite this collective");
    rejected(fixit, () -> fixit.clearing().join(ANA, round, List.of(FIXIT, CARE), closes), NotPermittedException.class,
        "recorded only by the member appointed to relay them (bo), not by ana");
    rejected(food, () -> food.clearing().join(ANA, round, List.of(FIXIT, CARE), closes), NotPermittedException.class,
        "coordinates it");
    fixit.clearing().join(BO, round, List.of(FIXIT, CARE), closes);
    care.clearing().decline(BO, round, "our agreements do not let us join clearing rounds");
    rejected(fixit, () -> fixit.clearing().join(BO, round, List.of(FIXIT, CARE), closes), ConflictException.class,
        "answered already");

    // Prepared with cycles the statements do not give: refused by the coordinator's own fold.
    Statement fromFixit = statement(fixit, round);
    rejected(food, () -> food.submit(ANA, new RoundPrepared(round.entry(), List.of(fromFixit), List.of(
        new Debt(FOOD, FIXIT, Unit.KILOGRAMS, new BigDecimal("5"))), List.of(new coop.lattice.exchange.Clearing.Cycle(
            "food-r1-1", Unit.KILOGRAMS, BigDecimal.ONE, List.of(FOOD, FIXIT))))), InvalidExchangeException.class,
        "not the ones its statements give");
    long prep = food.clearing().prepare(ANA, round, List.of(fromFixit)).sequence();
    RoundPrepared p = prepared(food, prep);
    assertThat(p.cycles()).as("no cycle between two collectives that both owe one way").isEmpty();
    assertThat(fixit.clearing().commit(BO, round, food.ledger().leafHash(prep), p)).as("nothing to commit").isEmpty();

    // A preparation that alters the café's statement: the café does not commit to it.
    RoundPrepared altered = new RoundPrepared(p.proposal(), List.of(new Statement(FIXIT, fromFixit.entry(),
        fromFixit.leaf(), List.of())), p.owes(), p.cycles());
    rejected(fixit, () -> fixit.clearing().commit(BO, round, food.ledger().leafHash(prep), altered),
        InvalidExchangeException.class, "does not hold this collective's statement");
    // Settling a round declined, or lapsing one before it closes on one's own: refused.
    rejected(care, () -> care.clearing().settle(BO, round, prep + 1), ConflictException.class,
        "is declined, so it cannot be settled");
    rejected(fixit, () -> fixit.clearing().lapse(BO, round, List.of(), "tired"), TooEarlyException.class,
        "only its coordinator can let it lapse");
  }

  @Test
  void aRoundNotCompletedInTimeLapsesOnEveryLedgerAndLeavesEveryBalanceAsItWas() {
    List<Collective> three = triangle(true);
    Collective food = three.get(0);
    Collective fixit = three.get(1);
    Collective care = three.get(2);
    RoundId round = food.clearing().propose(ANA, List.of(FIXIT, CARE), clock.instant().plus(Duration.ofHours(1)));
    ClearingRound proposed = food.clearing().round(round).orElseThrow();
    fixit.clearing().join(BO, round, proposed.invited(), proposed.closes());
    care.clearing().join(BO, round, proposed.invited(), proposed.closes());
    long prep = food.clearing().prepare(ANA, round, List.of(statement(fixit, round), statement(care, round))).sequence();
    RoundPrepared p = prepared(food, prep);
    food.clearing().commit(ANA, round, food.ledger().leafHash(prep), p);
    fixit.clearing().commit(BO, round, food.ledger().leafHash(prep), p);
    // The childcare co-op never commits; the round closes.
    clock.advance(Duration.ofHours(1));
    rejected(care, () -> care.clearing().commit(BO, round, food.ledger().leafHash(prep), p), ExpiredException.class,
        "it can only lapse now");
    rejected(food, () -> food.clearing().complete(ANA, round, List.of()), ExpiredException.class, "closed at");
    food.clearing().lapse(ANA, round, List.of(CARE), "care did not commit before the round closed");
    fixit.clearing().lapse(BO, round, List.of(), "the coordinator did not complete the round before it closed");
    care.clearing().lapse(BO, round, List.of(), "the round closed");

    assertThat(food.clearing().round(round).orElseThrow().silent()).containsExactly(CARE);
    for (Collective c : List.of(food, fixit, care)) {
      assertThat(c.clearing().round(round).orElseThrow().stage()).isEqualTo(Stage.LAPSED);
    }
    assertThat(balance(food, FIXIT)).isEqualByComparingTo("-5");
    assertThat(balance(fixit, FOOD)).isEqualByComparingTo("5");
    assertThat(balance(fixit, CARE)).isEqualByComparingTo("-3");
    assertThat(balance(care, FOOD)).isEqualByComparingTo("-4");
  }

  @Test
  void legsCommittedInARoundStillOpenAreReservedAndNoOtherRoundClearsTheSameDebts() {
    List<Collective> three = triangle(true);
    Collective food = three.get(0);
    Collective fixit = three.get(1);
    Collective care = three.get(2);
    Instant closes = clock.instant().plus(Duration.ofHours(1));
    // Two coordinators propose a round over the same triangle at the same moment; everyone joins both.
    RoundId first = food.clearing().propose(ANA, List.of(FIXIT, CARE), closes);
    RoundId second = fixit.clearing().propose(ANA, List.of(FOOD, CARE), closes);
    fixit.clearing().join(BO, first, List.of(FIXIT, CARE), closes);
    care.clearing().join(BO, first, List.of(FIXIT, CARE), closes);
    food.clearing().join(BO, second, List.of(FOOD, CARE), closes);
    care.clearing().join(BO, second, List.of(FOOD, CARE), closes);
    long p1 = food.clearing().prepare(ANA, first, List.of(statement(fixit, first), statement(care, first))).sequence();
    long p2 = fixit.clearing().prepare(ANA, second, List.of(statement(food, second), statement(care, second)))
        .sequence();
    RoundPrepared one = prepared(food, p1);
    RoundPrepared two = prepared(fixit, p2);
    food.clearing().commit(ANA, first, food.ledger().leafHash(p1), one);
    // The co-op's legs in the first round take the whole 3 kg the cycle allows: the second finds nothing left.
    rejected(food, () -> food.clearing().commit(BO, second, fixit.ledger().leafHash(p2), two), ConflictException.class,
        "and those committed in other open rounds");
  }
}
