package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.KEY;
import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidQuantityException;
import coop.lattice.LimitExceededException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.RejectedCommandException;
import coop.lattice.UnknownMemberException;
import coop.lattice.agreement.Parameter;
import coop.lattice.health.Indicator;
import coop.lattice.ledger.Appearance;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time bank: double entry, confirmation by the other side, hard limits from agreements. */
class TimeBankTest {
  static final LocalDate SATURDAY = LocalDate.of(2026, 3, 7);
  static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

  SteppingClock clock;
  Collective coop;
  TimeBank bank;

  @BeforeEach
  void found() {
    clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(1));
    coop = Collective.found(CollectiveId.of("childcare-coop"), "Childcare Co-op", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), KEY, clock);
    coop.admit(ANA, BO, Appearance.byName("Bo"));
    coop.admit(ANA, CY, Appearance.byName("Cy"));
    bank = coop.timeBank();
  }

  long give(MemberId provider, MemberId receiver, String hours, LocalDate served) {
    return bank.record(provider, provider, receiver, Quantity.hours(hours), served, "childcare");
  }

  @Test
  void hoursMoveOnlyWhenTheReceiverConfirmsAndBalancesSumToZero() {
    long t = give(BO, ANA, "2.5", MONDAY);
    assertThat(bank.balance(BO).total()).isZero();
    assertThat(bank.awaiting(ANA, clock.instant())).extracting(TimeTransfer::entry).containsExactly(t);

    bank.confirm(ANA, t);
    assertThat(bank.balance(BO).total()).isEqualByComparingTo("2.5");
    assertThat(bank.balance(ANA).total()).isEqualByComparingTo("-2.5");
    assertThat(bank.transfer(t).orElseThrow().status()).isEqualTo(TimeTransfer.Status.CONFIRMED);
    assertThat(sum()).isZero();
    assertThat(bank.history(CY)).isEmpty();
    assertThat(bank.history(BO)).hasSize(1);
  }

  BigDecimal sum() {
    return bank.balances().values().stream().map(HoursBalance::total).reduce(BigDecimal.ZERO, BigDecimal::add)
        .add(bank.collectiveAccount()).stripTrailingZeros();
  }

  @Test
  void badTransfersAreRefusedWithTheRuleAndChangeNothing() {
    rejected(coop, () -> give(BO, BO, "1", MONDAY), NotPermittedException.class, "cannot give time to themselves");
    rejected(coop, () -> bank.record(BO, BO, ANA, Quantity.kilograms("3"), MONDAY, ""),
        InvalidQuantityException.class, "The time bank counts hours");
    rejected(coop, () -> give(BO, ANA, "0", MONDAY), InvalidQuantityException.class, "must be more than zero");
    rejected(coop, () -> give(BO, ANA, "-2", MONDAY), InvalidQuantityException.class, "must be more than zero");
    rejected(coop, () -> bank.record(ANA, BO, ANA, Quantity.hours("1"), MONDAY, ""), NotPermittedException.class,
        "Only bo, the provider, records this transfer (the default while no agreement sets time-bank-recorded-by)");
    rejected(coop, () -> give(BO, ANA, "1", MONDAY.plusDays(3)), RejectedCommandException.class,
        "after today");
    rejected(coop, () -> give(BO, MemberId.of("zed"), "1", MONDAY), UnknownMemberException.class,
        "zed is not a member");

    long t = give(BO, ANA, "1", MONDAY);
    rejected(coop, () -> bank.confirm(BO, t), NotPermittedException.class, "Only ana, the other side of transfer");
    rejected(coop, () -> bank.confirm(CY, t), NotPermittedException.class, "Only ana");
    rejected(coop, () -> bank.confirm(ANA, 9999), RejectedCommandException.class,
        "no time-bank transfer at entry 9999");
    bank.confirm(ANA, t);
    rejected(coop, () -> bank.confirm(ANA, t), ConflictException.class, "already confirmed");
  }

  @Test
  void theDefaultLimitsAreHardAndTheMessageSaysWhereTheyComeFrom() {
    for (int i = 0; i < 20; i++) {
      bank.confirm(ANA, give(BO, ANA, "1", MONDAY));
    }
    assertThat(bank.balance(ANA).total()).isEqualByComparingTo("-20");
    rejected(coop, () -> give(BO, ANA, "0.5", MONDAY), LimitExceededException.class,
        "ana would owe 20.5 hours, over the debit limit of 20 hours (the default while no agreement sets"
            + " time-bank-debit-limit-hours)");

    rejected(coop, () -> give(ANA, BO, "40.5", MONDAY), LimitExceededException.class,
        "bo would owe 20.5 hours, over the debit limit of 20 hours");
    rejected(coop, () -> give(BO, CY, "20.5", MONDAY), LimitExceededException.class,
        "bo would hold 40.5 hours, over the credit limit of 40 hours (the default");

    // Limits are checked again when hours move: tightened after recording, the confirmation is refused.
    long t = give(CY, BO, "8", MONDAY);
    long u = give(CY, BO, "2", MONDAY);
    Adopt.adopt(coop, clock, ANA, Adopt.setting("credit-cap", Parameter.TIME_BANK_CREDIT_LIMIT_HOURS, "5"));
    rejected(coop, () -> bank.confirm(BO, t), LimitExceededException.class,
        "cy would hold 8 hours, over the credit limit of 5 hours (agreement \"credit-cap\")");
    bank.confirm(BO, u);
    assertThat(bank.balance(CY).total()).isEqualByComparingTo("2");
    assertThat(sum()).isZero();
  }

  @Test
  void anAgreementCanHaveTheReceiverRecordAndTheProviderConfirm() {
    Adopt.adopt(coop, clock, ANA, Adopt.setting("receiver-records", Parameter.TIME_BANK_RECORDED_BY, "receiver"));
    LocalDate today = LocalDate.of(2026, 3, 10);
    rejected(coop, () -> give(BO, ANA, "1", today), NotPermittedException.class,
        "Only ana, the receiver, records this transfer (agreement \"receiver-records\")");
    long t = bank.record(ANA, BO, ANA, Quantity.hours("1"), today, "");
    rejected(coop, () -> bank.confirm(ANA, t), NotPermittedException.class, "Only bo");
    bank.confirm(BO, t);
    assertThat(bank.balance(BO).total()).isEqualByComparingTo("1");
  }

  @Test
  void aTransferLeftUnconfirmedExpiresAndCanBeDeclined() {
    long t = give(BO, ANA, "1", MONDAY);
    long declined = give(BO, ANA, "1", MONDAY);
    bank.decline(ANA, declined, "that was a swap, not a gift of time");
    rejected(coop, () -> bank.confirm(ANA, declined), ConflictException.class, "already declined");
    clock.advance(Duration.ofDays(14));
    assertThat(bank.awaiting(ANA, clock.instant())).isEmpty();
    rejected(coop, () -> bank.confirm(ANA, t), ExpiredException.class, "had to be confirmed by");
    assertThat(bank.balance(ANA).total()).isZero();
  }

  @Test
  void startingHoursComeFromTheCollectivesOwnAccountOnlyWhenAnAgreementGivesThem() {
    rejected(coop, () -> bank.giveStartingHours(ANA, BO), NotPermittedException.class,
        "No agreement in force gives starting hours");
    Adopt.adopt(coop, clock, ANA, Adopt.setting("orientation", Parameter.TIME_BANK_STARTING_HOURS, "3"));
    rejected(coop, () -> bank.giveStartingHours(BO, BO), NotPermittedException.class, "Another member");
    bank.giveStartingHours(ANA, BO);
    rejected(coop, () -> bank.giveStartingHours(ANA, BO), ConflictException.class, "given once");
    assertThat(bank.balance(BO).total()).isEqualByComparingTo("3");
    assertThat(bank.collectiveAccount()).isEqualByComparingTo("-3");
    assertThat(sum()).isZero();
  }

  @Test
  void underWeekendReciprocityWeekendHoursAreOwedAsWeekendHours() {
    Adopt.adopt(coop, clock, ANA, Adopt.terms("weekends").set(Parameter.TIME_BANK_RECIPROCITY, "weekend")
        .set(Parameter.TIME_BANK_DEBIT_LIMIT_HOURS, new BigDecimal("4")).build());
    bank.confirm(ANA, give(BO, ANA, "4", SATURDAY));
    assertThat(bank.balance(ANA)).isEqualTo(new HoursBalance(BigDecimal.ZERO, new BigDecimal("-4")));
    // Ana owes 4 weekend hours: weekday work does not pay them back, and she cannot owe more weekend hours...
    bank.confirm(BO, give(ANA, BO, "2", SATURDAY.plusDays(2)));
    assertThat(bank.balance(ANA).weekend()).isEqualByComparingTo("-4");
    rejected(coop, () -> give(CY, ANA, "1", SATURDAY.plusDays(1)), LimitExceededException.class,
        "ana would owe 5 hours in weekend hours, over the debit limit of 4 hours (agreement \"weekends\")");
    // ...but weekend work does.
    bank.confirm(BO, give(ANA, BO, "3", SATURDAY.plusDays(1)));
    assertThat(bank.balance(ANA).weekend()).isEqualByComparingTo("-1");
    assertThat(sum()).isZero();
  }

  @Test
  void healthWarnsWhenManyAccountsSitAtTheirDebitLimit() {
    Adopt.adopt(coop, clock, ANA, Adopt.setting("small-limits", Parameter.TIME_BANK_DEBIT_LIMIT_HOURS, "2"));
    LocalDate day = LocalDate.of(2026, 3, 10);
    assertThat(coop.health(clock.instant()).indicators()).extracting(Indicator::name)
        .doesNotContain("time-bank-at-debit-limit");
    bank.confirm(ANA, give(BO, ANA, "1", day));
    assertThat(coop.health(clock.instant()).indicator("time-bank-at-debit-limit").crossed()).isTrue();
    assertThat(coop.health(clock.instant()).indicator("time-bank-at-credit-limit").crossed()).isFalse();
    assertThat(coop.agenda(clock.instant())).extracting(AgendaItem::subject).contains("time-bank-at-debit-limit");
    bank.confirm(BO, give(ANA, BO, "1", day));
    assertThat(coop.health(clock.instant()).indicator("time-bank-at-debit-limit").crossed()).isFalse();
  }

  @Test
  void theBalancesSurviveAReopenFromTheJournal(@TempDir Path dir) {
    LedgerStore journal = LedgerStore.fileJournal(dir);
    coop = Collective.found(CollectiveId.of("childcare-coop"), "Childcare Co-op", ANA, Appearance.byName("Ana"),
        journal, KEY, clock);
    coop.admit(ANA, BO, Appearance.byName("Bo"));
    bank = coop.timeBank();
    bank.confirm(ANA, give(BO, ANA, "1.25", MONDAY));
    give(BO, ANA, "2", MONDAY);
    CollectiveState before = coop.state();
    journal.close(); // one writer at a time: the journal is locked until then
    try (LedgerStore again = LedgerStore.fileJournal(dir)) {
      Collective reopened = Collective.open(again, KEY, clock);
      assertThat(reopened.state()).isEqualTo(before);
      assertThat(reopened.timeBank().balance(BO).total()).isEqualByComparingTo("1.25");
    }
  }
}
