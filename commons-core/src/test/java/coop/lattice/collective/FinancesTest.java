package coop.lattice.collective;

import static coop.lattice.collective.FinanceFixture.BANK;
import static coop.lattice.collective.FinanceFixture.MARCH;
import static coop.lattice.collective.FinanceFixture.RECEIPT;
import static coop.lattice.collective.FinanceFixture.money;
import static coop.lattice.collective.FinanceFixture.receipt;
import static coop.lattice.collective.FinanceFixture.refused;
import static coop.lattice.collective.FinanceFixture.solder;
import static coop.lattice.collective.FinanceFixture.views;
import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.DEE;
import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.ConflictException;
import coop.lattice.LimitExceededException;
import coop.lattice.MissingReceiptException;
import coop.lattice.NotPermittedException;
import coop.lattice.TooEarlyException;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Outcome;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.finance.ApprovalRoute;
import coop.lattice.finance.BudgetLine;
import coop.lattice.finance.BudgetReport;
import coop.lattice.finance.Category;
import coop.lattice.finance.Expense;
import coop.lattice.finance.Income;
import coop.lattice.finance.Money;
import coop.lattice.finance.Rate;
import coop.lattice.finance.ReceiptCheck;
import coop.lattice.finance.StatementLine;
import coop.lattice.ledger.Entry;
import coop.lattice.merkle.Hash;
import coop.lattice.privacy.Pseudonyms;
import coop.lattice.store.FileJournal;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 2: open finances through the ledger and the fold, under the agreements in force:
 * accounts, income and expenses by category, claims with receipts kept beside the journal,
 * approval by one other member or by the agreement's rule, reimbursement, the month's budget, and
 * every bad input refused with nothing appended.
 */
class FinancesTest {
  final SteppingClock clock = SteppingClock.startingAt("2027-03-01T09:00:00Z", Duration.ofMinutes(1));
  @TempDir Path dir;

  Collective found(LedgerStore store) {
    return FinanceFixture.found(store, clock);
  }

  Collective funded(LedgerStore store, AgreementTerms agreement) {
    return FinanceFixture.funded(store, clock, agreement);
  }

  @Test
  void aSmallExpenseIsClaimedApprovedByAnotherMemberAndReimbursed() throws IOException {
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = funded(journal, money("50").build());
      long claim = coop.finances().claim(BO, solder("18.40"), RECEIPT);
      ExpenseRecord open = coop.finances().claim(claim).orElseThrow();
      assertThat(open.route()).isEqualTo(ApprovalRoute.ONE_OTHER_MEMBER);
      assertThat(open.receipt()).isEqualTo(Hash.sha256(RECEIPT));
      assertThat(open.status()).isEqualTo(ExpenseRecord.Status.OPEN);

      coop.finances().approve(CY, claim);
      assertThat(coop.finances().claim(claim).orElseThrow().status()).isEqualTo(ExpenseRecord.Status.APPROVED);
      assertThat(coop.finances().account(BANK).orElseThrow().balance()).as("approved is not yet paid")
          .isEqualTo(Money.of("200", "EUR"));
      coop.finances().reimburse(ANA, claim);

      AccountRecord bank = coop.finances().account(BANK).orElseThrow();
      assertThat(bank.income()).isEqualTo(Money.of("200.00", "EUR"));
      assertThat(bank.expenses()).isEqualTo(Money.of("18.40", "EUR"));
      assertThat(bank.balance()).isEqualTo(Money.of("181.60", "EUR"));
      assertThat(coop.finances().expenses(BANK, MARCH)).containsExactly(Map.entry(Category.of("tools"),
          Money.of("18.40", "EUR")));
      assertThat(coop.finances().income(BANK, MARCH)).containsExactly(Map.entry(Category.of("dues"),
          Money.of("200", "EUR")));
      assertThat(coop.finances().statement(BANK, MARCH)).extracting(StatementLine::direction, StatementLine::amount,
          StatementLine::payee).containsExactly(
              org.assertj.core.groups.Tuple.tuple(StatementLine.Direction.IN, Money.of("200", "EUR"), ""),
              org.assertj.core.groups.Tuple.tuple(StatementLine.Direction.OUT, Money.of("18.40", "EUR"), "bo-the-baker"));
      assertThat(coop.finances().checkReceipt(claim)).isEqualTo(ReceiptCheck.INTACT);
      assertThat(coop.finances().receipt(ANA, claim)).isEqualTo(RECEIPT);
      assertThat(Files.exists(dir.resolve("private").resolve(Receipts.file(Hash.sha256(RECEIPT))))).isTrue();
      assertThat(new String(Files.readAllBytes(dir.resolve("private").resolve(Receipts.file(Hash.sha256(RECEIPT)))),
          StandardCharsets.ISO_8859_1)).as("sealed beside the journal, not in the clear").doesNotContain("Hardware Hub");
    }
  }

  @Test
  void aLargeExpenseIsDecidedUnderTheAgreementsRule() {
    Collective coop = funded(LedgerStore.inMemory(), money("50").build());
    long claim = coop.finances().claim(BO, solder("120"), RECEIPT);
    ExpenseRecord c = coop.finances().claim(claim).orElseThrow();
    assertThat(c.route()).isEqualTo(ApprovalRoute.DECISION_RULE);
    assertThat(c.rule()).isEqualTo(DecisionRule.consent(Duration.ofDays(2)));
    refused(coop, () -> coop.finances().approve(CY, claim), NotPermittedException.class, "respond to it instead");
    coop.finances().respond(CY, claim, Response.CONSENT, "");
    coop.finances().respond(DEE, claim, Response.CONCERN, "Could we borrow a soldering station instead?");
    refused(coop, () -> coop.finances().decide(ANA, claim), TooEarlyException.class, "decide after it closes");
    clock.advance(Duration.ofDays(2));
    coop.finances().decide(ANA, claim);
    assertThat(coop.finances().claim(claim).orElseThrow().status()).isEqualTo(ExpenseRecord.Status.APPROVED);

    long objected = coop.finances().claim(CY, Expense.of(BANK, Money.of("60", "EUR"), Category.of("food"), "Pizza"),
        receipt("Pizzeria, 60.00"));
    coop.finances().respond(ANA, objected, Response.OBJECTION, "Not from the shared account.");
    clock.advance(Duration.ofDays(2));
    refused(coop, () -> coop.finances().decide(BO, objected, Outcome.ADOPTED), ConflictException.class,
        "comes out not adopted");
    coop.finances().decide(BO, objected);
    assertThat(coop.finances().claim(objected).orElseThrow().status()).isEqualTo(ExpenseRecord.Status.DECLINED);
    refused(coop, () -> coop.finances().reimburse(ANA, objected), ConflictException.class, "declined");
  }

  @Test
  void moneyInAnotherCurrencyIsBookedAtTheRateWrittenDown() {
    Collective coop = funded(LedgerStore.inMemory(), money("50").build());
    long claim = coop.finances().claim(BO, solder("20.00").at(Rate.of("CHF", "EUR", "1.0712")).withAmount(
        Money.of("20.00", "CHF")), RECEIPT);
    assertThat(coop.finances().claim(claim).orElseThrow().booked()).isEqualTo(Money.of("21.42", "EUR"));
    coop.finances().recordIncome(ANA, Income.of(BANK, Money.of("1000", "JPY"), Category.of("sales"), "Visitors")
        .at(Rate.of("JPY", "EUR", "0.0061")));
    assertThat(coop.finances().income(BANK, MARCH).get(Category.of("sales"))).isEqualTo(Money.of("6.10", "EUR"));
  }

  @Test
  void theBalanceGoesBelowZeroOnlyAsFarAsAnAgreementAllows() {
    Collective coop = funded(LedgerStore.inMemory(), money("500").set(Parameter.FINANCE_OVERDRAFT.name(), "50")
        .build());
    long claim = coop.finances().claim(BO, solder("240"), RECEIPT);
    refused(coop, () -> coop.finances().claim(CY, solder("10.01").withAmount(Money.of("10.01", "EUR")),
        receipt("more")), LimitExceededException.class, "below -50.00 EUR (the overdraft agreement \"money\" allows)");
    coop.finances().approve(CY, claim);
    coop.finances().reimburse(ANA, claim);
    assertThat(coop.finances().account(BANK).orElseThrow().balance()).isEqualTo(Money.of("-40", "EUR"));
  }

  @Test
  void theBudgetOfAMonthStandsAgainstItsPlan() {
    Collective coop = funded(LedgerStore.inMemory(), money("50").build());
    coop.finances().planBudget(ANA, BANK, MARCH, List.of(BudgetLine.of("tools", Money.of("30", "EUR")),
        BudgetLine.of("rent", Money.of("100", "EUR"))));
    long claim = coop.finances().claim(BO, solder("18.40"), RECEIPT);
    coop.finances().approve(CY, claim);
    coop.finances().reimburse(ANA, claim);
    long pizza = coop.finances().claim(CY, Expense.of(BANK, Money.of("25", "EUR"), Category.of("food"), "Pizza"),
        receipt("Pizzeria 25"));
    coop.finances().approve(ANA, pizza);
    coop.finances().reimburse(BO, pizza);

    BudgetReport march = coop.finances().budget(BANK, MARCH);
    assertThat(march.rows()).extracting(r -> r.category().value(), BudgetReport.Row::planned, BudgetReport.Row::spent,
        BudgetReport.Row::left).containsExactly(
            org.assertj.core.groups.Tuple.tuple("food", Money.of("0", "EUR"), Money.of("25", "EUR"),
                Money.of("-25", "EUR")),
            org.assertj.core.groups.Tuple.tuple("rent", Money.of("100", "EUR"), Money.of("0", "EUR"),
                Money.of("100", "EUR")),
            org.assertj.core.groups.Tuple.tuple("tools", Money.of("30", "EUR"), Money.of("18.40", "EUR"),
                Money.of("11.60", "EUR")));
    assertThat(march.planned()).isEqualTo(Money.of("130", "EUR"));
    assertThat(march.spent()).isEqualTo(Money.of("43.40", "EUR"));
    assertThat(march.income()).isEqualTo(Money.of("200", "EUR"));
    assertThat(coop.finances().budget(BANK, MARCH.plusMonths(1)).rows()).isEmpty();
  }

  @Test
  void aPayeeWhoAppearsOnlyInAggregatesIsNeverNamed() {
    Collective coop = funded(LedgerStore.inMemory(), money("50").build());
    long claim = coop.finances().claim(DEE, solder("18.40"), RECEIPT);
    coop.finances().approve(CY, claim);
    Entry reimbursed = coop.finances().reimburse(ANA, claim);

    Entry claimed = coop.ledger().entry(claim);
    assertThat(Pseudonyms.isTag(claimed.author())).as("the claimant is a tag of that entry alone").isTrue();
    assertThat(Pseudonyms.isHandle(reimbursed.author())).isTrue();
    for (long i = 0; i < coop.ledger().size(); i++) {
      String bytes = new String(coop.ledger().entryBytes(i), StandardCharsets.UTF_8);
      assertThat(bytes).doesNotContain("\"dee\"", "\"ana\"", "\"cy\"");
    }
    List<StatementLine> statement = coop.finances().statement(BANK, MARCH);
    assertThat(statement).last().extracting(StatementLine::payee).isEqualTo("a member");
    assertThat(Stream.of(statement, coop.finances().budget(BANK, MARCH)).map(Object::toString))
        .noneMatch(s -> s.contains("dee") || s.contains("Dee"));
  }

  @Test
  void aReceiptThatWentMissingOrWasChangedIsFound() throws IOException {
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = funded(journal, money("50").build());
      long kept = coop.finances().claim(BO, solder("10"), RECEIPT);
      long lost = coop.finances().claim(CY, solder("11").withAmount(Money.of("11", "EUR")), receipt("lost one"));
      long changed = coop.finances().claim(ANA, solder("12").withAmount(Money.of("12", "EUR")), receipt("changed one"));
      Path privateDir = dir.resolve("private");
      Files.delete(privateDir.resolve(Receipts.file(Hash.sha256(receipt("lost one")))));
      Path changedFile = privateDir.resolve(Receipts.file(Hash.sha256(receipt("changed one"))));
      byte[] sealed = Files.readAllBytes(changedFile);
      sealed[sealed.length - 1] ^= 1;
      Files.write(changedFile, sealed);

      assertThat(coop.finances().checkReceipt(kept)).isEqualTo(ReceiptCheck.INTACT);
      assertThat(coop.finances().receiptProblems()).containsExactly(Map.entry(lost, ReceiptCheck.MISSING),
          Map.entry(changed, ReceiptCheck.ALTERED));
      assertThatThrownBy(() -> coop.finances().receipt(ANA, lost)).isInstanceOf(MissingReceiptException.class)
          .hasMessageContaining("missing");
      assertThatThrownBy(() -> coop.finances().receipt(BO, changed)).isInstanceOf(MissingReceiptException.class)
          .hasMessageContaining("no longer the one on the ledger");
    }
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective again = Collective.open(journal, KEY, clock);
      assertThat(again.finances().receiptProblems()).as("a reopen still opens, and still finds them").hasSize(2);
    }
  }

  /**
   * A partner's mirror folds the finances from the open ledger alone: it checks the rules on
   * entries that name handles (nobody approves their own claim), and folds the ones naming a tag
   * unchecked (docs/privacy.md).
   */
  @Test
  void aMirrorFoldsTheFinancesAndRefusesAClaimantsOwnApproval() {
    Collective coop = funded(LedgerStore.inMemory(), money("50").build());
    long tagged = coop.finances().claim(DEE, solder("10"), RECEIPT);
    coop.finances().approve(CY, tagged);
    coop.finances().reimburse(ANA, tagged);
    long claim = coop.finances().claim(BO, solder("12").withAmount(Money.of("12", "EUR")), receipt("12"));
    Entry approval = coop.finances().approve(CY, claim);
    List<Entry> copy = coop.ledger().entries(0, coop.ledger().size());
    assertThat(Replica.of(coop.ledger()).size()).isEqualTo(copy.size());

    Replica mirror = new Replica();
    copy.subList(0, (int) approval.sequence()).forEach(mirror::apply);
    Entry byClaimant = new Entry(approval.sequence(), approval.time(), approval.collective(),
        coop.ledger().entry(claim).author(), approval.event(), approval.previous());
    assertThatThrownBy(() -> mirror.apply(byClaimant)).isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("the claimant never approves it");
  }

  @Test
  void aMigratedCollectiveKeepsItsReceipts() {
    LedgerStore from = LedgerStore.inMemory();
    Collective coop = funded(from, money("50").build());
    long claim = coop.finances().claim(BO, solder("18.40"), RECEIPT);
    Collective migrated = Migration.migrate(from, LedgerStore.inMemory(), KEY, clock);
    assertThat(views(migrated)).isEqualTo(views(coop));
    assertThat(migrated.finances().receipt(CY, claim)).isEqualTo(RECEIPT);
  }

  @Test
  void aReopenedJournalGivesTheSameFinances() throws IOException {
    List<Object> before;
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = funded(journal, money("50").build());
      coop.finances().planBudget(ANA, BANK, MARCH, List.of(BudgetLine.of("tools", Money.of("30", "EUR"))));
      long small = coop.finances().claim(BO, solder("18.40"), RECEIPT);
      coop.finances().approve(CY, small);
      coop.finances().reimburse(ANA, small);
      long large = coop.finances().claim(DEE, solder("70").withAmount(Money.of("70", "EUR")), receipt("70"));
      coop.finances().respond(ANA, large, Response.CONSENT, "");
      before = views(coop);
    }
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective again = Collective.open(journal, KEY, clock);
      assertThat(views(again)).isEqualTo(before);
    }
  }
}
