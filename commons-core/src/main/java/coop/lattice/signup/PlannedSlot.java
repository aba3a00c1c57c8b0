package coop.lattice.signup;

import coop.lattice.MemberId;
import coop.lattice.rotation.Slot;
import org.jspecify.annotations.Nullable;

/**
 * One slot of a closed sign-up round, as the plan says: who holds it, how they came to, and why.
 *
 * @param slot the slot
 * @param member who holds it; null when nobody could
 * @param how chosen, assigned, handed over, or open
 * @param reason why, in words a member can check
 */
public record PlannedSlot(Slot slot, @Nullable MemberId member, How how, String reason) {
  /** How a slot came to its holder. */
  public enum How {
    /** The member signed up for it during the window. */
    CHOSEN,
    /** The rotation filled it when the window closed. */
    ASSIGNED,
    /** It changed hands after the window closed, by a swap or a cover both members agreed. */
    HANDED_OVER,
    /** Nobody could hold it; the reason says why. */
    OPEN
  }
}
