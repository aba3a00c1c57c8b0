package coop.lattice.examples.readme;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.collective.Collective;
import coop.lattice.finance.AccountId;
import coop.lattice.finance.BudgetLine;
import coop.lattice.finance.BudgetReport;
import coop.lattice.finance.Category;
import coop.lattice.finance.Expense;
import coop.lattice.finance.Income;
import coop.lattice.finance.Money;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The README's finances snippet: a small expense approved by one other member, a large one decided by consent. */
final class OpenFinances {
  private OpenFinances() {}

  // snippet:start finances
  static BudgetReport keepTheBooksOpen() {
    SteppingClock clock = SteppingClock.startingAt("2027-03-01T18:00:00Z", Duration.ofMinutes(1));
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    MemberId cy = MemberId.of("cy");
    Collective coop = Collective.found(CollectiveId.of("fixit-cafe"), "Fixit Repair Café", ana,
        Appearance.byName("Ana"), LedgerStore.inMemory(), CollectiveKey.generate(), clock);
    coop.admit(ana, bo, Appearance.byName("Bo"));
    coop.admit(ana, cy, Appearance.onlyInAggregates());
    long p = coop.agreements().propose(ana, AgreementTerms.builder(AgreementId.of("money"), "Our money")
        .reviewOn(LocalDate.of(2028, 3, 1)).rule(DecisionRule.consent(Duration.ofDays(3)))
        .set(Parameter.FINANCE_APPROVAL_THRESHOLD, new BigDecimal("50"))   // up to 50: one other member
        .set(Parameter.FINANCE_CATEGORIES, List.of("dues", "tools", "rent")).build(), "");
    coop.agreements().respond(bo, p, Response.CONSENT, "");
    coop.agreements().respond(cy, p, Response.CONSENT, "");
    clock.advance(Duration.ofDays(4));
    coop.agreements().decide(ana, p, "adopted");

    AccountId bank = AccountId.of("bank");
    coop.finances().openAccount(ana, bank, "Bank account", "EUR");
    coop.finances().recordIncome(ana, Income.of(bank, Money.of("300", "EUR"), Category.of("dues"), "March dues"));
    coop.finances().planBudget(ana, bank, YearMonth.of(2027, 3), List.of(
        BudgetLine.of("tools", Money.of("150", "EUR")), BudgetLine.of("rent", Money.of("100", "EUR"))));

    long solder = coop.finances().claim(bo, Expense.of(bank, Money.of("18.40", "EUR"), Category.of("tools"),
        "Solder and flux"), "Hardware Hub: 18.40".getBytes(StandardCharsets.UTF_8));   // the receipt's file
    coop.finances().approve(ana, solder);                // one member other than bo
    coop.finances().reimburse(ana, solder);
    long station = coop.finances().claim(cy, Expense.of(bank, Money.of("120", "EUR"), Category.of("tools"),
        "A soldering station"), "Tools & Co: 120.00".getBytes(StandardCharsets.UTF_8));
    coop.finances().respond(ana, station, Response.CONSENT, "");   // above 50: the agreement's rule, consent
    coop.finances().respond(bo, station, Response.CONSENT, "");
    clock.advance(Duration.ofDays(3));
    coop.finances().decide(bo, station);
    coop.finances().reimburse(bo, station);

    coop.finances().statement(bank, YearMonth.of(2027, 3)).forEach(line -> System.out.println(line.direction()
        + " " + line.amount() + " " + line.category() + " " + line.payee()));   // cy is "a member"
    System.out.println("balance " + coop.finances().account(bank).orElseThrow().balance());
    return coop.finances().budget(bank, YearMonth.of(2027, 3));
  }
  // snippet:end
}
