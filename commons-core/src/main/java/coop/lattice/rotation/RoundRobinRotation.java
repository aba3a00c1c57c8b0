package coop.lattice.rotation;

import coop.lattice.MemberId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The baseline: each seat of each role goes to the next member in the order of member ids who
 * is eligible, available and free that day. Simple and predictable; it ignores capacity and
 * lets availability gaps pile turns onto whoever happens to be next.
 */
final class RoundRobinRotation implements RotationPolicy {
  @Override
  public String name() {
    return "round-robin-v1";
  }

  @Override
  public Plan plan(PlanRequest request) {
    Map<RoleId, Role> roles = new TreeMap<>();
    request.roles().forEach(r -> roles.put(r.id(), r));
    Occupancy occupancy = new Occupancy(request, roles);
    List<Participant> roster = request.roster().stream().sorted(Comparator.comparing(Participant::member)).toList();
    Map<Slot, Assignment> out = new TreeMap<>();
    for (Role role : roles.values()) {
      for (int seat = 1; seat <= role.seats(); seat++) {
        int next = 0;
        for (LocalDate d : role.cadence().between(request.from(), request.until())) {
          Slot slot = new Slot(d, role.id(), seat);
          MemberId chosen = null;
          for (int k = 0; k < roster.size() && chosen == null; k++) {
            Participant p = roster.get((next + k) % roster.size());
            if (p.eligibleFor(role) && p.availableOn(d) && occupancy.free(d, p.member(), role)) {
              chosen = p.member();
              next = (next + k + 1) % roster.size();
            }
          }
          if (chosen == null) {
            out.put(slot, new Assignment(slot, null, PlanReasons.whyNobody(request, role, d, seat)));
          } else {
            occupancy.hold(d, chosen, role.id());
            out.put(slot, new Assignment(slot, chosen, "round robin: next in the order of member ids"));
          }
        }
      }
    }
    return new Plan(name(), "", request.from(), request.until(), new ArrayList<>(out.values()));
  }
}
