package coop.lattice.wall.seed;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.circle.CircleId;
import coop.lattice.circle.Tension;
import coop.lattice.collective.Collective;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Side;
import coop.lattice.finance.AccountId;
import coop.lattice.finance.BudgetLine;
import coop.lattice.finance.Category;
import coop.lattice.finance.Expense;
import coop.lattice.finance.Income;
import coop.lattice.finance.Money;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.metrics.Need;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Lottery;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.RotationPolicy;
import coop.lattice.rotation.Slot;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A seeded collective for the wall's tests: members shown by name, by pseudonym and only in
 * aggregates (one of whom appeared by name before choosing aggregates), a newcomer, an agreement
 * in force, a published map with a swap accepted and one pending, contributions acknowledged and
 * pending, a partner with a balance and the redundancy map, a circle's tension with a public
 * summary, and a lottery drawn. Every text a member writes is {@code text} (a name, a
 * pseudonym, an agreement's title, text and scope, a note, a tension's summary, a lottery's
 * purpose), so that a test can put a hostile payload in every field at once. Deterministic: a
 * stepping clock and seeded randomness.
 */
public final class WallSeed {
  /** The id of the member who appears only in aggregates: it must never be on a page or a feed. */
  public static final MemberId HIDDEN = MemberId.of("cy-hidden-7q");
  /** The name the hidden member used before choosing aggregates only: never on a page either. */
  public static final String FORMER_NAME = "Cyrus Formerly-Shown";
  public static final MemberId ANA = MemberId.of("ana");
  public static final MemberId BO = MemberId.of("bo");
  public static final MemberId DEE = MemberId.of("dee");
  /** The newcomer's name. */
  public static final String NEWCOMER = "Dee Newcomer";
  /** Monday of the first week of the map. */
  public static final LocalDate FIRST_WEEK = LocalDate.of(2027, 3, 29);

  private final Collective collective;
  private final Instant end;
  private final long lottery;
  private final long pendingSwap;

  private WallSeed(Collective collective, Instant end, long lottery, long pendingSwap) {
    this.collective = collective;
    this.end = end;
    this.lottery = lottery;
    this.pendingSwap = pendingSwap;
  }

  /** The collective; {@code text} goes in every field a member writes, {@code name} is its name. */
  public static WallSeed of(String id, String name, String text) {
    return of(id, name, text, true);
  }

  /**
   * The same collective, where bo gives more than ana ({@code boGivesMore}) or ana more than bo:
   * nothing else differs, so no page may order people differently between the two.
   */
  public static WallSeed of(String id, String name, String text, boolean boGivesMore) {
    SteppingClock clock = SteppingClock.startingAt("2026-12-01T09:00:00Z", Duration.ofMinutes(1));
    Collective c = Collective.found(CollectiveId.of(id), name, ANA, Appearance.byName("Ana " + text),
        LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), clock);
    c.admit(ANA, BO, Appearance.pseudonym("bo " + text));
    c.admit(ANA, HIDDEN, Appearance.byName(FORMER_NAME));
    c.changeAppearance(HIDDEN, Appearance.onlyInAggregates());

    AgreementTerms terms = AgreementTerms.builder(AgreementId.of("exchange"), "Trade " + text)
        .text("We trade hours " + text).scope("trade " + text).reviewOn(LocalDate.of(2028, 3, 1))
        .rule(DecisionRule.consent(Duration.ofDays(7)))
        .set(Parameter.FINANCE_APPROVAL_THRESHOLD, new BigDecimal("50")).build();
    long proposal = c.agreements().propose(ANA, terms, "");
    c.agreements().respond(BO, proposal, Response.CONSENT, "");
    c.agreements().respond(HIDDEN, proposal, Response.CONSENT, "");
    clock.advance(Duration.ofDays(8));
    c.agreements().decide(ANA, proposal, "adopted");
    c.agreements().accept(BO, terms.id());
    c.agreements().accept(HIDDEN, terms.id());

    long winter = c.record(Contribution.toCollective(BO, ContributionKind.CARE, Quantity.hours(boGivesMore ? "4" : "1"))
        .servedFor("winter " + text));
    c.acknowledge(ANA, winter);

    CollectiveId partner = CollectiveId.of("fixit");
    c.trade().agree(ANA, partner, terms.id(), List.of(CreditLine.of(Unit.HOURS, "10", "10")));
    c.trade().appointRelay(ANA, partner, BO, clock.instant().plus(Duration.ofDays(365)));
    Instant expires = clock.instant().plus(Duration.ofDays(7));
    long trade = c.trade().offer(ANA, partner, Side.US, Side.US, Quantity.hours("5"), "repairs " + text, expires);
    c.trade().accept(BO, trade, Side.PARTNER);
    c.trade().fulfil(ANA, trade, Side.US);
    c.trade().acknowledge(BO, trade, Side.PARTNER);
    c.trade().declareCoverage(ANA, Need.FOOD, List.of(partner));
    c.trade().declareCoverage(ANA, Need.REPAIR, List.of());

    clock.advance(Duration.between(clock.instant(), Instant.parse("2027-03-29T08:00:00Z")));
    c.admit(ANA, DEE, Appearance.byName(NEWCOMER));
    long bread = c.record(Contribution.toCollective(BO, ContributionKind.FOOD, Quantity.kilograms(boGivesMore ? "12.5" : "0.5"))
        .servedFor("pantry " + text));
    c.acknowledge(ANA, bread);
    long hidden = c.record(Contribution.toCollective(HIDDEN, ContributionKind.WORK, Quantity.hours("3"))
        .servedFor("shelves " + text));
    c.acknowledge(ANA, hidden);
    c.record(Contribution.toCollective(ANA, ContributionKind.REPAIR, Quantity.hours(boGivesMore ? "2" : "40")).servedFor("bikes " + text));

    RoleId pantry = RoleId.of("pantry");
    List<Role> roles = List.of(Role.of(pantry, "Pantry", Cadence.weekly(FIRST_WEEK)),
        Role.of(RoleId.of("cleaning"), "Cleaning", Cadence.weekly(FIRST_WEEK)));
    LocalDate joined = LocalDate.of(2026, 12, 1);
    List<Participant> roster = List.of(Participant.of(ANA, joined), Participant.of(BO, joined),
        Participant.of(HIDDEN, joined), Participant.of(DEE, LocalDate.of(2027, 3, 29)));
    Plan plan = c.rotations().plan(RotationPolicy.fair(20270329L),
        c.rotations().request(roster, roles, FIRST_WEEK, FIRST_WEEK.plusWeeks(6)));
    c.rotations().publish(ANA, plan);
    Slot anaFirst = plan.slotsOf(ANA).get(0);
    Slot boFirst = plan.slotsOf(BO).get(0);
    long swap = c.rotations().proposeHandOver(ANA, anaFirst, BO, boFirst, "swap " + text);
    c.rotations().acceptHandOver(BO, swap);
    Slot anaLast = plan.slotsOf(ANA).get(plan.slotsOf(ANA).size() - 1);
    long pending = c.rotations().proposeHandOver(ANA, anaLast, DEE, null, "cover " + text);

    CircleId kitchen = CircleId.of("kitchen");
    c.circles().form(ANA, kitchen, "Kitchen", pantry);
    c.circles().raiseTension(BO, kitchen, new Tension("the fridge " + text, List.of(ANA), Tension.Visibility.PUBLIC_SUMMARY,
        "fridge " + text));

    books(c, text);
    long lottery = draw(c, clock, text);
    return new WallSeed(c, clock.instant(), lottery, pending);
  }

  /** A cash box with March's dues, a budget, an expense reimbursed to the hidden member and one approved, waiting. */
  private static void books(Collective c, String text) {
    AccountId box = AccountId.of("cash-box");
    c.finances().openAccount(ANA, box, "Cash box " + text, "EUR");
    c.finances().recordIncome(ANA, Income.of(box, Money.of("60", "EUR"), Category.of("dues"), "dues " + text));
    c.finances().planBudget(ANA, box, YearMonth.of(2027, 3), List.of(BudgetLine.of("parts", Money.of("50", "EUR"))));
    long tape = c.finances().claim(HIDDEN, Expense.of(box, Money.of("12.30", "EUR"), Category.of("parts"),
        "tape " + text), "receipt: tape".getBytes(StandardCharsets.UTF_8));
    c.finances().approve(ANA, tape);
    c.finances().reimburse(BO, tape);
    long fuses = c.finances().claim(BO, Expense.of(box, Money.of("8", "EUR"), Category.of("parts"), "fuses " + text),
        "receipt: fuses".getBytes(StandardCharsets.UTF_8));
    c.finances().approve(ANA, fuses);
  }

  private static long draw(Collective c, SteppingClock clock, String text) {
    Instant commitBy = clock.instant().plus(Duration.ofHours(1));
    List<MemberId> candidates = List.of(ANA, BO, HIDDEN);
    long lottery = c.lotteries().announce(ANA, Lottery.Announcement.of("keeper " + text, candidates, 2,
        c.ledger().size() + 4, commitBy, commitBy.plus(Duration.ofHours(1))));
    SecureRandom random = seeded();
    String[][] secrets = new String[candidates.size()][];
    for (int i = 0; i < candidates.size(); i++) {
      secrets[i] = Lottery.nonceAndCommitment(random);
      c.lotteries().commit(candidates.get(i), lottery, secrets[i][1]);
    }
    clock.advance(Duration.ofHours(1));
    for (int i = 0; i < candidates.size(); i++) {
      c.lotteries().reveal(candidates.get(i), lottery, secrets[i][0]);
    }
    clock.advance(Duration.ofHours(1));
    c.lotteries().draw(ANA, lottery);
    return lottery;
  }

  private static SecureRandom seeded() {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(20270329L);
      return r;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Collective collective() {
    return collective;
  }

  /** A clock fixed where the seed ends: the pages' "now". */
  public Clock clock() {
    return Clock.fixed(end, ZoneOffset.UTC);
  }

  /** The entry of the lottery drawn. */
  public long lottery() {
    return lottery;
  }

  /** The entry of the cover still waiting for an answer. */
  public long pendingCover() {
    return pendingSwap;
  }
}
