package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.agreement.AgreementStatus;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.agreement.ProposalKind;
import coop.lattice.agreement.Response;
import coop.lattice.circle.SpeakingReport;
import coop.lattice.circle.Turn;
import coop.lattice.health.HealthReport;
import coop.lattice.health.Indicator;
import coop.lattice.ledger.Event;
import coop.lattice.rotation.Assignment;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.RoleId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Computes the health report from the fold. Group-level only: counts are never attributed. */
final class Health {
  static final RoleId FACILITATION = RoleId.of("facilitation");

  private Health() {}

  static HealthReport of(Fold fold, Instant at, Witnessing witnessing, long size) {
    Parameters p = fold.governance.parameters(at);
    double absence = p.get(Parameter.HEALTH_ROLE_CONCENTRATION_PERCENT) / 100.0;
    double gini = p.get(Parameter.HEALTH_GINI_PERCENT) / 100.0;
    List<MemberId> active = fold.membership.members.values().stream().filter(Member::active).map(Member::id).sorted().toList();
    List<Indicator> out = new ArrayList<>();

    Plan plan = fold.rotations.currentPlan();
    List<Assignment> slots = plan == null ? List.of() : plan.assignments();
    List<Long> turns = counts(active, slots.stream().map(Assignment::member).toList());
    List<Long> facilitation = counts(active, slots.stream().filter(a -> a.slot().role().equals(FACILITATION))
        .map(Assignment::member).toList());
    double roleRatio = HealthReport.absenceRatio(turns);
    out.add(new Indicator("role-concentration", roleRatio, absence, roleRatio <= absence,
        "How many members hold half of all role turns, against half the group (1.00 is even). At or below "
            + pct(absence) + ", a few people are quietly carrying the collective: rotate, and ask why."));
    double roleGini = SpeakingReport.gini(turns);
    out.add(new Indicator("role-gini", roleGini, gini, roleGini > gini,
        "How unevenly role turns are spread (0 is even). Above " + pct(gini) + ", turns pile up on some members."));
    double facRatio = HealthReport.absenceRatio(facilitation);
    out.add(new Indicator("facilitation-concentration", facRatio, absence, facRatio <= absence,
        "The same for facilitation alone: who holds the room holds power. At or below " + pct(absence)
            + ", facilitation has stopped rotating."));

    Map<MemberId, Long> spoke = new HashMap<>();
    active.forEach(m -> spoke.put(m, 0L));
    for (Event.CircleMeetingHeld m : fold.circles.meetings.values()) {
      for (Turn t : m.turns()) {
        if (spoke.containsKey(t.member())) {
          spoke.merge(t.member(), t.seconds(), Long::sum);
        }
      }
    }
    double speakingGini = SpeakingReport.gini(new ArrayList<>(spoke.values()));
    out.add(new Indicator("speaking-concentration", speakingGini, gini, speakingGini > gini,
        "How unevenly speaking time is spread across all circle meetings (0 is even). Above " + pct(gini)
            + ", a few voices fill the circles: keep to the equal budget and the progressive stack."));

    List<MemberId> authors = fold.governance.proposals.values().stream().map(x -> x.proposer).toList();
    double authorship = HealthReport.absenceRatio(counts(active, authors));
    out.add(new Indicator("proposal-authorship", authorship, absence, authorship <= absence,
        "How many members author half of all proposals, against half the group. At or below " + pct(absence)
            + ", the agenda is set by a few."));

    long raised = 0;
    long addressed = 0;
    Duration oldest = Duration.ZERO;
    for (Proposal proposal : fold.governance.proposals.values()) {
      for (ResponseRecord r : proposal.trail) {
        if (r.response() == Response.OBJECTION) {
          raised++;
          if (r.resolution() != null || proposal.decision != null) {
            addressed++;
          } else if (Duration.between(r.at(), at).compareTo(oldest) > 0) {
            oldest = Duration.between(r.at(), at);
          }
        }
      }
    }
    long dissentDays = p.get(Parameter.HEALTH_DISSENT_DAYS);
    out.add(new Indicator("unresolved-dissent", oldest.toDays(), dissentDays, oldest.toDays() > dissentDays,
        raised + " objection(s) raised, " + addressed + " addressed; the oldest unresolved is " + oldest.toDays()
            + " day(s) old. Past " + dissentDays + " days, dissent is being left unheard."));

    int cycles = p.get(Parameter.NEWCOMER_GUARANTEE_CYCLES);
    TreeSet<LocalDate> meetingDays = new TreeSet<>();
    slots.forEach(a -> meetingDays.add(a.slot().date()));
    List<Member> newcomers = fold.membership.members.values().stream().filter(m -> Trust.isNew(fold, m, at)).toList();
    long included = newcomers.stream().filter(m -> {
      LocalDate joined = m.joined().atZone(ZoneOffset.UTC).toLocalDate();
      List<LocalDate> first = meetingDays.tailSet(joined, true).stream().limit(cycles).toList();
      return slots.stream().anyMatch(a -> m.id().equals(a.member()) && first.contains(a.slot().date()));
    }).count();
    double inclusion = newcomers.isEmpty() ? 1.0 : (double) included / newcomers.size();
    double inclusionWanted = p.get(Parameter.HEALTH_NEWCOMER_INCLUSION_PERCENT) / 100.0;
    out.add(new Indicator("newcomer-inclusion", inclusion, inclusionWanted, inclusion < inclusionWanted,
        included + " of " + newcomers.size() + " newcomer(s) hold a role within the first " + cycles + " meeting days"
            + " after joining. Below " + pct(inclusionWanted) + ", newcomers are watching rather than taking part."));

    long pastReview = fold.governance.agreements.values().stream()
        .map(v -> v.get(v.size() - 1).statusAt(at))
        .filter(s -> s == AgreementStatus.OVERDUE || s == AgreementStatus.LAPSED)
        .count();
    out.add(new Indicator("agreements-past-review", pastReview, 0, pastReview > 0,
        pastReview + " agreement(s) are overdue for review or have lapsed: revisit them."));

    long revisited = fold.governance.agreements.values().stream().flatMap(List::stream)
        .filter(v -> v.adoptedBy() == ProposalKind.AMEND).count();
    out.add(new Indicator("decisions-revisited", revisited, Double.POSITIVE_INFINITY, false,
        revisited + " amendment(s) adopted: decisions revisited after their consequences showed. Informational:"
            + " revisiting is healthy, it never warns."));
    timeBank(fold, p, active, at, out);
    witnessing(p, witnessing, size, out);
    return new HealthReport(at, out);
  }

  /**
   * Entries no witness has cosigned yet, once the collective has witnesses or its agreement asks
   * for them: informational while the agreement asks for none, a warning (and so an agenda item)
   * when it asks for some and the newest entries lack them.
   */
  private static void witnessing(Parameters p, Witnessing w, long size, List<Indicator> out) {
    int required = p.get(Parameter.WITNESS_COSIGNATURES);
    if (required == 0 && w.at() == null) {
      return;
    }
    long unwitnessed = Math.max(0, size - w.size());
    boolean enough = w.witnesses() >= required;
    String since = w.at() == null ? "never witnessed" : "unwitnessed since " + w.at();
    out.add(new Indicator("unwitnessed-entries", unwitnessed, 0, required > 0 && (unwitnessed > 0 || !enough),
        unwitnessed == 0 && enough ? "Every entry is cosigned by " + w.witnesses() + " witness(es)."
            : unwitnessed + " entr(ies) after " + w.size() + " are " + since + " (" + w.witnesses() + " witness(es), "
            + required + " asked for by the agreement): partners have not cosigned them yet."));
  }

  /**
   * The time bank's warnings, once it has accounts: many members at their debit limit (hours
   * hoarded elsewhere, a "recession" where nobody can ask for help), credit piling up at the top
   * (hours nobody spends), and a flood of new starting hours against the credit already held.
   * Counts of accounts only, never whose.
   */
  private static void timeBank(Fold fold, Parameters p, List<MemberId> active, Instant at, List<Indicator> out) {
    TimeBankFold bank = fold.timeBank;
    if (bank.balances.isEmpty()) {
      return;
    }
    BigDecimal debit = p.get(Parameter.TIME_BANK_DEBIT_LIMIT_HOURS);
    BigDecimal credit = p.get(Parameter.TIME_BANK_CREDIT_LIMIT_HOURS);
    BigDecimal margin = BigDecimal.ONE;
    long atDebit = 0;
    long atCredit = 0;
    BigDecimal held = BigDecimal.ZERO;
    for (MemberId m : active) {
      BigDecimal b = bank.balance(m).total();
      if (b.negate().compareTo(debit.subtract(margin)) >= 0 && debit.signum() > 0) {
        atDebit++;
      }
      if (b.compareTo(credit.subtract(margin)) >= 0 && credit.signum() > 0) {
        atCredit++;
      }
      held = held.add(b.max(BigDecimal.ZERO));
    }
    double alert = p.get(Parameter.TIME_BANK_LIMIT_ALERT_PERCENT) / 100.0;
    double debitShare = active.isEmpty() ? 0 : (double) atDebit / active.size();
    double creditShare = active.isEmpty() ? 0 : (double) atCredit / active.size();
    out.add(new Indicator("time-bank-at-debit-limit", debitShare, alert, debitShare >= alert, atDebit + " of "
        + active.size() + " accounts are within an hour of the debit limit. At " + pct(alert) + " or more, hours are"
        + " held elsewhere and members cannot ask for help (a recession): encourage spending, or revisit the limits."));
    out.add(new Indicator("time-bank-at-credit-limit", creditShare, alert, creditShare >= alert, atCredit + " of "
        + active.size() + " accounts are within an hour of the credit limit. At " + pct(alert) + " or more, credit is"
        + " piling up unspent: those members can give no more until they receive."));
    BigDecimal fresh = BigDecimal.ZERO;
    Instant since = at.minus(Duration.ofDays(30));
    for (Map.Entry<MemberId, Instant> g : bank.startingHours.entrySet()) {
      if (!g.getValue().isBefore(since) && !g.getValue().isAfter(at)) {
        fresh = fresh.add(p.get(Parameter.TIME_BANK_STARTING_HOURS));
      }
    }
    double flood = held.signum() == 0 ? 0 : fresh.doubleValue() / held.doubleValue();
    double floodAlert = p.get(Parameter.TIME_BANK_NEW_CREDIT_PERCENT) / 100.0;
    out.add(new Indicator("time-bank-new-credit", flood, floodAlert, flood >= floodAlert, "Starting hours given in"
        + " the last 30 days, against all credit held: " + pct(flood) + ". At " + pct(floodAlert) + " or more, new"
        + " credit floods in faster than hours are earned."));
  }

  /** Counts per active member (zeros included), in the order of {@code active}, never attributed outside. */
  private static List<Long> counts(List<MemberId> active, List<MemberId> holders) {
    Map<MemberId, Long> c = new HashMap<>();
    active.forEach(m -> c.put(m, 0L));
    for (MemberId h : holders) {
      if (h != null && c.containsKey(h)) {
        c.merge(h, 1L, Long::sum);
      }
    }
    return active.stream().map(c::get).toList();
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.0f%%", v * 100);
  }
}
