package coop.lattice.rotation;

import coop.lattice.MemberId;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who holds which roles on which day, to enforce seats and exclusivity (F5): for each role and
 * day of the horizon, a bit per participant (by their index on the roster).
 */
final class Occupancy {
  private final LocalDate from;
  private final int days;
  private final Map<MemberId, Integer> index = new HashMap<>();
  private final Map<RoleId, BitSet[]> holders = new HashMap<>();
  /** For each role: itself and every role it excludes or that excludes it. */
  private final Map<RoleId, List<RoleId>> conflicts = new HashMap<>();

  Occupancy(PlanRequest request, Map<RoleId, Role> roles) {
    this.from = request.from();
    this.days = (int) ChronoUnit.DAYS.between(request.from(), request.until());
    for (Participant p : request.roster()) {
      index.put(p.member(), index.size());
    }
    for (Role r : roles.values()) {
      holders.put(r.id(), new BitSet[days]);
      Set<RoleId> c = new HashSet<>(r.exclusiveWith());
      c.add(r.id());
      for (Role o : roles.values()) {
        if (o.exclusiveWith().contains(r.id())) {
          c.add(o.id());
        }
      }
      conflicts.put(r.id(), List.copyOf(c));
    }
  }

  int day(LocalDate d) {
    return (int) ChronoUnit.DAYS.between(from, d);
  }

  void hold(LocalDate day, MemberId m, RoleId r) {
    bits(r, day(day)).set(index.get(m));
  }

  void release(LocalDate day, MemberId m, RoleId r) {
    bits(r, day(day)).clear(index.get(m));
  }

  /** True when m may take role r on day: not another seat of r, nothing exclusive with r. */
  boolean free(LocalDate day, MemberId m, Role r) {
    return free(day(day), index.get(m), r);
  }

  boolean free(int day, int participant, Role r) {
    for (RoleId c : conflicts.get(r.id())) {
      BitSet b = holders.get(c)[day];
      if (b != null && b.get(participant)) {
        return false;
      }
    }
    return true;
  }

  private BitSet bits(RoleId r, int day) {
    BitSet[] perDay = holders.get(r);
    if (perDay[day] == null) {
      perDay[day] = new BitSet();
    }
    return perDay[day];
  }

  int days() {
    return days;
  }
}
