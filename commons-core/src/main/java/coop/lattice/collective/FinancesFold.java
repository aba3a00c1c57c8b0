package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.InvalidMoneyException;
import coop.lattice.LimitExceededException;
import coop.lattice.MissingReceiptException;
import coop.lattice.NotPermittedException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.finance.AccountId;
import coop.lattice.finance.ApprovalRoute;
import coop.lattice.finance.BudgetLine;
import coop.lattice.finance.Category;
import coop.lattice.finance.Expense;
import coop.lattice.finance.Income;
import coop.lattice.finance.Money;
import coop.lattice.finance.Overdraft;
import coop.lattice.finance.Rate;
import coop.lattice.finance.ReceiptCheck;
import coop.lattice.finance.StatementLine;
import coop.lattice.internal.Names;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.FinanceEvents;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The open finances as a part of the fold: accounts in a currency, income and reimbursed expenses
 * by category, expense claims approved as the agreement in force at the claim says ({@link
 * ExpenseApprovals}), a month's budget, and balances that never go below zero unless an agreement
 * allows an overdraft. Not thread-safe: the collective guards the fold.
 */
final class FinancesFold implements SubFold {
  final Map<AccountId, AccountRecord> accounts = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
  final Map<Long, ExpenseRecord> claims = new LinkedHashMap<>();
  /** Each account's money in and out, in ledger order. */
  final Map<AccountId, List<Booking>> bookings = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
  /** Each account's plans, by month. */
  final Map<AccountId, Map<YearMonth, List<BudgetLine>>> budgets = new TreeMap<>((a, b) -> a.value()
      .compareTo(b.value()));
  private final ExpenseApprovals approvals = new ExpenseApprovals(this);

  /** Money booked in or out of an account; an expense's payee is its claimant. */
  record Booking(long entry, Instant time, StatementLine.Direction direction, Category category, Money amount,
      String text, coop.lattice.@Nullable MemberId payee) {
    YearMonth month() {
      return YearMonth.from(time.atZone(ZoneOffset.UTC));
    }
  }

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.Finances;
  }

  @Override
  public void check(Step s) {
    Event.Finances event = (Event.Finances) s.event();
    if (event instanceof FinanceEvents.AccountOpened o) {
      s.fold().membership.activeMember(s.author(), "open an account");
      Names.text("an account's name", o.name(), 120);
      if (o.name().isBlank()) {
        throw new InvalidMoneyException("An account needs a name, such as \"Bank account\" or \"Cash box\".");
      }
      Money.decimals(o.currency());
      if (accounts.containsKey(o.account())) {
        throw new ConflictException("There is already an account called " + o.account() + ".");
      }
    } else if (event instanceof FinanceEvents.IncomeRecorded r) {
      s.fold().membership.activeMember(s.author(), "record income");
      Income i = r.income();
      booked(s, i.account(), i.amount(), i.rate(), i.category());
    } else if (event instanceof FinanceEvents.ExpenseClaimed c) {
      s.fold().membership.activeMember(s.author(), "claim an expense");
      checkClaim(s, c);
    } else if (event instanceof FinanceEvents.ExpenseReimbursed r) {
      checkReimbursed(s, r);
    } else if (event instanceof FinanceEvents.BudgetPlanned b) {
      s.fold().membership.activeMember(s.author(), "plan a budget");
      checkBudget(s, b);
    } else {
      approvals.check(s, event);
    }
  }

  /** What {@code amount} books as in {@code account}, if the account, the currency and the category fit. */
  private Money booked(Step s, AccountId account, Money amount, @Nullable Rate rate, Category category) {
    AccountRecord a = account(account);
    List<String> declared = s.parameters().get(Parameter.FINANCE_CATEGORIES);
    if (!declared.isEmpty() && !declared.contains(category.value())) {
      throw new UnknownReferenceException("\"" + category + "\" is not one of the categories the collective books in"
          + " (" + String.join(", ", declared) + ", " + s.parameters().describeSource(Parameter.FINANCE_CATEGORIES)
          + "): choose one of them, or amend the agreement.");
    }
    return Rate.booked(amount, rate, a.currency());
  }

  private void checkClaim(Step s, FinanceEvents.ExpenseClaimed c) {
    Expense e = c.expense();
    Money booked = booked(s, e.account(), e.amount(), e.rate(), e.category());
    Parameters p = s.parameters();
    if (p.source(Parameter.FINANCE_APPROVAL_THRESHOLD).isEmpty()) {
      throw new NotPermittedException("No agreement in force says how expenses are approved: adopt one that sets "
          + Parameter.FINANCE_APPROVAL_THRESHOLD.name() + " (its decision rule decides the expenses above it) before"
          + " claiming one.");
    }
    Receipts receipts = s.fold().receipts();
    if (s.isCommand() && receipts.kept() && receipts.check(c.receipt()) != ReceiptCheck.INTACT) {
      throw new MissingReceiptException("An expense is claimed with its receipt: finances().claim keeps the receipt's"
          + " file beside the journal and puts its SHA-256 on the ledger; the collective keeps no receipt with the"
          + " SHA-256 " + c.receipt().hex() + ".");
    }
    for (ExpenseRecord x : claims.values()) {
      if (x.receipt().equals(c.receipt()) && x.status() != ExpenseRecord.Status.DECLINED) {
        throw new ConflictException("This receipt was already claimed at entry " + x.entry() + " (" + x.expense()
            .description() + "); a receipt is reimbursed once.");
      }
    }
    AccountRecord a = account(e.account());
    Money committed = Money.zero(a.currency());
    for (ExpenseRecord x : claims.values()) {
      if (x.expense().account().equals(a.id())
          && (x.status() == ExpenseRecord.Status.OPEN || x.status() == ExpenseRecord.Status.APPROVED)) {
        committed = committed.plus(x.booked());
      }
    }
    if (!Overdraft.allows(a.balance().minus(committed), booked, p.get(Parameter.FINANCE_OVERDRAFT))) {
      throw new LimitExceededException("Account " + a.id() + " holds " + a.balance() + ", and the claims still open or"
          + " waiting to be reimbursed ask " + committed + " of it: a claim for " + booked + " would take it below "
          + floor(a, p) + ". Claim less, or record the income first.");
    }
  }

  private void checkReimbursed(Step s, FinanceEvents.ExpenseReimbursed r) {
    ExpenseRecord c = claim(r.claim());
    s.fold().membership.activeMember(s.author(), "reimburse an expense");
    if (c.status() != ExpenseRecord.Status.APPROVED) {
      throw new ConflictException("Claim " + c.entry() + " is " + ExpenseApprovals.name(c.status()) + ", so it cannot"
          + " be reimbursed now" + (c.status() == ExpenseRecord.Status.OPEN ? ": it is approved first." : "."));
    }
    if (s.author().equals(c.claimant())) {
      throw new NotPermittedException("Claim " + c.entry() + " is the claimant's own: another member reimburses it.");
    }
    AccountRecord a = account(c.expense().account());
    Parameters p = s.parameters();
    if (!Overdraft.allows(a.balance(), c.booked(), p.get(Parameter.FINANCE_OVERDRAFT))) {
      throw new LimitExceededException("Account " + a.id() + " holds " + a.balance() + "; reimbursing " + c.booked()
          + " would take it below " + floor(a, p) + ". Record the income first.");
    }
  }

  private static String floor(AccountRecord a, Parameters p) {
    java.math.BigDecimal limit = p.get(Parameter.FINANCE_OVERDRAFT);
    return limit.signum() == 0 ? "zero (no agreement allows an overdraft)"
        : new Money(limit, a.currency()).negate() + " (the overdraft " + p.describeSource(Parameter.FINANCE_OVERDRAFT)
            + " allows)";
  }

  private void checkBudget(Step s, FinanceEvents.BudgetPlanned b) {
    AccountRecord a = account(b.account());
    month(b.month());
    Set<Category> seen = new HashSet<>();
    for (BudgetLine l : b.lines()) {
      if (!l.amount().currency().equals(a.currency())) {
        throw new InvalidMoneyException("The plan for " + b.month() + " sets " + l.amount() + " for " + l.category()
            + ", not in the account's currency (" + a.currency() + "): plan in " + a.currency() + ".");
      }
      booked(s, a.id(), Money.zero(a.currency()), null, l.category()); // the category
      if (!seen.add(l.category())) {
        throw new InvalidMoneyException("The plan for " + b.month() + " sets " + l.category() + " twice; one line a"
            + " category.");
      }
    }
  }

  static YearMonth month(String month) {
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new InvalidMoneyException("\"" + month + "\" is not a month: write it as 2027-03.");
    }
  }

  AccountRecord account(AccountId id) {
    AccountRecord a = accounts.get(id);
    if (a == null) {
      throw new UnknownReferenceException("There is no account called " + id + ": open it first.");
    }
    return a;
  }

  ExpenseRecord claim(long ref) {
    ExpenseRecord c = claims.get(ref);
    if (c == null) {
      throw new UnknownReferenceException("There is no expense claim at entry " + ref + ".");
    }
    return c;
  }

  @Override
  public void apply(Step s) {
    Event.Finances event = (Event.Finances) s.event();
    if (event instanceof FinanceEvents.AccountOpened o) {
      accounts.put(o.account(), new AccountRecord(o.account(), o.name(), o.currency(), Money.zero(o.currency()),
          Money.zero(o.currency())));
      bookings.put(o.account(), new ArrayList<>());
    } else if (event instanceof FinanceEvents.IncomeRecorded r) {
      Income i = r.income();
      AccountRecord a = accounts.get(i.account());
      Money booked = Rate.booked(i.amount(), i.rate(), a.currency());
      accounts.put(a.id(), new AccountRecord(a.id(), a.name(), a.currency(), a.income().plus(booked), a.expenses()));
      bookings.get(a.id()).add(new Booking(s.sequence(), s.time(), StatementLine.Direction.IN, i.category(), booked,
          i.note(), null));
    } else if (event instanceof FinanceEvents.ExpenseClaimed c) {
      claims.put(s.sequence(), claimed(s, c));
    } else if (event instanceof FinanceEvents.ExpenseReimbursed r) {
      ExpenseRecord c = claims.get(r.claim());
      claims.put(c.entry(), c.with(c.responses(), ExpenseRecord.Status.REIMBURSED, s.sequence()));
      AccountRecord a = accounts.get(c.expense().account());
      accounts.put(a.id(), new AccountRecord(a.id(), a.name(), a.currency(), a.income(), a.expenses().plus(c.booked())));
      bookings.get(a.id()).add(new Booking(s.sequence(), s.time(), StatementLine.Direction.OUT, c.expense().category(),
          c.booked(), c.expense().description(), c.claimant()));
    } else if (event instanceof FinanceEvents.BudgetPlanned b) {
      budgets.computeIfAbsent(b.account(), k -> new TreeMap<>()).put(month(b.month()), b.lines());
    } else {
      approvals.apply(s, event);
    }
  }

  /** The claim as the agreement in force at {@code s} routes it. */
  private ExpenseRecord claimed(Step s, FinanceEvents.ExpenseClaimed c) {
    Expense e = c.expense();
    AccountRecord a = accounts.get(e.account());
    Money booked = Rate.booked(e.amount(), e.rate(), a.currency());
    Parameters p = s.parameters();
    ApprovalRoute route = ApprovalRoute.of(booked, p.get(Parameter.FINANCE_APPROVAL_THRESHOLD));
    @Nullable DecisionRule rule = null;
    @Nullable Instant closes = null;
    if (route == ApprovalRoute.DECISION_RULE) {
      AgreementId source = p.source(Parameter.FINANCE_APPROVAL_THRESHOLD).orElse(null);
      AgreementRecord agreement = source == null ? null : s.fold().governance.inForce(source, s.time());
      // Only an entry folded unchecked (a mirror's, naming a tag) can lack its agreement; it gets
      // the rule an agreement has when it names none.
      rule = agreement == null ? DecisionRule.consent(java.time.Duration.ofDays(7)) : agreement.terms().rule();
      closes = s.time().plus(rule.window());
    }
    return new ExpenseRecord(s.sequence(), e, booked, c.receipt(), s.author(), s.time(), route, rule, closes, Map.of(),
        ExpenseRecord.Status.OPEN, -1);
  }
}
