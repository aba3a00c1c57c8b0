package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.cycle.Campaign;
import coop.lattice.cycle.Debrief;
import coop.lattice.ledger.Event;
import coop.lattice.rotation.Assignment;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.Role;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Campaigns, rest opt-ins and debriefs, as a part of the fold with their rules, and the burnout
 * guard that reads them against the published map. Not thread-safe.
 */
final class CampaignsFold implements SubFold {
  final Map<String, Campaign> campaigns = new LinkedHashMap<>();
  final Map<String, Set<MemberId>> optedIn = new HashMap<>();
  final Map<String, Debrief> debriefs = new LinkedHashMap<>();
  final Map<String, Instant> debriefedAt = new HashMap<>();

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.CampaignStarted || e instanceof Event.RestOptedIn || e instanceof Event.DebriefRecorded;
  }

  @Override
  public void check(Step s) {
    MemberId author = s.author();
    Event event = s.event();
    Instant now = s.time();
    s.fold().membership.activeMember(author, "take part in the collective's campaigns");
    if (event instanceof Event.CampaignStarted started) {
      if (campaigns.containsKey(started.campaign().id())) {
        throw new ConflictException("There is already a campaign called " + started.campaign().id() + ".");
      }
    } else if (event instanceof Event.RestOptedIn o) {
      campaign(o.campaign());
    } else if (event instanceof Event.DebriefRecorded d) {
      Campaign c = campaign(d.campaign());
      if (!now.atZone(ZoneOffset.UTC).toLocalDate().isAfter(c.ends())) {
        throw new InvalidRotationException("Campaign " + c.id() + " is still open until " + c.ends()
            + ": its debrief comes after its last phase.");
      }
      if (debriefs.containsKey(c.id())) {
        throw new ConflictException("Campaign " + c.id() + " was already debriefed.");
      }
    }
  }

  @Override
  public void apply(Step e) {
    Event event = e.event();
    if (event instanceof Event.CampaignStarted s) {
      campaigns.put(s.campaign().id(), s.campaign());
    } else if (event instanceof Event.RestOptedIn o) {
      optedIn.computeIfAbsent(o.campaign(), k -> new HashSet<>()).add(e.author());
    } else if (event instanceof Event.DebriefRecorded d) {
      debriefs.put(d.campaign(), d.debrief());
      debriefedAt.put(d.campaign(), e.time());
    }
  }

  /**
   * The burnout guard at {@code at}: intense phases longer than the agreed maximum, and weeks in
   * which the published map puts members over the weekly cap of hours in an intense phase (a turn
   * counts its role's weight in hours, as the planner counts it). Counts, never names.
   */
  static List<String> burnoutWarnings(Fold fold, Instant at, List<Role> roles) {
    Parameters p = fold.governance.parameters(at);
    int maxWeeks = p.get(Parameter.CYCLE_MAX_INTENSITY_WEEKS);
    double cap = p.get(Parameter.INTENSE_CAPACITY_HOURS_PER_WEEK).doubleValue();
    Plan plan = fold.rotations.currentPlan();
    List<String> out = new ArrayList<>();
    for (Campaign c : fold.campaigns.campaigns.values()) {
      for (Campaign.Phase ph : c.phases()) {
        if (ph.kind() != Campaign.Phase.Kind.INTENSITY) {
          continue;
        }
        if (ph.weeks() > maxWeeks) {
          out.add("Campaign " + c.id() + " runs an intense phase of " + ph.weeks() + " weeks (" + ph.from() + " to "
              + ph.until() + "), longer than the agreed " + maxWeeks + ": plan rest before people burn out.");
        }
        if (plan == null) {
          continue;
        }
        Map<String, Double> weekHours = new HashMap<>();
        for (Assignment a : plan.assignments()) {
          if (a.member() != null && ph.covers(a.slot().date())) {
            String week = a.slot().date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) + "/" + a.member();
            double hours = roles.stream().filter(r -> r.id().equals(a.slot().role())).findFirst()
                .map(r -> r.weight().doubleValue()).orElse(1.0);
            weekHours.merge(week, hours, Double::sum);
          }
        }
        long over = weekHours.values().stream().filter(h -> h > cap).count();
        if (over > 0) {
          out.add(over + " member-week(s) in campaign " + c.id() + " go over the cap of " + cap
              + " hours a week in its intense phase: lighten the map.");
        }
      }
    }
    return out;
  }

  private Campaign campaign(String id) {
    Campaign c = campaigns.get(id);
    if (c == null) {
      throw new UnknownReferenceException("There is no campaign called " + id + ".");
    }
    return c;
  }
}
