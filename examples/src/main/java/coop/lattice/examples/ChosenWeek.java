package coop.lattice.examples;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.collective.Collective;
import coop.lattice.collective.ExpenseRecord;
import coop.lattice.finance.AccountId;
import coop.lattice.finance.Category;
import coop.lattice.finance.Expense;
import coop.lattice.finance.Income;
import coop.lattice.finance.Money;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.poll.Ballot;
import coop.lattice.poll.PollMethod;
import coop.lattice.poll.PollTerms;
import coop.lattice.poll.Tally;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.RoleId;
import coop.lattice.signup.Activity;
import coop.lattice.signup.Availability;
import coop.lattice.signup.Occurrence;
import coop.lattice.signup.PlannedSlot;
import coop.lattice.signup.SignupTerms;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A week at a repair café, the essay's practices end to end (issue 17): members sign up for the
 * shifts they want, the fair rotation fills the rest when the window closes (each slot saying
 * whether it was chosen or assigned, and why), an expense is claimed with its receipt, approved by
 * another member under the collective's agreement and reimbursed, and a time poll picks when the
 * next meeting is. Everything goes through the ledger; the clock and the seeds are fixed, so the
 * week is the same every time.
 *
 * <p>{@code mvn -q -pl examples -am package exec:java -DskipTests
 * -Dexec.mainClass=coop.lattice.examples.ChosenWeek}
 */
public final class ChosenWeek {
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final MemberId CY = MemberId.of("cy");
  static final MemberId DEE = MemberId.of("dee");
  static final RoleId SHIFT = RoleId.of("shift");
  static final RoleId SORTING = RoleId.of("sorting");
  static final LocalDate SATURDAY = LocalDate.of(2027, 3, 13);
  static final LocalDate WEDNESDAY = LocalDate.of(2027, 3, 10);

  private ChosenWeek() {}

  /** What the week left: the plan, the expense, the meeting time, and the collective. */
  record Week(Collective collective, List<PlannedSlot> plan, ExpenseRecord expense, Tally meeting) {}

  public static void main(String[] args) {
    Week w = run();
    w.plan().forEach(s -> System.out.println(s.slot().date() + " " + s.slot().role().value() + ": " + s.member()
        + " (" + s.how() + ": " + s.reason() + ")"));
    System.out.println("expense " + w.expense().expense().amount() + " " + w.expense().status());
    System.out.println("next meeting " + w.meeting().order().get(0));
  }

  static Week run() {
    SteppingClock clock = SteppingClock.startingAt("2027-02-22T09:00:00Z", Duration.ofMinutes(1));
    Collective cafe = Collective.found(CollectiveId.of("fixit-cafe"), "Fixit Repair Café", ANA,
        Appearance.byName("Ana"), LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), clock);
    cafe.admit(ANA, BO, Appearance.byName("Bo"));
    cafe.admit(ANA, CY, Appearance.pseudonym("cy-fixes"));
    cafe.admit(ANA, DEE, Appearance.onlyInAggregates());

    // The collective's money agreement: up to 50 one other member approves; above, consent.
    long money = cafe.agreements().propose(ANA, AgreementTerms.builder(AgreementId.of("money"), "Our money")
        .reviewOn(LocalDate.of(2028, 3, 1)).rule(DecisionRule.consent(Duration.ofDays(3)))
        .set(Parameter.FINANCE_APPROVAL_THRESHOLD, new BigDecimal("50"))
        .set(Parameter.FINANCE_CATEGORIES, List.of("dues", "parts")).build(), "");
    cafe.agreements().respond(BO, money, Response.CONSENT, "");
    cafe.agreements().respond(CY, money, Response.CONSENT, "");
    cafe.agreements().respond(DEE, money, Response.CONSENT, "");
    clock.advance(Duration.ofDays(4));
    cafe.agreements().decide(ANA, money, "adopted");

    // Sign-ups first: the Saturday café needs two people, the Wednesday tool sorting one.
    long round = cafe.signups().open(ANA, new SignupTerms("The week of 8 March", List.of(
        Activity.of(SHIFT.value(), "Saturday café shift", Cadence.weekly(SATURDAY)).seats(2),
        Activity.of(SORTING.value(), "Wednesday tool sorting", Cadence.weekly(WEDNESDAY))),
        LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 15), Instant.parse("2027-03-05T18:00:00Z"), 20270308L));
    cafe.signups().take(BO, round, new Occurrence(SHIFT, SATURDAY));       // Bo chooses the café
    cafe.signups().take(CY, round, new Occurrence(SORTING, WEDNESDAY));    // Cy chooses the sorting
    cafe.signups().state(DEE, round, Availability.ANY_TIME.ratherNot(DayOfWeek.SATURDAY));   // a wish, soft

    // The meeting time, by a time poll, while the window is open.
    long poll = cafe.polls().open(ANA, PollTerms.builder("When do we meet next?", PollMethod.TIME_POLL,
        List.of("2027-03-16T18:00:00Z", "2027-03-17T18:00:00Z"), Instant.parse("2027-03-04T18:00:00Z"), 20270304L)
        .build());
    cafe.polls().vote(ANA, poll, Ballot.times(Map.of("2027-03-16T18:00:00Z", Ballot.Availability.YES,
        "2027-03-17T18:00:00Z", Ballot.Availability.IF_NEED_BE)));
    cafe.polls().vote(BO, poll, Ballot.times(Map.of("2027-03-16T18:00:00Z", Ballot.Availability.IF_NEED_BE,
        "2027-03-17T18:00:00Z", Ballot.Availability.YES)));
    cafe.polls().vote(CY, poll, Ballot.times(Map.of("2027-03-17T18:00:00Z", Ballot.Availability.YES)));
    cafe.polls().vote(DEE, poll, Ballot.times(Map.of("2027-03-16T18:00:00Z", Ballot.Availability.YES,
        "2027-03-17T18:00:00Z", Ballot.Availability.IF_NEED_BE)));

    clock.advance(Duration.ofDays(8));   // the window and the poll have closed
    cafe.signups().close(ANA, round);    // the rotation fills the slots nobody chose
    Tally meeting = cafe.polls().close(ANA, poll);

    // An expense, with its receipt, approved by a member other than the claimant, and reimbursed.
    AccountId box = AccountId.of("cash-box");
    cafe.finances().openAccount(ANA, box, "Cash box", "EUR");
    cafe.finances().recordIncome(ANA, Income.of(box, Money.of("60", "EUR"), Category.of("dues"), "March dues"));
    long solder = cafe.finances().claim(BO, Expense.of(box, Money.of("18.40", "EUR"), Category.of("parts"),
        "Solder and flux for Saturday"), "Hardware Hub, 18.40 EUR".getBytes(StandardCharsets.UTF_8));
    cafe.finances().approve(CY, solder);
    cafe.finances().reimburse(ANA, solder);

    return new Week(cafe, cafe.signups().plan(round), cafe.finances().claim(solder).orElseThrow(), meeting);
  }
}
