package coop.lattice.ledger;

import coop.lattice.agreement.Outcome;
import coop.lattice.agreement.Response;
import coop.lattice.finance.AccountId;
import coop.lattice.finance.BudgetLine;
import coop.lattice.finance.Expense;
import coop.lattice.finance.Income;
import coop.lattice.merkle.Hash;
import java.util.List;

/**
 * The open finances' events ({@link Event.Finances}): an account opened in a currency, income
 * booked, an expense claimed with its receipt's SHA-256, approved by one other member or decided
 * under the agreement's rule, reimbursed, and a month's budget planned. Like every event, the
 * record and component names are part of the ledger format. The author of a claim is its claimant
 * (the payee of its reimbursement), named on the ledger by handle or tag like every author.
 */
public final class FinanceEvents {
  private FinanceEvents() {}

  /** An account is opened, kept in the ISO 4217 {@code currency}. */
  public record AccountOpened(AccountId account, String name, String currency) implements Event.Finances {}

  /** Money came in. */
  public record IncomeRecorded(Income income) implements Event.Finances {}

  /**
   * The author claims reimbursement of {@code expense}, which they paid; {@code receipt} is the
   * SHA-256 of the receipt's file, which the collective keeps beside its journal.
   */
  public record ExpenseClaimed(Expense expense, Hash receipt) implements Event.Finances {}

  /** The author, a member other than the claimant, approves the claim at entry {@code claim} (under the threshold). */
  public record ExpenseApproved(long claim) implements Event.Finances {}

  /** The author responds to the claim at entry {@code claim}, decided under the agreement's rule (above the threshold). */
  public record ExpenseResponded(long claim, Response response, String reason) implements Event.Finances {
    public ExpenseResponded {
      coop.lattice.internal.Names.text("a response's reason", reason, 2000);
    }
  }

  /** The claim at entry {@code claim} is decided, after its window, as its rule and the responses give. */
  public record ExpenseDecided(long claim, Outcome outcome) implements Event.Finances {}

  /** The author, a member other than the claimant, reimbursed the approved claim at entry {@code claim}. */
  public record ExpenseReimbursed(long claim) implements Event.Finances {}

  /** A month's plan for an account ({@code month} as {@code 2027-03}); it replaces any earlier plan for that month. */
  public record BudgetPlanned(AccountId account, String month, List<BudgetLine> lines) implements Event.Finances {
    public BudgetPlanned {
      lines = List.copyOf(lines);
    }
  }
}
