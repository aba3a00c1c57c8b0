package coop.lattice.rotation;

import coop.lattice.MemberId;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Who holds which roles on which day, to enforce seats and exclusivity (F5). */
final class Occupancy {
  private final Map<LocalDate, Map<MemberId, Set<RoleId>>> held = new HashMap<>();
  private final Map<RoleId, Role> roles;

  Occupancy(Map<RoleId, Role> roles) {
    this.roles = roles;
  }

  void hold(LocalDate day, MemberId m, RoleId r) {
    held.computeIfAbsent(day, d -> new HashMap<>()).computeIfAbsent(m, k -> new HashSet<>()).add(r);
  }

  void release(LocalDate day, MemberId m, RoleId r) {
    Set<RoleId> s = held.getOrDefault(day, Map.of()).get(m);
    if (s != null) {
      s.remove(r);
    }
  }

  /** True when m may take role r on day: not another seat of r, nothing exclusive with r. */
  boolean free(LocalDate day, MemberId m, Role r) {
    Set<RoleId> mine = held.getOrDefault(day, Map.of()).getOrDefault(m, Set.of());
    for (RoleId other : mine) {
      if (other.equals(r.id()) || r.exclusiveWith().contains(other) || roles.get(other).exclusiveWith().contains(r.id())) {
        return false;
      }
    }
    return true;
  }
}
