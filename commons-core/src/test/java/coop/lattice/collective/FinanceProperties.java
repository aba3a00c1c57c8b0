package coop.lattice.collective;

import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.RejectedCommandException;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.finance.AccountId;
import coop.lattice.finance.Category;
import coop.lattice.finance.Expense;
import coop.lattice.finance.Income;
import coop.lattice.finance.Money;
import coop.lattice.finance.StatementLine;
import coop.lattice.ledger.Appearance;
import coop.lattice.store.FileJournal;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * The laws of open finances, on random weeks of commands through the collective's API against a
 * file journal: each command is accepted exactly when a small reference model of the rules
 * (written here, from docs/finances.md) says so, approvals included, under the agreement in force
 * when each claim was made, which an amendment changes partway; income minus expenses is the
 * balance, which never goes below minus the overdraft; and reopening the journal gives the same
 * finances.
 */
class FinanceProperties {
  static final String START = "2027-03-01T09:00:00Z";
  static final AccountId BANK = AccountId.of("bank");
  /** How long members have to respond to a large claim, under the finances agreement's consent rule. */
  static final Duration WINDOW = Duration.ofHours(12);
  static final List<MemberId> MEMBERS = Stream.of("m0", "m1", "m2", "m3").map(MemberId::of).toList();
  static final List<Category> CATEGORIES = Stream.of("dues", "tools", "food").map(Category::of).toList();

  sealed interface Op {}

  record In(int cents, int category) implements Op {}

  record Claim(int who, int cents, int category) implements Op {}

  record Approve(int who, int claim) implements Op {}

  record Respond(int who, int claim, boolean object) implements Op {}

  record Decide(int who, int claim) implements Op {}

  record Reimburse(int who, int claim) implements Op {}

  record Wait(int hours) implements Op {}

  /** The finances agreement is amended: a new threshold, in whole euros. */
  record Amend(int threshold) implements Op {}

  record Scenario(int threshold, int overdraft, List<Op> ops) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Integer> who = Arbitraries.integers().between(0, MEMBERS.size() - 1);
    Arbitrary<Integer> claim = Arbitraries.integers().between(0, 3); // counted back from the latest claim
    Arbitrary<Integer> cents = Arbitraries.integers().between(1, 20_000)
        .withDistribution(net.jqwik.api.RandomDistribution.uniform());
    Arbitrary<Integer> category = Arbitraries.integers().between(0, CATEGORIES.size() - 1);
    Arbitrary<Op> op = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Combinators.combine(Arbitraries.integers().between(1, 40_000)
            .withDistribution(net.jqwik.api.RandomDistribution.uniform()), category).as(In::new)),
        net.jqwik.api.Tuple.of(4, Combinators.combine(who, cents, category).as(Claim::new)),
        net.jqwik.api.Tuple.of(3, Combinators.combine(who, claim).as(Approve::new)),
        net.jqwik.api.Tuple.of(3, Combinators.combine(who, claim, Arbitraries.of(false, false, true)).as(Respond::new)),
        net.jqwik.api.Tuple.of(2, Combinators.combine(who, claim).as(Decide::new)),
        net.jqwik.api.Tuple.of(3, Combinators.combine(who, claim).as(Reimburse::new)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 72).map(Wait::new)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 150).map(Amend::new)));
    return Combinators.combine(Arbitraries.integers().between(0, 150), Arbitraries.integers().between(0, 100),
        op.list().ofMinSize(5).ofMaxSize(60)).as(Scenario::new);
  }

  /** The rules of docs/finances.md, over whole cents, for one EUR account and members who all stay. */
  static final class Model {
    /** A claim as the model sees it. */
    static final class C {
      final long entry;
      final int claimant;
      final BigDecimal amount;
      final boolean small;
      final Instant closes;
      final Map<Integer, Boolean> objected = new HashMap<>();
      String status = "open";

      C(long entry, int claimant, BigDecimal amount, boolean small, Instant closes) {
        this.entry = entry;
        this.claimant = claimant;
        this.amount = amount;
        this.small = small;
        this.closes = closes;
      }
    }

    BigDecimal threshold;
    final BigDecimal overdraft;
    BigDecimal income = BigDecimal.ZERO;
    BigDecimal expenses = BigDecimal.ZERO;
    final List<C> claims = new ArrayList<>();

    Model(int threshold, int overdraft) {
      this.threshold = BigDecimal.valueOf(threshold);
      this.overdraft = BigDecimal.valueOf(overdraft);
    }

    BigDecimal balance() {
      return income.subtract(expenses);
    }

    boolean fits(BigDecimal held, BigDecimal amount) {
      return held.subtract(amount).add(overdraft).signum() >= 0;
    }

    boolean mayClaim(BigDecimal amount) {
      BigDecimal committed = claims.stream().filter(c -> c.status.equals("open") || c.status.equals("approved"))
          .map(c -> c.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      return fits(balance().subtract(committed), amount);
    }

    boolean mayApprove(C c, int who) {
      return c.small && c.status.equals("open") && who != c.claimant;
    }

    boolean mayRespond(C c, int who, Instant now) {
      return !c.small && c.status.equals("open") && who != c.claimant && now.isBefore(c.closes)
          && !c.objected.containsKey(who);
    }

    boolean mayDecide(C c, int who, Instant now) {
      return !c.small && c.status.equals("open") && who != c.claimant && !now.isBefore(c.closes);
    }

    boolean mayReimburse(C c, int who) {
      return c.status.equals("approved") && who != c.claimant && fits(balance(), c.amount);
    }
  }

  @Property(tries = 250, seed = "20271702")
  void everyCommandIsAcceptedExactlyAsTheRulesSayAndTheBooksBalance(@ForAll("scenarios") Scenario s) {
    play(LedgerStore.inMemory(), SteppingClock.startingAt(START, Duration.ZERO), s);
  }

  @Property(tries = 15, seed = "20271703")
  void reopeningTheFileJournalGivesTheSameFinances(@ForAll("scenarios") Scenario s) throws IOException {
    Path dir = Files.createTempDirectory("finances");
    SteppingClock clock = SteppingClock.startingAt(START, Duration.ZERO);
    try {
      List<Object> before;
      try (FileJournal journal = FileJournal.open(dir)) {
        before = views(play(journal, clock, s));
      }
      try (FileJournal journal = FileJournal.open(dir)) {
        assertThat(views(Collective.open(journal, KEY, clock))).isEqualTo(before);
      }
    } finally {
      delete(dir);
    }
  }

  /** Founds a collective in {@code store}, adopts the scenario's agreement, runs its commands, checking each. */
  static Collective play(LedgerStore store, SteppingClock clock, Scenario s) {
    Collective coop = Collective.found(CollectiveId.of("fixit"), "Fixit", MEMBERS.get(0), Appearance.byName("M0"),
        store, KEY, clock);
    for (MemberId m : MEMBERS.subList(1, MEMBERS.size())) {
      coop.admit(MEMBERS.get(0), m, m.value().equals("m3") ? Appearance.onlyInAggregates()
          : Appearance.byName(m.value().toUpperCase(java.util.Locale.ROOT)));
    }
    Adopt.adopt(coop, clock, MEMBERS.get(0), terms(s.threshold()).set(Parameter.FINANCE_OVERDRAFT.name(),
        String.valueOf(s.overdraft())).build());
    coop.finances().openAccount(MEMBERS.get(0), BANK, "Bank", "EUR");
    Model model = new Model(s.threshold(), s.overdraft());
    for (int i = 0; i < s.ops().size(); i++) {
      run(coop, clock, model, s.ops().get(i), i);
      AccountRecord bank = coop.finances().account(BANK).orElseThrow();
      assertThat(bank.income().amount()).isEqualByComparingTo(model.income);
      assertThat(bank.expenses().amount()).isEqualByComparingTo(model.expenses);
      assertThat(bank.balance().amount().add(model.overdraft).signum()).as("never below the overdraft")
          .isNotNegative();
    }
    AccountRecord bank = coop.finances().account(BANK).orElseThrow();
    assertThat(bank.balance()).isEqualTo(bank.income().minus(bank.expenses()));
    assertThat(sum(coop, StatementLine.Direction.IN)).as("income, line by line").isEqualTo(bank.income());
    assertThat(sum(coop, StatementLine.Direction.OUT)).as("expenses, line by line").isEqualTo(bank.expenses());
    assertThat(coop.finances().claims().stream().filter(c -> c.status() == ExpenseRecord.Status.REIMBURSED)
        .map(ExpenseRecord::booked).reduce(Money.zero("EUR"), Money::plus)).isEqualTo(bank.expenses());
    return coop;
  }

  static AgreementTerms.Builder terms(int threshold) {
    return Adopt.terms("money").rule(coop.lattice.agreement.DecisionRule.consent(WINDOW))
        .set(Parameter.FINANCE_APPROVAL_THRESHOLD.name(), String.valueOf(threshold));
  }

  /** Runs {@code op}; checks that it is accepted exactly when the model says, and refused with nothing appended. */
  static void run(Collective coop, SteppingClock clock, Model model, Op op, int index) {
    Instant now = clock.instant();
    long size = coop.ledger().size();
    Model.@Nullable C c = claimOf(model, op);
    boolean expected;
    if (op instanceof Claim cl) {
      expected = model.mayClaim(cents(cl.cents()));
    } else if (op instanceof Approve a) {
      expected = c != null && model.mayApprove(c, a.who());
    } else if (op instanceof Respond r) {
      expected = c != null && model.mayRespond(c, r.who(), now);
    } else if (op instanceof Decide d) {
      expected = c != null && model.mayDecide(c, d.who(), now);
    } else if (op instanceof Reimburse r) {
      expected = c != null && model.mayReimburse(c, r.who());
    } else {
      expected = true; // income, waiting, an amendment
    }
    boolean accepted;
    try {
      long entry = command(coop, clock, op, c, index);
      accepted = true;
      apply(model, op, c, entry, now);
    } catch (RejectedCommandException refused) {
      accepted = false;
      assertThat(coop.ledger().size()).as("nothing appended for " + op).isEqualTo(size);
    }
    assertThat(accepted).as(op + " accepted").isEqualTo(expected);
    net.jqwik.api.statistics.Statistics.collect(op.getClass().getSimpleName(), accepted ? "accepted" : "refused");
  }

  static Model.@Nullable C claimOf(Model model, Op op) {
    int pick = op instanceof Approve a ? a.claim() : op instanceof Respond r ? r.claim()
        : op instanceof Decide d ? d.claim() : op instanceof Reimburse r ? r.claim() : -1;
    int n = model.claims.size();
    return pick < 0 || n == 0 ? null : model.claims.get(n - 1 - pick % n);
  }

  /** The command for {@code op}; returns its entry. */
  static long command(Collective coop, SteppingClock clock, Op op, Model.@Nullable C c,
      int index) {
    Finances f = coop.finances();
    long ref = c == null ? 999_999 : c.entry;
    if (op instanceof In in) {
      return f.recordIncome(MEMBERS.get(1), Income.of(BANK, money(in.cents()), CATEGORIES.get(in.category()),
          "income " + index));
    } else if (op instanceof Claim cl) {
      return f.claim(MEMBERS.get(cl.who()), Expense.of(BANK, money(cl.cents()), CATEGORIES.get(cl.category()),
          "expense " + index), ("receipt " + index).getBytes(StandardCharsets.UTF_8));
    } else if (op instanceof Approve a) {
      return f.approve(MEMBERS.get(a.who()), ref).sequence();
    } else if (op instanceof Respond r) {
      return f.respond(MEMBERS.get(r.who()), ref, r.object() ? Response.OBJECTION : Response.CONSENT,
          r.object() ? "not now" : "").sequence();
    } else if (op instanceof Decide d) {
      return f.decide(MEMBERS.get(d.who()), ref).sequence();
    } else if (op instanceof Reimburse r) {
      return f.reimburse(MEMBERS.get(r.who()), ref).sequence();
    } else if (op instanceof Wait w) {
      clock.advance(Duration.ofHours(w.hours()));
      return -1;
    }
    Amend a = (Amend) op;
    AgreementRecord current = coop.agreements().agreement(AgreementId.of("money")).orElseThrow();
    AgreementTerms amended = current.terms().toBuilder()
        .set(Parameter.FINANCE_APPROVAL_THRESHOLD.name(), String.valueOf(a.threshold())).build();
    long p = coop.agreements().proposeAmendment(MEMBERS.get(0), current.hash(), amended, false, "a new threshold");
    for (MemberId m : MEMBERS.subList(1, MEMBERS.size())) {
      coop.agreements().respond(m, p, Response.CONSENT, "");
    }
    clock.advance(WINDOW);
    return coop.agreements().decide(MEMBERS.get(0), p, "amended").sequence();
  }

  static void apply(Model model, Op op, Model.@Nullable C c, long entry, Instant now) {
    if (op instanceof In in) {
      model.income = model.income.add(cents(in.cents()));
    } else if (op instanceof Claim cl) {
      model.claims.add(new Model.C(entry, cl.who(), cents(cl.cents()), cents(cl.cents()).compareTo(model.threshold) <= 0,
          now.plus(WINDOW)));
    } else if (op instanceof Approve) {
      c.status = "approved";
    } else if (op instanceof Respond r) {
      c.objected.put(r.who(), r.object());
    } else if (op instanceof Decide) {
      c.status = c.objected.containsValue(true) ? "declined" : "approved";
    } else if (op instanceof Reimburse) {
      c.status = "reimbursed";
      model.expenses = model.expenses.add(c.amount);
    } else if (op instanceof Amend a) {
      model.threshold = BigDecimal.valueOf(a.threshold());
    }
  }

  static BigDecimal cents(int cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  static Money money(int cents) {
    return new Money(cents(cents), "EUR");
  }

  static Money sum(Collective coop, StatementLine.Direction direction) {
    Money total = Money.zero("EUR");
    YearMonth month = YearMonth.of(2027, 3);
    for (int i = 0; i < 3; i++, month = month.plusMonths(1)) {
      for (StatementLine l : coop.finances().statement(BANK, month)) {
        if (l.direction() == direction) {
          total = total.plus(l.amount());
        }
      }
    }
    return total;
  }

  static List<Object> views(Collective coop) {
    YearMonth march = YearMonth.from(Instant.parse("2027-03-01T00:00:00Z").atZone(ZoneOffset.UTC));
    return List.of(coop.finances().accounts(), coop.finances().claims(), coop.finances().statement(BANK, march),
        coop.finances().statement(BANK, march.plusMonths(1)), coop.finances().budget(BANK, march),
        coop.finances().receiptProblems());
  }

  static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
