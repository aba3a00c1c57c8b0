package coop.lattice.rotation;

import coop.lattice.MemberId;
import org.jspecify.annotations.Nullable;

/**
 * Who holds a slot, and why, in words a member can check: "fair share: due a turn (share 2.50,
 * held 1) among 7 eligible and available", "newcomer guarantee", "swap approved by both".
 *
 * @param slot the slot
 * @param member who holds it, or null when nobody could (the reason says why)
 * @param reason why this member, or why nobody
 */
public record Assignment(Slot slot, @Nullable MemberId member, String reason) {
  public boolean filled() {
    return member != null;
  }
}
