package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.CY;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Parameter;
import coop.lattice.finance.AccountId;
import coop.lattice.finance.Category;
import coop.lattice.finance.Expense;
import coop.lattice.finance.Income;
import coop.lattice.finance.Money;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The fixture the finance tests share: a repair café, its finances agreement, a funded bank account. */
final class FinanceFixture {
  static final AccountId BANK = AccountId.of("bank");
  static final YearMonth MARCH = YearMonth.of(2027, 3);
  static final byte[] RECEIPT = "Hardware Hub, 2027-03-01: solder 12.40, flux 6.00".getBytes(StandardCharsets.UTF_8);

  static Collective found(LedgerStore store, SteppingClock clock) {
    return People.fixitCafe(store, clock);
  }

  /** The finances agreement: expenses up to {@code threshold} EUR by one other member, above it by consent in 2 days. */
  static AgreementTerms.Builder money(String threshold) {
    return Adopt.terms("money").rule(DecisionRule.consent(Duration.ofDays(2)))
        .set(Parameter.FINANCE_APPROVAL_THRESHOLD.name(), threshold);
  }

  /** A collective with the agreement adopted, a bank account in EUR and 200 EUR of dues in it. */
  static Collective funded(LedgerStore store, SteppingClock clock, AgreementTerms agreement) {
    Collective coop = found(store, clock);
    Adopt.adopt(coop, clock, ANA, agreement);
    coop.finances().openAccount(ANA, BANK, "Bank account", "EUR");
    coop.finances().recordIncome(CY, Income.of(BANK, Money.of("200", "EUR"), Category.of("dues"), "March dues"));
    return coop;
  }

  static Expense solder(String amount) {
    return Expense.of(BANK, Money.of(amount, "EUR"), Category.of("tools"), "Solder and flux");
  }

  static byte[] receipt(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** What the finances show, to compare before and after a refusal or a reopen. */
  static List<Object> views(Collective coop) {
    return List.of(coop.finances().accounts(), coop.finances().claims(), coop.finances().statement(BANK, MARCH),
        coop.finances().budget(BANK, MARCH), coop.finances().receiptProblems());
  }

  /** A clear error of {@code type} saying {@code says}; nothing appended, the finances as they were. */
  static void refused(Collective coop, ThrowingCallable command, Class<? extends RuntimeException> type, String says) {
    List<Object> before = views(coop);
    Rejections.rejected(coop, command, type, says);
    assertThat(views(coop)).isEqualTo(before);
  }

  private FinanceFixture() {}
}
