package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidAgreementException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.TooEarlyException;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Decisions;
import coop.lattice.agreement.Outcome;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.finance.ApprovalRoute;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.FinanceEvents;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an expense claim is approved, as the agreement in force when it was claimed routes it: up to
 * the threshold, one member other than the claimant approves it ({@link
 * FinanceEvents.ExpenseApproved}); above it, the members other than the claimant respond under the
 * agreement's decision rule and, once its window has closed, a member records the outcome the rule
 * gives ({@link Decisions#outcome}). Under an advice rule the claimant cannot be the one who
 * decides, so a member other than the claimant does, having heard the advice. Part of {@link
 * FinancesFold}; not thread-safe.
 */
final class ExpenseApprovals {
  private final FinancesFold finances;

  ExpenseApprovals(FinancesFold finances) {
    this.finances = finances;
  }

  void check(Step s, Event.Finances event) {
    if (event instanceof FinanceEvents.ExpenseApproved a) {
      ExpenseRecord c = open(s, a.claim(), "approve");
      if (c.route() != ApprovalRoute.ONE_OTHER_MEMBER) {
        throw new NotPermittedException("Claim " + c.entry() + " asks " + c.booked() + ", above the threshold, so the"
            + " members decide it under the agreement's rule (" + name(c.rule().kind()) + "): respond to it instead.");
      }
    } else if (event instanceof FinanceEvents.ExpenseResponded r) {
      ExpenseRecord c = decided(s, r.claim(), "respond to");
      DecisionRule rule = Objects.requireNonNull(c.rule());
      if (!eligible(s.fold(), c).contains(s.author())) {
        throw new NotPermittedException(s.author() + " may not take part in deciding claim " + c.entry() + ": its rule"
            + " lets only members past the newcomer window respond.");
      }
      if (!s.time().isBefore(Objects.requireNonNull(c.closes()))) {
        throw new ExpiredException("The window for responses to claim " + c.entry() + " closed at " + c.closes()
            + "; it can now be decided.");
      }
      if (!r.response().allowedUnder(rule.kind())) {
        throw new InvalidAgreementException("A claim decided by " + name(rule.kind()) + " does not take "
            + name(r.response()) + ".");
      }
      if (r.response().needsReason() && r.reason().isBlank()) {
        throw new InvalidAgreementException("An " + name(r.response()) + " needs a reason: say what you see.");
      }
      if (c.responses().containsKey(s.author())) {
        throw new ConflictException(s.author() + " already responded to claim " + c.entry() + " ("
            + name(c.responses().get(s.author())) + "); each member responds once.");
      }
    } else if (event instanceof FinanceEvents.ExpenseDecided d) {
      ExpenseRecord c = decided(s, d.claim(), "decide");
      if (s.time().isBefore(Objects.requireNonNull(c.closes()))) {
        throw new TooEarlyException("The window for responses to claim " + c.entry() + " is open until " + c.closes()
            + "; decide after it closes.");
      }
      Outcome computed = outcome(s.fold(), c);
      boolean advice = Objects.requireNonNull(c.rule()).kind() == DecisionRule.Kind.ADVICE;
      if (d.outcome() == Outcome.WITHDRAWN || !advice && d.outcome() != computed) {
        throw new ConflictException("Under " + name(c.rule().kind()) + ", with the responses given, claim " + c.entry()
            + " comes out " + name(computed) + "; it cannot be recorded as " + name(d.outcome()) + ".");
      }
    }
  }

  /** The outcome the claim's rule gives now, from the responses of the members eligible now. */
  static Outcome outcome(Fold fold, ExpenseRecord c) {
    return Decisions.outcome(Objects.requireNonNull(c.rule()), eligible(fold, c), c.responses(), true);
  }

  /** The members who decide {@code c}: active, not its claimant, and past the newcomer window if its rule says so. */
  static Set<MemberId> eligible(Fold fold, ExpenseRecord c) {
    Duration newcomer = Duration.ofDays(fold.governance.parameters(c.claimed()).get(Parameter.NEWCOMER_WINDOW_DAYS));
    Set<MemberId> out = new TreeSet<>();
    for (Member m : fold.membership.members.values()) {
      boolean past = !m.newcomerAt(c.claimed(), newcomer);
      if (m.active() && !m.id().equals(c.claimant())
          && (Objects.requireNonNull(c.rule()).participation() == DecisionRule.Participation.MEMBERS || past)) {
        out.add(m.id());
      }
    }
    return out;
  }

  /** The claim at {@code ref}, routed to the decision rule, if the step's author may {@code verb} it. */
  private ExpenseRecord decided(Step s, long ref, String verb) {
    ExpenseRecord c = open(s, ref, verb);
    if (c.route() != ApprovalRoute.DECISION_RULE) {
      throw new NotPermittedException("Claim " + c.entry() + " asks " + c.booked() + ", within the threshold, so one"
          + " member other than the claimant approves it: approve it instead.");
    }
    return c;
  }

  /** The open claim at {@code ref}, if the step's author, a member other than its claimant, may {@code verb} it. */
  private ExpenseRecord open(Step s, long ref, String verb) {
    ExpenseRecord c = finances.claim(ref);
    s.fold().membership.activeMember(s.author(), verb + " an expense claim");
    if (s.author().equals(c.claimant())) {
      throw new NotPermittedException("Claim " + c.entry() + " is " + s.author() + "'s own: the claimant never "
          + verb + "s it; the other members do.");
    }
    if (c.status() != ExpenseRecord.Status.OPEN) {
      throw new ConflictException("Claim " + c.entry() + " was already " + name(c.status()) + " at entry "
          + c.settledAt() + "; it cannot be " + (verb.equals("approve") ? "approved" : verb.equals("decide") ? "decided"
              : "responded to") + " again.");
    }
    return c;
  }

  void apply(Step s, Event.Finances event) {
    if (event instanceof FinanceEvents.ExpenseApproved a) {
      ExpenseRecord c = finances.claims.get(a.claim());
      finances.claims.put(c.entry(), c.with(Map.of(s.author(), Response.CONSENT), ExpenseRecord.Status.APPROVED,
          s.sequence()));
    } else if (event instanceof FinanceEvents.ExpenseResponded r) {
      ExpenseRecord c = finances.claims.get(r.claim());
      Map<MemberId, Response> responses = new HashMap<>(c.responses());
      responses.put(s.author(), r.response());
      finances.claims.put(c.entry(), c.with(responses, c.status(), c.settledAt()));
    } else if (event instanceof FinanceEvents.ExpenseDecided d) {
      ExpenseRecord c = finances.claims.get(d.claim());
      finances.claims.put(c.entry(), c.with(c.responses(), d.outcome() == Outcome.ADOPTED
          ? ExpenseRecord.Status.APPROVED : ExpenseRecord.Status.DECLINED, s.sequence()));
    } else {
      throw new AssertionError("not an expense approval: " + event.getClass());
    }
  }

  static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
