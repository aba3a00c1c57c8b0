package coop.lattice.rotation;

import coop.lattice.MemberId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The responsibility map for a horizon: every slot with its holder and the reason.
 *
 * @param policy which policy made it (with its algorithm version)
 * @param seed the published seed its tie-breaks come from (as text: canonical JSON numbers are limited to 2^53)
 * @param from the first day of the horizon
 * @param until the day after the horizon
 * @param assignments every slot, in slot order
 */
public record Plan(String policy, String seed, LocalDate from, LocalDate until, List<Assignment> assignments) {
  public Plan {
    assignments = List.copyOf(assignments);
  }

  /** Slots nobody could hold, each with the reason. */
  public List<Assignment> unfilled() {
    return assignments.stream().filter(a -> !a.filled()).toList();
  }

  public Optional<Assignment> at(Slot slot) {
    return assignments.stream().filter(a -> a.slot().equals(slot)).findFirst();
  }

  /** The slots {@code member} holds, in order: their own view of the map. */
  public List<Slot> slotsOf(MemberId member) {
    return assignments.stream().filter(a -> member.equals(a.member())).map(Assignment::slot).toList();
  }
}
