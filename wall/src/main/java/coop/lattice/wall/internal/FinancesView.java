package coop.lattice.wall.internal;

import coop.lattice.collective.AccountRecord;
import coop.lattice.collective.Collective;
import coop.lattice.collective.ExpenseRecord;
import coop.lattice.finance.BudgetReport;
import coop.lattice.finance.Money;
import coop.lattice.finance.StatementLine;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Open finances on the wall: each account's balance, this month's budget against its plan and the
 * month's statement (payees as they chose to appear, "a member" for those seen only in totals), and
 * the expenses waiting for approval or reimbursement, by what they are for, never by who claimed
 * them. Months are UTC months, as the finances count them. Nothing is ordered by who spent what:
 * the statement is in ledger order, budget rows by category.
 *
 * @param month the month shown
 * @param accounts each account, in the order it was opened
 * @param waiting expenses claimed and not yet reimbursed or declined, in ledger order
 */
public record FinancesView(YearMonth month, List<Account> accounts, List<Waiting> waiting) {
  private static final String HIDDEN = "a member";

  /** An account, its balance, its month's budget and statement. */
  public record Account(String name, String currency, Money balance, BudgetReport budget, List<Line> statement) {}

  /**
   * A line of the statement; {@code payee} as they chose to appear, null for one seen only in
   * totals, empty for money that came in.
   */
  public record Line(Instant time, boolean in, String category, Money amount, String text, @Nullable String payee) {}

  /** An expense waiting: what for, how much, and whether it is approved (to be reimbursed) or not yet. */
  public record Waiting(long entry, String description, String category, Money amount, boolean approved) {}

  static FinancesView of(Collective c, Instant now) {
    YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
    List<Account> accounts = c.finances().accounts().stream().map(a -> account(c, a, month)).toList();
    List<Waiting> waiting = c.finances().claims().stream()
        .filter(e -> e.status() == ExpenseRecord.Status.OPEN || e.status() == ExpenseRecord.Status.APPROVED)
        .map(e -> new Waiting(e.entry(), e.expense().description(), e.expense().category().value(), e.booked(),
            e.status() == ExpenseRecord.Status.APPROVED))
        .toList();
    return new FinancesView(month, accounts, waiting);
  }

  private static Account account(Collective c, AccountRecord a, YearMonth month) {
    return new Account(a.name(), a.currency(), a.balance(), c.finances().budget(a.id(), month),
        c.finances().statement(a.id(), month).stream().map(FinancesView::line).toList());
  }

  private static Line line(StatementLine l) {
    // The finances name a payee seen only in totals "a member", in English; the page says it in the reader's words.
    String payee = l.payee().equals(HIDDEN) ? null : l.payee();
    return new Line(l.time(), l.direction() == StatementLine.Direction.IN, l.category().value(), l.amount(), l.text(),
        payee);
  }
}
