package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.InvalidCircleException;
import coop.lattice.MemberId;
import coop.lattice.MissingStepException;
import coop.lattice.NotPermittedException;
import coop.lattice.TooEarlyException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.circle.CircleId;
import coop.lattice.circle.CircleOutcome;
import coop.lattice.circle.Tension;
import coop.lattice.circle.Turn;
import coop.lattice.ledger.Event;
import coop.lattice.rotation.Assignment;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.Slot;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Restorative circles, their tensions and meetings, as a fold with its rules. Not thread-safe. */
final class CirclesFold implements SubFold {
  final Map<CircleId, Event.CircleFormed> circles = new TreeMap<>(Comparator.comparing(CircleId::value));
  final Map<Long, RaisedTension> tensions = new LinkedHashMap<>();
  final Map<Long, Event.CircleMeetingHeld> meetings = new LinkedHashMap<>();

  /** A tension and whether a meeting of its circle has taken it up since. */
  record RaisedTension(long entry, CircleId circle, MemberId raisedBy, Tension tension, Instant at, boolean takenUp) {}

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.CircleFormed || e instanceof Event.TensionRaised || e instanceof Event.CircleMeetingHeld;
  }

  @Override
  public void check(Step s) {
    MemberId author = s.author();
    Event event = s.event();
    Instant now = s.time();
    Membership membership = s.fold().membership;
    RotationsFold rotations = s.fold().rotations;
    Governance governance = s.fold().governance;
    if (event instanceof Event.CircleFormed f) {
      membership.activeMember(author, "form a circle");
      if (circles.containsKey(f.circle())) {
        throw new ConflictException("There is already a circle called " + f.circle() + ".");
      }
    } else if (event instanceof Event.TensionRaised t) {
      circle(t.circle());
      membership.activeMember(author, "raise a tension");
      for (MemberId m : t.tension().affected()) {
        membership.activeMember(m, "be invited to the circle");
      }
    } else if (event instanceof Event.CircleMeetingHeld m) {
      Event.CircleFormed c = circle(m.circle());
      if (m.date().isAfter(now.atZone(ZoneOffset.UTC).toLocalDate())) {
        throw new TooEarlyException("The meeting of " + m.date() + " has not happened yet; record it afterwards.");
      }
      Plan plan = rotations.currentPlan();
      MemberId keeper = plan == null ? null : plan.at(new Slot(m.date(), c.keeperRole(), 1))
          .map(Assignment::member).orElse(null);
      if (keeper == null) {
        throw new MissingStepException("A circle meeting needs a keeper: the rotation names no " + c.keeperRole()
            + " for " + m.date() + ". Publish a plan that does, then record the meeting.");
      }
      if (!author.equals(keeper)) {
        throw new NotPermittedException("The keeper, " + keeper + ", records the meeting of " + m.date() + ".");
      }
      if (!m.participants().contains(keeper)) {
        throw new InvalidCircleException("The keeper, " + keeper + ", takes part in the meeting.");
      }
      for (MemberId p : m.participants()) {
        membership.activeMember(p, "take part in the circle");
      }
      if (m.budgetSeconds() <= 0) {
        throw new InvalidCircleException("Each participant's equal speaking time must be more than zero seconds.");
      }
      List<Turn> sorted = new ArrayList<>(m.turns());
      sorted.sort(Comparator.comparingLong(Turn::startSecond).thenComparingLong(Turn::endSecond));
      for (int i = 0; i < sorted.size(); i++) {
        Turn t = sorted.get(i);
        if (!m.participants().contains(t.member())) {
          throw new InvalidCircleException(t.member() + " had a turn but is not listed as taking part.");
        }
        if (i > 0 && t.round() < sorted.get(i - 1).round()) {
          throw new InvalidCircleException("Turns go round by round: a turn of round " + t.round() + " at second "
              + t.startSecond() + " comes after round " + sorted.get(i - 1).round() + " began.");
        }
        if (i > 0 && t.startSecond() < sorted.get(i - 1).endSecond()) {
          throw new InvalidCircleException("Two turns overlap at second " + t.startSecond() + " (" + sorted.get(i - 1)
              .member() + " and " + t.member() + "): the keeper's timer gives the floor to one person at a time.");
        }
      }
      for (CircleOutcome o : m.outcomes()) {
        if (o.kind() == CircleOutcome.Kind.PROPOSAL && !governance.proposals.containsKey(o.proposal())) {
          throw new UnknownReferenceException("The outcome names proposal " + o.proposal() + ", which does not exist.");
        }
      }
    }
  }

  @Override
  public void apply(Step e) {
    Event event = e.event();
    if (event instanceof Event.CircleFormed f) {
      circles.put(f.circle(), f);
    } else if (event instanceof Event.TensionRaised t) {
      tensions.put(e.sequence(), new RaisedTension(e.sequence(), t.circle(), e.author(), t.tension(), e.time(), false));
    } else if (event instanceof Event.CircleMeetingHeld m) {
      meetings.put(e.sequence(), m);
      tensions.replaceAll((k, t) -> t.circle().equals(m.circle()) && !t.takenUp()
          ? new RaisedTension(t.entry(), t.circle(), t.raisedBy(), t.tension(), t.at(), true) : t);
    }
  }

  private Event.CircleFormed circle(CircleId id) {
    Event.CircleFormed c = circles.get(id);
    if (c == null) {
      throw new UnknownReferenceException("There is no circle called " + id + ".");
    }
    return c;
  }
}
