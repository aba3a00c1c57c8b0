package coop.lattice.collective;

import coop.lattice.joining.Permission;
import java.util.Set;

/**
 * Where a member stands with newcomer trust ({@link Joining#standing}): counts, never a list of who
 * trusts whom, and never a score.
 *
 * @param needsTrust whether they joined while an agreement asks newcomers for trust
 * @param trustedBy how many distinct members trust them
 * @param threshold how many the agreements in force ask for (0: none)
 * @param notYet what they may not do until enough members trust them; empty once they may do all
 */
public record TrustStanding(boolean needsTrust, int trustedBy, int threshold, Set<Permission> notYet) {
  public TrustStanding {
    notYet = Set.copyOf(notYet);
  }

  /** Whether they may do {@code what} now. */
  public boolean may(Permission what) {
    return !notYet.contains(what);
  }
}
