package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.RejectedCommandException;
import coop.lattice.cycle.Campaign;
import coop.lattice.cycle.Debrief;
import coop.lattice.ledger.Event;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Campaigns, rest opt-ins and debriefs, as a fold with its rules. Not thread-safe. */
final class Campaigns implements SubFold {
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

  private Campaign campaign(String id) {
    Campaign c = campaigns.get(id);
    if (c == null) {
      throw new RejectedCommandException("There is no campaign called " + id + ".");
    }
    return c;
  }
}
