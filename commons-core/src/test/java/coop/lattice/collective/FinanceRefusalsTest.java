package coop.lattice.collective;

import static coop.lattice.collective.FinanceFixture.BANK;
import static coop.lattice.collective.FinanceFixture.MARCH;
import static coop.lattice.collective.FinanceFixture.RECEIPT;
import static coop.lattice.collective.FinanceFixture.money;
import static coop.lattice.collective.FinanceFixture.receipt;
import static coop.lattice.collective.FinanceFixture.refused;
import static coop.lattice.collective.FinanceFixture.solder;
import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.ConflictException;
import coop.lattice.InvalidMoneyException;
import coop.lattice.LimitExceededException;
import coop.lattice.MissingReceiptException;
import coop.lattice.NotPermittedException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.finance.AccountId;
import coop.lattice.finance.BudgetLine;
import coop.lattice.finance.Category;
import coop.lattice.finance.Expense;
import coop.lattice.finance.Income;
import coop.lattice.finance.Money;
import coop.lattice.finance.Rate;
import coop.lattice.ledger.FinanceEvents;
import coop.lattice.merkle.Hash;
import coop.lattice.store.FileJournal;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 2: every bad input to the finances is a clear error that names what was wrong, and
 * nothing is appended: the ledger's size and root, the collective's state and its finances are as
 * they were, and no receipt is left beside the journal for a refused claim.
 */
class FinanceRefusalsTest {
  final SteppingClock clock = SteppingClock.startingAt("2027-03-01T09:00:00Z", Duration.ofMinutes(1));
  @TempDir Path dir;

  @Test
  void badInputIsRefusedWithNothingAppended() throws IOException {
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = FinanceFixture.found(journal, clock);
      coop.finances().openAccount(ANA, BANK, "Bank account", "EUR");
      coop.finances().recordIncome(CY, Income.of(BANK, Money.of("100", "EUR"), Category.of("dues"), "Dues"));
      refused(coop, () -> coop.finances().claim(BO, solder("10"), RECEIPT), NotPermittedException.class,
          "No agreement in force says how expenses are approved");
      Adopt.adopt(coop, clock, ANA, money("50").set(Parameter.FINANCE_CATEGORIES.name(), "dues,tools,food").build());

      // an expense without a receipt, by either path
      refused(coop, () -> coop.finances().claim(BO, solder("10"), new byte[0]), MissingReceiptException.class,
          "has none");
      refused(coop, () -> coop.submit(BO, new FinanceEvents.ExpenseClaimed(solder("10"), Hash.sha256(RECEIPT))),
          MissingReceiptException.class, "keeps no receipt with the SHA-256");
      // in another currency than the account's, without a rate (or with one that does not fit)
      refused(coop, () -> coop.finances().claim(BO, solder("10").withAmount(Money.of("10", "CHF")), RECEIPT),
          InvalidMoneyException.class, "give the rate it was converted at, from CHF to EUR");
      refused(coop, () -> coop.finances().claim(BO, solder("10").withAmount(Money.of("10", "CHF"))
          .at(Rate.of("CHF", "USD", "1.1")), RECEIPT), InvalidMoneyException.class, "the account is kept in EUR");
      // over the balance
      refused(coop, () -> coop.finances().claim(BO, solder("100.01"), RECEIPT), LimitExceededException.class,
          "would take it below zero");
      // an unknown account, an unknown category when categories are declared
      refused(coop, () -> coop.finances().claim(BO, Expense.of(AccountId.of("till"), Money.of("1", "EUR"),
          Category.of("tools"), "x"), RECEIPT), UnknownReferenceException.class, "no account called till");
      refused(coop, () -> coop.finances().claim(BO, Expense.of(BANK, Money.of("1", "EUR"), Category.of("travel"),
          "Bus"), RECEIPT), UnknownReferenceException.class, "not one of the categories");
      assertThat(journal.privateArea().names()).as("no receipt kept for a refused claim")
          .noneMatch(n -> n.startsWith("receipt-"));

      long claim = coop.finances().claim(BO, solder("18.40"), RECEIPT);
      // approved by its own claimant, approved twice, claimed twice
      refused(coop, () -> coop.finances().approve(BO, claim), NotPermittedException.class, "the claimant never");
      refused(coop, () -> coop.finances().reimburse(ANA, claim), ConflictException.class, "approved first");
      refused(coop, () -> coop.finances().respond(CY, claim, Response.CONSENT, ""), NotPermittedException.class,
          "approve it instead");
      coop.finances().approve(CY, claim);
      refused(coop, () -> coop.finances().approve(ANA, claim), ConflictException.class, "already approved");
      refused(coop, () -> coop.finances().claim(CY, solder("18.40"), RECEIPT), ConflictException.class,
          "already claimed at entry " + claim);
      refused(coop, () -> coop.finances().reimburse(BO, claim), NotPermittedException.class, "another member");
      refused(coop, () -> coop.finances().approve(CY, 3), UnknownReferenceException.class, "no expense claim at entry 3");
      assertThat(journal.privateArea().names()).filteredOn(n -> n.startsWith("receipt-")).hasSize(1);

      // a large claim: the claimant does not respond, nobody responds twice
      long large = coop.finances().claim(CY, solder("60").withAmount(Money.of("60", "EUR")), receipt("60 of tools"));
      refused(coop, () -> coop.finances().respond(CY, large, Response.CONSENT, ""), NotPermittedException.class,
          "the claimant never");
      coop.finances().respond(ANA, large, Response.CONSENT, "");
      refused(coop, () -> coop.finances().respond(ANA, large, Response.CONSENT, ""), ConflictException.class,
          "already responded");
      refused(coop, () -> coop.finances().respond(BO, large, Response.VOTE_FOR, ""),
          coop.lattice.InvalidAgreementException.class, "does not take vote for");

      // a budget in another currency, a category twice, not a month
      refused(coop, () -> coop.finances().planBudget(ANA, BANK, MARCH, List.of(BudgetLine.of("tools",
          Money.of("5", "USD")))), InvalidMoneyException.class, "not in the account's currency");
      refused(coop, () -> coop.finances().planBudget(ANA, BANK, MARCH, List.of(BudgetLine.of("tools",
          Money.of("5", "EUR")), BudgetLine.of("tools", Money.of("6", "EUR")))), InvalidMoneyException.class, "twice");
      refused(coop, () -> coop.submit(ANA, new FinanceEvents.BudgetPlanned(BANK, "March", List.of())),
          InvalidMoneyException.class, "write it as 2027-03");
      // an account twice, in no currency
      refused(coop, () -> coop.finances().openAccount(ANA, BANK, "Again", "EUR"), ConflictException.class,
          "already an account called bank");
      refused(coop, () -> coop.finances().openAccount(ANA, AccountId.of("gold"), "Gold", "XAU"),
          InvalidMoneyException.class, "no minor unit");
    }
  }

  @Test
  void moneyThatCannotBeBookedIsRefusedBeforeItReachesTheCollective() {
    Collective coop = FinanceFixture.funded(LedgerStore.inMemory(), clock, money("50").build());
    // zero, negative, more decimals than the currency has, not a currency: refused as they are written
    refused(coop, () -> coop.finances().claim(BO, solder("0"), RECEIPT), InvalidMoneyException.class,
        "must be more than zero");
    refused(coop, () -> coop.finances().recordIncome(BO, Income.of(BANK, Money.of("-5", "EUR"), Category.of("dues"),
        "")), InvalidMoneyException.class, "must be more than zero");
    refused(coop, () -> coop.finances().claim(BO, solder("1.234"), RECEIPT), InvalidMoneyException.class,
        "more decimals than EUR has (2)");
    refused(coop, () -> Money.of("1.5", "JPY"), InvalidMoneyException.class, "at most 0 decimals");
    refused(coop, () -> Money.of("1", "EURO"), InvalidMoneyException.class, "not an ISO 4217 currency code");
    refused(coop, () -> Money.of("twelve", "EUR"), InvalidMoneyException.class, "not an amount");
    refused(coop, () -> Rate.of("EUR", "CHF", "0"), InvalidMoneyException.class, "more than zero");
    refused(coop, () -> coop.finances().recordIncome(BO, Income.of(BANK, Money.of("5", "EUR"), Category.of("dues"),
        "").at(Rate.of("CHF", "EUR", "1"))), InvalidMoneyException.class, "leave the rate out");
  }
}
