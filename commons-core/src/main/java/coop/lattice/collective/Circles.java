package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.circle.CircleId;
import coop.lattice.circle.SpeakingReport;
import coop.lattice.circle.Tension;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.rotation.RoleId;
import java.util.Optional;

/**
 * A collective's restorative circles: standing circles whose keeper comes from the rotation,
 * tensions raised before they become crises, and meetings with an equal speaking budget. Obtained
 * from {@link Collective#circles()}.
 *
 * <p>A meeting is recorded by the keeper the responsibility map names for that day, with every turn;
 * overlapping turns are refused. What a meeting leaves is a distribution of speaking time, never a
 * ranking of who spoke.
 *
 * <pre>{@code
 * coop.circles().form(ana, circle, "Pantry circle", RoleId.of("keeper"));
 * long tension = coop.circles().raiseTension(bo, circle, tension);
 * long meeting = coop.circles().recordMeeting(keeper, held);
 * Optional<SpeakingReport> spread = coop.circles().speakingReport(meeting);
 * }</pre>
 */
public final class Circles {
  private final Collective collective;

  Circles(Collective collective) {
    this.collective = collective;
  }

  /** {@code by} forms a standing circle whose keeper comes from the rotation role {@code keeperRole}. */
  public Entry form(MemberId by, CircleId circle, String name, RoleId keeperRole) {
    return collective.submit(by, new Event.CircleFormed(circle, name, keeperRole));
  }

  /** {@code by} raises a tension for {@code circle} before it becomes a crisis. */
  public long raiseTension(MemberId by, CircleId circle, Tension tension) {
    return collective.submit(by, new Event.TensionRaised(circle, tension)).sequence();
  }

  /**
   * The keeper records a meeting: participants, the equal budget, every turn and the outcomes.
   * Rejected without the rotation's keeper for that day, or with overlapping turns.
   */
  public long recordMeeting(MemberId keeper, Event.CircleMeetingHeld meeting) {
    return collective.submit(keeper, meeting).sequence();
  }

  /** How speaking time was spread in the meeting recorded at entry {@code meeting}: a distribution, never a ranking. */
  public Optional<SpeakingReport> speakingReport(long meeting) {
    return collective.read(f -> Optional.ofNullable(f.circles.meetings.get(meeting))
        .map(m -> SpeakingReport.of(m.participants(), m.turns(), m.budgetSeconds())));
  }
}
