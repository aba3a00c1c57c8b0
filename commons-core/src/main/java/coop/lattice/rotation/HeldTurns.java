package coop.lattice.rotation;

import coop.lattice.MemberId;
import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns settled before the fair policy plans, and wishes it weighs: what a sign-up hands the
 * rotation ({@code coop.lattice.signup}). Each held slot is a turn its member holds already, in
 * the shares of its role like any other; the policy fills only the other seats, so that a member's
 * held and planned turns together stay within one turn of their share (F1 on the total) whenever a
 * plan can do so. A day a member would rather not take a turn is a soft wish: honoured, for a role,
 * whenever a plan within F1 honours every such wish; unavailability ({@link Participant#away()}) stays
 * hard.
 *
 * <p>Unlike a plan's slots, a held slot's seat number only tells seats of one occurrence apart: the
 * plan numbers the seats of each occurrence again.
 *
 * @param held the slots held before planning, each with its holder
 * @param ratherNot the days of the week each member would rather not take a turn
 */
public record HeldTurns(Map<Slot, MemberId> held, Map<MemberId, Set<DayOfWeek>> ratherNot) {
  /** Nothing held and no wishes: the fair policy as it plans on its own. */
  public static final HeldTurns NONE = new HeldTurns(Map.of(), Map.of());

  public HeldTurns {
    held = Map.copyOf(new TreeMap<>(held));
    Map<MemberId, Set<DayOfWeek>> wishes = new TreeMap<>();
    ratherNot.forEach((m, days) -> {
      if (!days.isEmpty()) {
        wishes.put(m, Set.copyOf(new TreeSet<>(days)));
      }
    });
    ratherNot = Map.copyOf(wishes);
  }

  /** Whether {@code member} would rather not take a turn on {@code day}. */
  public boolean ratherNot(MemberId member, DayOfWeek day) {
    return ratherNot.getOrDefault(member, Set.of()).contains(day);
  }
}
