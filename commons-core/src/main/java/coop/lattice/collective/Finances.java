package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.MissingReceiptException;
import coop.lattice.NotPermittedException;
import coop.lattice.agreement.Outcome;
import coop.lattice.agreement.Response;
import coop.lattice.finance.AccountId;
import coop.lattice.finance.BudgetLine;
import coop.lattice.finance.BudgetReport;
import coop.lattice.finance.Category;
import coop.lattice.finance.Expense;
import coop.lattice.finance.Income;
import coop.lattice.finance.Money;
import coop.lattice.finance.ReceiptCheck;
import coop.lattice.finance.StatementLine;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.FinanceEvents;
import coop.lattice.merkle.Hash;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The collective's open finances, as ledger entries: accounts kept in an ISO 4217 currency, income
 * and expenses by category, expense claims with their receipts, approved as the agreements in
 * force say, reimbursed, and a public budget per month against the plan. Obtained from {@link
 * Collective#finances()}.
 *
 * <p>Everyone sees the finances: every amount, category, description and balance is on the open
 * ledger. A claimant (the payee of a reimbursement) appears there as the author of the claim, by
 * handle or, for a member who appears only in aggregates, by a tag of that entry alone; {@link
 * #statement} names them as they chose to appear, and such a member as "a member". A receipt's file
 * is kept beside the journal, sealed (it may carry an address); its SHA-256 is on the ledger, so
 * whoever is shown the receipt can check it, and {@link #checkReceipt} finds one that went missing
 * or was changed.
 *
 * <p>The agreements in force set the rules ({@code docs/finances.md}): an expense up to {@code
 * finance-approval-threshold} is approved by one member other than the claimant; above it the
 * members other than the claimant decide it under the decision rule of the agreement that sets the
 * threshold; no expense is claimed until an agreement sets it. A balance never goes below zero
 * unless {@code finance-overdraft} allows it; {@code finance-categories}, when set, lists the
 * categories money is booked in. A command that breaks a rule is refused with a {@link
 * coop.lattice.RejectedCommandException} that says why, and nothing is appended.
 *
 * <pre>{@code
 * AccountId bank = AccountId.of("bank");
 * coop.finances().openAccount(ana, bank, "Bank account", "EUR");
 * coop.finances().recordIncome(ana, Income.of(bank, Money.of("240.00", "EUR"), Category.of("dues"), "March dues"));
 * long claim = coop.finances().claim(bo, Expense.of(bank, Money.of("18.40", "EUR"), Category.of("tools"),
 *     "Solder and flux"), receiptBytes);
 * coop.finances().approve(cy, claim);      // one other member, under the threshold
 * coop.finances().reimburse(ana, claim);   // the money leaves the account
 * }</pre>
 */
public final class Finances {
  private final Collective collective;

  Finances(Collective collective) {
    this.collective = collective;
  }

  /** {@code by} opens an account kept in the ISO 4217 {@code currency}. */
  public Entry openAccount(MemberId by, AccountId account, String name, String currency) {
    return collective.submit(by, new FinanceEvents.AccountOpened(account, name, currency));
  }

  /**
   * {@code by} books money that came in.
   *
   * @return the income's reference: the index of its entry
   */
  public long recordIncome(MemberId by, Income income) {
    return collective.submit(by, new FinanceEvents.IncomeRecorded(income)).sequence();
  }

  /**
   * {@code claimant} claims reimbursement of {@code expense}, which they paid, with the file of its
   * {@code receipt} (a scan or a photograph): the collective keeps the file beside its journal,
   * durably and sealed, before the claim is appended with the file's SHA-256, and drops it again if
   * the claim is refused.
   *
   * @return the claim's reference: the index of its entry
   * @throws MissingReceiptException for an empty receipt
   */
  public long claim(MemberId claimant, Expense expense, byte[] receipt) {
    if (receipt.length == 0) {
      throw new MissingReceiptException("An expense is claimed with its receipt, and this claim for " + expense.amount()
          + " has none: scan or photograph the receipt and claim with its file.");
    }
    Receipts receipts = collective.read(Fold::receipts);
    Hash sha = Hash.sha256(receipt);
    return collective.appendKeeping(claimant, sequence -> {
      boolean kept = receipts.check(sha) == ReceiptCheck.INTACT;
      if (!kept) {
        receipts.keep(receipt);
      }
      return new Collective.Kept(new FinanceEvents.ExpenseClaimed(expense, sha), kept ? () -> {} : () ->
          receipts.drop(sha));
    }).sequence();
  }

  /** {@code by}, a member other than the claimant, approves the claim at entry {@code claim} (up to the threshold). */
  public Entry approve(MemberId by, long claim) {
    return collective.submit(by, new FinanceEvents.ExpenseApproved(claim));
  }

  /** {@code by}, a member other than the claimant, responds to a claim above the threshold, once, within its window. */
  public Entry respond(MemberId by, long claim, Response response, String reason) {
    return collective.submit(by, new FinanceEvents.ExpenseResponded(claim, response, reason));
  }

  /**
   * {@code by}, a member other than the claimant, records the decision on a claim above the
   * threshold once its window has closed: the outcome its rule gives with the responses given
   * (under an advice rule, adopted: use {@link #decide(MemberId, long, Outcome)} to decline).
   */
  public Entry decide(MemberId by, long claim) {
    Outcome outcome = collective.read(f -> {
      ExpenseRecord c = f.finances.claim(claim);
      return c.rule() == null ? Outcome.ADOPTED : ExpenseApprovals.outcome(f, c); // the fold refuses a small one
    });
    return decide(by, claim, outcome);
  }

  /** {@code by} records {@code outcome} for a claim above the threshold; it must be the one its rule gives, except under advice. */
  public Entry decide(MemberId by, long claim, Outcome outcome) {
    return collective.submit(by, new FinanceEvents.ExpenseDecided(claim, outcome));
  }

  /** {@code by}, a member other than the claimant, reimburses an approved claim: the money leaves its account. */
  public Entry reimburse(MemberId by, long claim) {
    return collective.submit(by, new FinanceEvents.ExpenseReimbursed(claim));
  }

  /** {@code by} records the plan for {@code month}; it replaces any earlier plan for that month. */
  public Entry planBudget(MemberId by, AccountId account, YearMonth month, List<BudgetLine> lines) {
    return collective.submit(by, new FinanceEvents.BudgetPlanned(account, month.toString(), lines));
  }

  // ---------------------------------------------------------------------------------- views

  public Optional<AccountRecord> account(AccountId id) {
    return collective.read(f -> Optional.ofNullable(f.finances.accounts.get(id)));
  }

  /** Every account, by id. */
  public List<AccountRecord> accounts() {
    return collective.read(f -> List.copyOf(f.finances.accounts.values()));
  }

  public Optional<ExpenseRecord> claim(long entry) {
    return collective.read(f -> Optional.ofNullable(f.finances.claims.get(entry)));
  }

  /** Every expense claim, oldest first. */
  public List<ExpenseRecord> claims() {
    return collective.read(f -> List.copyOf(f.finances.claims.values()));
  }

  /** What came in to {@code account} in {@code month} (UTC), by category. */
  public Map<Category, Money> income(AccountId account, YearMonth month) {
    return byCategory(account, month, StatementLine.Direction.IN);
  }

  /** What was reimbursed out of {@code account} in {@code month} (UTC), by category. */
  public Map<Category, Money> expenses(AccountId account, YearMonth month) {
    return byCategory(account, month, StatementLine.Direction.OUT);
  }

  private Map<Category, Money> byCategory(AccountId account, YearMonth month, StatementLine.Direction direction) {
    return collective.read(f -> {
      Map<Category, Money> out = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
      for (FinancesFold.Booking b : f.finances.bookings.getOrDefault(account, List.of())) {
        if (b.direction() == direction && b.month().equals(month)) {
          out.merge(b.category(), b.amount(), Money::plus);
        }
      }
      return Collections.unmodifiableMap(out);
    });
  }

  /** {@code account}'s budget for {@code month}: the plan (empty if none) against what was spent, and the month's income. */
  public BudgetReport budget(AccountId account, YearMonth month) {
    AccountRecord a = account(account).orElseThrow(() -> new coop.lattice.UnknownReferenceException("There is no"
        + " account called " + account + "."));
    List<BudgetLine> plan = collective.read(f -> f.finances.budgets.getOrDefault(account, Map.of())
        .getOrDefault(month, List.of()));
    Money income = income(account, month).values().stream().reduce(Money.zero(a.currency()), Money::plus);
    return BudgetReport.of(month, a.currency(), plan, expenses(account, month), income);
  }

  /**
   * {@code account}'s public statement for {@code month} (UTC), in ledger order: each payee as they
   * chose to appear, "a member" for one who appears only in aggregates.
   */
  public List<StatementLine> statement(AccountId account, YearMonth month) {
    return collective.read(f -> {
      List<StatementLine> out = new ArrayList<>();
      for (FinancesFold.Booking b : f.finances.bookings.getOrDefault(account, List.of())) {
        if (b.month().equals(month)) {
          String payee = b.payee() == null ? "" : shown(f.membership.members.get(b.payee()));
          out.add(new StatementLine(b.entry(), b.time(), b.direction(), b.category(), b.amount(), b.text(), payee));
        }
      }
      return List.copyOf(out);
    });
  }

  private static String shown(@org.jspecify.annotations.Nullable Member m) {
    Appearance a = m == null ? Appearance.onlyInAggregates() : m.appearance();
    return a.mode() == Appearance.Mode.AGGREGATES_ONLY ? "a member" : Objects.requireNonNull(a.shownAs());
  }

  /** Whether the receipt of the claim at entry {@code claim} is still kept beside the journal, unchanged. */
  public ReceiptCheck checkReceipt(long claim) {
    Hash sha = collective.read(f -> f.finances.claim(claim).receipt());
    return collective.read(Fold::receipts).check(sha);
  }

  /** Every claim whose receipt is missing or changed, by entry: empty when every receipt is intact. */
  public Map<Long, ReceiptCheck> receiptProblems() {
    Receipts receipts = collective.read(Fold::receipts);
    Map<Long, ReceiptCheck> out = new TreeMap<>();
    for (ExpenseRecord c : claims()) {
      ReceiptCheck check = receipts.check(c.receipt());
      if (check != ReceiptCheck.INTACT) {
        out.put(c.entry(), check);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The receipt of the claim at entry {@code claim}, for a member to see.
   *
   * @throws MissingReceiptException if it is missing or no longer the one on the ledger
   */
  public byte[] receipt(MemberId viewer, long claim) {
    collective.read(f -> f.membership.activeMember(viewer, "see a receipt"));
    Hash sha = collective.read(f -> f.finances.claim(claim).receipt());
    Receipts receipts = collective.read(Fold::receipts);
    ReceiptCheck check = receipts.check(sha);
    if (check != ReceiptCheck.INTACT) {
      throw new MissingReceiptException("The receipt of claim " + claim + " is " + (check == ReceiptCheck.MISSING
          ? "missing from beside the journal" : "no longer the one on the ledger (changed or damaged)") + ": restore"
          + " the private files from the backup taken with the journal.");
    }
    return receipts.read(sha).orElseThrow();
  }
}
