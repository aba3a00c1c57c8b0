package coop.lattice.rotation;

import com.google.common.hash.Hashing;
import coop.lattice.MemberId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weighted variant: all roles' slots form one sequence in date order, each turn counting its
 * role's weight, and each slot goes to the eligible, available, free member with the largest
 * weighted deficit (entitlement minus load carried), ties by the seed. Use it when tasks differ
 * in weight and the collective cares about total load more than about each role separately.
 *
 * <p>What it keeps (F9): hard constraints always (F5); with constant availability, every
 * member's prefix deviation of weighted load stays under the largest task weight (checked by a
 * property); with varying availability that bound is best effort, and the monthly review
 * reports what was achieved. Per-role balance (F1 for each role) is what {@link
 * RotationPolicy#fair} keeps instead.
 */
final class WeightedRotation implements RotationPolicy {
  private final long seed;

  WeightedRotation(long seed) {
    this.seed = seed;
  }

  @Override
  public String name() {
    return "weighted-v1";
  }

  @Override
  public Plan plan(PlanRequest request) {
    Map<RoleId, Role> roles = new TreeMap<>();
    request.roles().forEach(r -> roles.put(r.id(), r));
    Occupancy occupancy = new Occupancy(request, roles);
    Map<Slot, Assignment> slots = new TreeMap<>();
    for (Role r : roles.values()) {
      for (LocalDate d : r.cadence().between(request.from(), request.until())) {
        for (int seat = 1; seat <= r.seats(); seat++) {
          slots.put(new Slot(d, r.id(), seat), new Assignment(new Slot(d, r.id(), seat), null, ""));
        }
      }
    }
    int n = request.roster().size();
    double[] deficit = new double[n];
    long[] key = new long[n];
    for (int p = 0; p < n; p++) {
      key[p] = Hashing.sha256().hashString(seed + "/" + request.roster().get(p).member(), StandardCharsets.UTF_8).asLong();
    }
    for (Slot slot : new ArrayList<>(slots.keySet())) {
      Role role = roles.get(slot.role());
      double w = role.weight().doubleValue();
      int d = occupancy.day(slot.date());
      double total = 0;
      for (int p = 0; p < n; p++) {
        if (able(request.roster().get(p), role, slot, occupancy, d, p)) {
          total += request.roster().get(p).capacity().doubleValue();
        }
      }
      int best = -1;
      int count = 0;
      for (int p = 0; p < n; p++) {
        Participant who = request.roster().get(p);
        if (!able(who, role, slot, occupancy, d, p)) {
          continue;
        }
        count++;
        deficit[p] += w * who.capacity().doubleValue() / total;
        if (best < 0 || deficit[p] > deficit[best] + 1e-12
            || Math.abs(deficit[p] - deficit[best]) <= 1e-12 && key[p] < key[best]) {
          best = p;
        }
      }
      if (best < 0) {
        slots.put(slot, new Assignment(slot, null, FairRotation.whyNobody(request, role, slot.date(), slot.seat())));
        continue;
      }
      MemberId m = request.roster().get(best).member();
      slots.put(slot, new Assignment(slot, m, count == 1 ? "the only eligible and available member"
          : "largest weighted deficit among " + count + " eligible and available"));
      deficit[best] -= w;
      occupancy.hold(slot.date(), m, role.id());
    }
    return new Plan(name(), Long.toString(seed), request.from(), request.until(), new ArrayList<>(slots.values()));
  }

  private static boolean able(Participant who, Role role, Slot slot, Occupancy occupancy, int day, int p) {
    return who.eligibleFor(role) && who.availableOn(slot.date()) && occupancy.free(day, p, role);
  }
}
