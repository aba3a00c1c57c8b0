package coop.lattice.collective;

import coop.lattice.agreement.AgreementStatus;
import coop.lattice.agreement.Response;
import coop.lattice.circle.Tension;
import coop.lattice.cycle.Campaign;
import coop.lattice.cycle.Debrief;
import coop.lattice.health.Indicator;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Builds a meeting's agenda from the fold: reviews, proposals, objections, acceptances. */
final class Agenda {
  private Agenda() {}

  static List<AgendaItem> of(Fold fold, Instant at, Witnessing witnessing, long size) {
    Governance g = fold.governance;
    List<AgendaItem> items = new ArrayList<>();
    for (List<AgreementRecord> versions : g.agreements.values()) {
      AgreementRecord a = versions.get(versions.size() - 1);
      Instant reviewDay = a.terms().reviewOn().atStartOfDay(ZoneOffset.UTC).toInstant();
      AgreementStatus status = a.statusAt(at);
      String title = "\"" + a.terms().title() + "\" (" + a.id() + ", version " + a.version() + ")";
      switch (status) {
        case LAPSED -> items.add(item(AgendaItem.Kind.AGREEMENT_LAPSED, a.id().value(), title + " lapsed "
            + a.terms().lapseAfterDays() + " days after its review date " + a.terms().reviewOn()
            + "; its parameters are back at their defaults. Adopt it again or let it go.", reviewDay, at));
        case OVERDUE -> items.add(item(AgendaItem.Kind.REVIEW_OVERDUE, a.id().value(), title + " was due for review on "
            + a.terms().reviewOn() + ": renew it, amend it, or let it lapse.", reviewDay, at));
        case REVIEW_DUE -> items.add(item(AgendaItem.Kind.REVIEW_DUE, a.id().value(), title + " is due for review ("
            + a.terms().reviewOn() + "): renew it or amend it.", reviewDay, at));
        case ACTIVE -> {
          if (reviewDay.isBefore(at.plus(Duration.ofDays(AgreementStatus.REVIEW_PERIOD_DAYS)))) {
            items.add(item(AgendaItem.Kind.REVIEW_UPCOMING, a.id().value(), title + " comes up for review on "
                + a.terms().reviewOn() + ".", at, at));
          }
        }
      }
      if (status.inForce()) {
        long waiting = fold.membership.members.values().stream().filter(m -> g.awaitsAcceptance(a, m)).count();
        if (waiting > 0) {
          items.add(item(AgendaItem.Kind.ACCEPTANCE_PENDING, a.id().value(), waiting + " member(s) have yet to accept "
              + title + ".", a.adopted(), at));
        }
      }
    }
    for (Proposal p : g.proposals.values()) {
      if (p.decision != null) {
        continue;
      }
      String what = "proposal " + p.entry + " to " + p.kind.name().toLowerCase(Locale.ROOT) + " \""
          + p.terms.title() + "\" (" + p.rule.kind().name().toLowerCase(Locale.ROOT) + ")";
      if (!at.isBefore(p.closes())) {
        items.add(item(AgendaItem.Kind.PROPOSAL_READY_TO_DECIDE, Long.toString(p.entry), "The window for " + what
            + " closed at " + p.closes() + "; record the decision.", p.closes(), at));
      } else {
        items.add(item(AgendaItem.Kind.PROPOSAL_OPEN, Long.toString(p.entry), what + " is open for responses until "
            + p.closes() + ".", p.opened, at));
      }
      for (ResponseRecord r : p.trail) {
        if (r.resolution() == null && r.response() == Response.OBJECTION) {
          items.add(item(AgendaItem.Kind.UNRESOLVED_OBJECTION, Long.toString(p.entry), "An objection to " + what
              + " is unresolved: \"" + r.reason() + "\". Amend the proposal or talk it through.", r.at(), at));
        }
      }
    }
    fold.polls.polls.forEach((entry, t) -> {
      if (!at.isBefore(t.closes()) && !fold.polls.closed.containsKey(entry)) {
        items.add(item(AgendaItem.Kind.POLL_READY_TO_COUNT, Long.toString(entry), "Voting in poll " + entry + " (\""
            + t.question() + "\") closed at " + t.closes() + "; have the collective count it.", t.closes(), at));
      }
    });
    fold.joining.applications.values().forEach(a -> {
      if (a.decision == null && !at.isBefore(a.closes())) {
        items.add(item(AgendaItem.Kind.APPLICATION_TO_DECIDE, Long.toString(a.entry), "An application to join (entry "
            + a.entry + ") waits for " + (a.rule == null ? "a member to accept or decline it." : "its decision: the"
            + " window for responses closed at " + a.closes() + "."), a.closes(), at));
      }
    });
    if (fold.rotations.published != null) {
      YearMonth month = YearMonth.from(at.atZone(ZoneOffset.UTC));
      items.add(item(AgendaItem.Kind.ROTATION_REVIEW, month.toString(), "The monthly review of the responsibility map"
          + " for " + month + ": how load is spread, the fairness bounds, newcomers waiting, changes to propose.",
          month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), at));
    }
    for (Campaign c : fold.campaigns.campaigns.values()) {
      Instant ended = c.ends().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      Debrief d = fold.campaigns.debriefs.get(c.id());
      if (d == null && !at.isBefore(ended)) {
        items.add(item(AgendaItem.Kind.DEBRIEF_DUE, c.id(), "Campaign \"" + c.name() + "\" ended on " + c.ends()
            + ": hold its debrief (celebrate, mourn, refine) to close it.", ended, at));
      }
      if (d != null) {
        Instant when = fold.campaigns.debriefedAt.get(c.id());
        if (at.isBefore(when.plus(Duration.ofDays(60)))) {
          for (String refine : d.refine()) {
            items.add(item(AgendaItem.Kind.DEBRIEF_FINDING, c.id(), "From the debrief of \"" + c.name()
                + "\", to refine at the next agreement review: " + refine, when, at));
          }
        }
      }
    }
    for (CirclesFold.RaisedTension t : fold.circles.tensions.values()) {
      if (!t.takenUp()) {
        String what = t.tension().visibility() == Tension.Visibility.PUBLIC_SUMMARY
            ? "\"" + t.tension().summary() + "\"" : "a tension (circle only)";
        items.add(item(AgendaItem.Kind.TENSION_RAISED, t.circle().value(), "For the " + t.circle() + " circle: " + what
            + ", with " + t.tension().affected().size() + " member(s) invited.", t.at(), at));
      }
    }
    for (ClaimRecord c : fold.aidFund.claims.values()) {
      if (c.status() == ClaimRecord.Status.OPEN && !at.isBefore(c.decideBy())) {
        items.add(item(AgendaItem.Kind.AID_CLAIM_WAITING, Long.toString(c.entry()), "Claim " + c.entry() + " on fund "
            + c.fund() + " has waited past " + c.decideBy() + " for the stewards' decision.", c.decideBy(), at));
      }
    }
    long waiting = fold.timeBank.transfers.values().stream()
        .filter(t -> t.status() == TimeTransfer.Status.PENDING && !t.expiredAt(at)).count();
    if (waiting > 0) {
      items.add(item(AgendaItem.Kind.CONFIRMATION_WAITING, "time-bank", waiting + " time-bank transfer(s) wait for"
          + " confirmation; unconfirmed, they expire.", at, at));
    }
    for (ToolLibraryFold.Tool t : fold.toolLibrary.tools.values()) {
      if (t.due != null && at.isAfter(t.due)) {
        items.add(item(AgendaItem.Kind.LOAN_OVERDUE, t.id.value(), "\"" + t.name + "\" was due back on " + t.due
            + (t.queue.waiting().isEmpty() ? "." : "; " + t.queue.waiting().size() + " member(s) wait for it."), t.due,
            at));
      }
    }
    for (Indicator i : Health.of(fold, at, witnessing, size).crossed()) {
      items.add(item(AgendaItem.Kind.HEALTH_WARNING, i.name(), i.explanation(), at, at));
    }
    items.sort(Comparator.comparing(AgendaItem::kind).thenComparing(AgendaItem::since));
    return List.copyOf(items);
  }

  private static AgendaItem item(AgendaItem.Kind kind, String subject, String detail, Instant since, Instant at) {
    Duration age = since.isBefore(at) ? Duration.between(since, at) : Duration.ZERO;
    return new AgendaItem(kind, subject, detail, since, age);
  }
}
