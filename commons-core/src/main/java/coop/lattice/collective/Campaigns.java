package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.cycle.Campaign;
import coop.lattice.cycle.Debrief;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.rotation.Role;
import java.time.Instant;
import java.util.List;

/**
 * A collective's campaign cycles: campaigns with intense and rest phases, members opting in to rest
 * phases, debriefs, and the burnout guard. Obtained from {@link Collective#campaigns()}.
 *
 * <p>Plans made after a campaign starts cap each member's hours in its intense phases and give
 * turns in its rest phases only to those who opted in ({@link Rotations#request}). A debrief closes
 * a campaign and is refused while it still runs.
 *
 * <pre>{@code
 * coop.campaigns().start(ana, campaign);
 * coop.campaigns().optIntoRest(bo, campaign.id());
 * List<String> warnings = coop.campaigns().burnoutWarnings(now, roles);   // counts, never names
 * }</pre>
 */
public final class Campaigns {
  private final Collective collective;

  Campaigns(Collective collective) {
    this.collective = collective;
  }

  /** {@code by} starts a campaign; plans made after it cap hours in its intense phases and rest in its rest phases. */
  public Entry start(MemberId by, Campaign campaign) {
    return collective.submit(by, new Event.CampaignStarted(campaign));
  }

  /** {@code member} opts in to taking turns during the campaign's rest phases. */
  public Entry optIntoRest(MemberId member, String campaign) {
    return collective.submit(member, new Event.RestOptedIn(campaign));
  }

  /** {@code by} records the campaign's debrief, which closes it; rejected while the campaign is still running. */
  public Entry debrief(MemberId by, String campaign, Debrief debrief) {
    return collective.submit(by, new Event.DebriefRecorded(campaign, debrief));
  }

  /**
   * The burnout guard at {@code at}: intense phases longer than the agreed maximum, and weeks in
   * which the published map puts members over the weekly cap of hours in an intense phase (a turn
   * counts its role's weight in hours, as the planner counts it; reported as counts, never names).
   */
  public List<String> burnoutWarnings(Instant at, List<Role> roles) {
    return collective.read(f -> CampaignsFold.burnoutWarnings(f, at, roles));
  }
}
