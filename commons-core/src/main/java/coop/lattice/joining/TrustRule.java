package coop.lattice.joining;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Newcomer trust, as the agreements in force set it: after {@code threshold} members have trusted
 * a newcomer, they may do what {@code permissions} names. A pure rule: it counts distinct members
 * who gave their trust and knows nothing of the ledger, so a fold and a reference model apply it
 * alike.
 *
 * <p>Unlike a reputation score, trust is not earned by activity or counted up over time: members
 * who know the newcomer say so, once each, and the count only ever reaches the threshold.
 *
 * @param threshold how many members must trust a newcomer (0: nobody needs trust, as before)
 * @param permissions what a newcomer may do only once trusted
 * @param until until when a member counts as new
 */
public record TrustRule(int threshold, Set<Permission> permissions, NewcomerUntil until) {
  /** No trust needed: every member may do everything a member may, and is new during the window. */
  public static final TrustRule NONE = new TrustRule(0, Set.of(), NewcomerUntil.WINDOW);

  public TrustRule {
    checkArgument(threshold >= 0, "a trust threshold is 0 or more members, not %s", threshold);
    permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
  }

  /** Whether a newcomer trusted by {@code trusters} distinct members is trusted. */
  public boolean trusted(int trusters) {
    return trusters >= threshold;
  }

  /**
   * Whether a member may do {@code what}: always, unless they {@code needTrust} (they joined while
   * trust was asked of newcomers), {@code what} is among the permissions and fewer than {@code
   * threshold} distinct members trust them.
   */
  public boolean permits(Permission what, boolean needTrust, int trusters) {
    return !needTrust || !permissions.contains(what) || trusted(trusters);
  }

  /**
   * Whether a member who joined at {@code joined}, {@code needTrust} and is trusted by {@code
   * trusters} members is new at {@code at}, with the newcomer window {@code window}. Without a
   * threshold, or for a member who never needed trust, the window alone decides.
   */
  public boolean isNew(Instant joined, Instant at, Duration window, boolean needTrust, int trusters) {
    if (at.isBefore(joined)) {
      return false;
    }
    boolean inWindow = at.isBefore(joined.plus(window));
    if (threshold == 0 || !needTrust || until == NewcomerUntil.WINDOW) {
      return inWindow;
    }
    boolean untrusted = !trusted(trusters);
    return until == NewcomerUntil.TRUSTED ? untrusted : untrusted && inWindow;
  }

  /** How many more members' trust a newcomer trusted by {@code trusters} needs; 0 once trusted. */
  public int stillNeeded(int trusters) {
    return Math.max(0, threshold - trusters);
  }
}
