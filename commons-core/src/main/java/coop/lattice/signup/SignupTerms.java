package coop.lattice.signup;

import coop.lattice.InvalidSignupException;
import coop.lattice.canonical.CanonicalWriter;
import coop.lattice.internal.Names;
import coop.lattice.rotation.RoleId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sign-up round: the activities members take voluntarily, the days they cover, when the window
 * closes, and the seed the rotation breaks ties with when it fills what nobody chose.
 *
 * <p>Rejected, with a message that says what to fix: no activity, the same activity twice, days that
 * end before they start, an activity that never comes round in them or excludes one not in the
 * round, a seed beyond what canonical JSON holds exactly.
 *
 * @param name what the round is called ("Spring pickups")
 * @param activities what members sign up for
 * @param from the first day of the round
 * @param until the day after the round
 * @param closes when the window closes: the deadline to take and to leave a slot; then the rotation
 *     fills the rest, and a slot changes hands only by a swap or a cover
 * @param seed published with the round, before anyone signs up: the rotation's tie-breaks come from it
 */
public record SignupTerms(String name, List<Activity> activities, LocalDate from, LocalDate until, Instant closes,
    long seed) {
  public SignupTerms {
    Names.text("a sign-up round's name", name, 120);
    activities = List.copyOf(activities);
    if (activities.isEmpty()) {
      throw new InvalidSignupException("A sign-up round needs at least one activity to sign up for.");
    }
    if (activities.size() > 200) {
      throw new InvalidSignupException("A sign-up round has at most 200 activities, not " + activities.size() + ".");
    }
    if (!from.isBefore(until)) {
      throw new InvalidSignupException("A round from " + from + " until " + until + " holds no day; it runs from its"
          + " first day up to the day after its last.");
    }
    if (until.isAfter(from.plusYears(2))) {
      throw new InvalidSignupException("A round covers at most two years; this one runs from " + from + " until "
          + until + ".");
    }
    Set<RoleId> ids = new HashSet<>();
    for (Activity a : activities) {
      if (!ids.add(a.id())) {
        throw new InvalidSignupException("Activity " + a.id() + " is listed twice; give each its own id.");
      }
      for (RoleId other : a.exclusiveWith()) {
        if (activities.stream().noneMatch(b -> b.id().equals(other))) {
          throw new InvalidSignupException("Activity " + a.id() + " excludes " + other + ", which is not in the round;"
              + " add it, or take it out of " + a.id() + "'s exclusiveWith.");
        }
      }
      if (a.cadence().between(from, until).isEmpty()) {
        throw new InvalidSignupException("Activity " + a.id() + " never comes round between " + from + " and " + until
            + "; check its cadence or the round's days.");
      }
    }
    if (Math.abs(seed) > CanonicalWriter.MAX_SAFE_INTEGER) {
      throw new InvalidSignupException("A seed is at most 2^53 - 1 in size, so that every reader of the ledger reads"
          + " it exactly; " + seed + " is not.");
    }
  }

  /** The activity called {@code id}, if the round has it. */
  public Optional<Activity> activity(RoleId id) {
    return activities.stream().filter(a -> a.id().equals(id)).findFirst();
  }
}
