package coop.lattice.rotation;

import coop.lattice.MemberId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monthly review of the responsibility map: how load is spread across the group (as a
 * distribution, never a list of people), the fairness bounds the plan achieved, newcomers still
 * waiting for a real role, and changes to propose. It goes onto the agenda.
 *
 * @param month the month reviewed
 * @param turnsDistribution how many members held each number of turns this month ({0: 2, 1: 5, 2: 1}
 *     means two members held none, five held one, one held two)
 * @param busiestQuarterShare the share of all turns held by the busiest quarter of the roster (0.25
 *     is perfectly even for equal capacities)
 * @param worstDeviation the largest distance, in turns, between any member's share of a role
 *     (taken as a whole, after exclusivity in the planning order) and what they held, at any
 *     point of any role, computed exactly (below 1 means F1 held)
 * @param unfilled slots nobody could hold this month
 * @param newcomersWaiting newcomers who do not yet hold a real role (they are owed one, so they are named)
 * @param proposals changes the collective may want to make
 */
public record RotationReview(YearMonth month, Map<Integer, Integer> turnsDistribution, double busiestQuarterShare,
    double worstDeviation, int unfilled, List<MemberId> newcomersWaiting, List<String> proposals) {

  public RotationReview {
    turnsDistribution = Map.copyOf(new TreeMap<>(turnsDistribution));
    newcomersWaiting = List.copyOf(newcomersWaiting);
    proposals = List.copyOf(proposals);
  }

  /** Reviews {@code plan}, made for {@code request}, for {@code month}. */
  public static RotationReview of(PlanRequest request, Plan plan, YearMonth month) {
    LocalDate first = month.atDay(1);
    LocalDate end = month.plusMonths(1).atDay(1);
    Map<MemberId, Integer> turns = new HashMap<>();
    request.roster().forEach(p -> turns.put(p.member(), 0));
    int unfilled = 0;
    for (Assignment a : plan.assignments()) {
      if (a.slot().date().isBefore(first) || !a.slot().date().isBefore(end)) {
        continue;
      }
      if (a.member() == null) {
        unfilled++;
      } else {
        turns.merge(a.member(), 1, Integer::sum);
      }
    }
    Map<Integer, Integer> distribution = new TreeMap<>();
    turns.values().forEach(n -> distribution.merge(n, 1, Integer::sum));
    List<Integer> sorted = new ArrayList<>(turns.values());
    sorted.sort((x, y) -> y - x);
    int quarter = Math.max(1, sorted.size() / 4);
    int total = sorted.stream().mapToInt(Integer::intValue).sum();
    int top = sorted.subList(0, quarter).stream().mapToInt(Integer::intValue).sum();

    Map<RoleId, Role> roles = new TreeMap<>();
    request.roles().forEach(r -> roles.put(r.id(), r));
    List<String> proposals = new ArrayList<>();
    for (Role r : roles.values()) {
      long able = request.roster().stream().filter(p -> p.eligibleFor(r)).count();
      if (able < 3) {
        proposals.add("Only " + able + " member(s) can hold " + r.name() + " (" + r.id() + "): consider sharing the skills"
            + " it needs or widening who may take it.");
      }
    }
    if (unfilled > 0) {
      proposals.add(unfilled + " slot(s) went unfilled this month: look at their reasons in the plan.");
    }
    List<MemberId> waiting = new ArrayList<>();
    for (Participant p : request.roster()) {
      boolean holdsReal = plan.assignments().stream().anyMatch(a -> p.member().equals(a.member())
          && roles.containsKey(a.slot().role()) && roles.get(a.slot().role()).meaningful()
          && !a.slot().date().isBefore(p.joined()));
      if (request.newcomer(p) && !holdsReal) {
        waiting.add(p.member());
      }
    }
    if (!waiting.isEmpty()) {
      proposals.add(waiting.size() + " newcomer(s) still wait for a real role: offer them one at the next meeting.");
    }
    return new RotationReview(month, distribution, total == 0 ? 0 : (double) top / total, worstDeviation(request, plan),
        unfilled, waiting, proposals);
  }

  /**
   * The largest |share - held| over every role, taken as a whole, at every occurrence (the F1 bound
   * achieved), computed exactly and rounded once at the end. Who could hold a role is read as the
   * fair policy plans it: eligible, available, and not holding that day a role earlier in the
   * planning order that excludes it; a member's share of an occurrence is their capacity's part of
   * its seats, never more than one.
   */
  static double worstDeviation(PlanRequest request, Plan plan) {
    Map<Slot, MemberId> holder = new HashMap<>();
    plan.assignments().forEach(a -> holder.put(a.slot(), a.member()));
    long[] capacity = Exact.capacities(request.roster());
    Map<MemberId, Integer> index = new HashMap<>();
    for (int p = 0; p < request.roster().size(); p++) {
      index.put(request.roster().get(p).member(), p);
    }
    List<Role> order = FairRotation.planningOrder(request.roles());
    Ratio worst = Ratio.ZERO;
    for (int k = 0; k < order.size(); k++) {
      Role r = order.get(k);
      Map<Integer, Ratio> share = new HashMap<>();
      Map<Integer, Long> held = new HashMap<>();
      for (LocalDate d : r.cadence().between(plan.from(), plan.until())) {
        List<Integer> able = new ArrayList<>();
        for (int p = 0; p < request.roster().size(); p++) {
          Participant who = request.roster().get(p);
          if (who.eligibleFor(r) && who.availableOn(d) && !excluded(holder, order.subList(0, k), r, d, who.member())) {
            able.add(p);
          }
        }
        shares(able, capacity, r.seats()).forEach((p, q) -> share.merge(p, q, Ratio::plus));
        for (int seat = 1; seat <= r.seats(); seat++) {
          MemberId h = holder.get(new Slot(d, r.id(), seat));
          if (h != null && index.containsKey(h)) {
            held.merge(index.get(h), 1L, Long::sum);
          }
        }
        for (Map.Entry<Integer, Ratio> e : share.entrySet()) {
          Ratio dev = e.getValue().minus(Ratio.of(held.getOrDefault(e.getKey(), 0L), 1)).abs();
          worst = dev.compareTo(worst) > 0 ? dev : worst;
        }
      }
    }
    return worst.doubleValue();
  }

  private static boolean excluded(Map<Slot, MemberId> holder, List<Role> earlier, Role role, LocalDate d, MemberId m) {
    for (Role other : earlier) {
      if (other.exclusiveWith().contains(role.id()) || role.exclusiveWith().contains(other.id())) {
        for (int s = 1; s <= other.seats(); s++) {
          if (m.equals(holder.get(new Slot(d, other.id(), s)))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Each able member's share of an occurrence with {@code seats} seats: capacity-weighted, at most one, water-filled. */
  private static Map<Integer, Ratio> shares(List<Integer> able, long[] capacity, int seats) {
    Map<Integer, Ratio> out = new HashMap<>();
    List<Integer> open = new ArrayList<>(able);
    long left = Math.min(seats, able.size());
    boolean capped = true;
    while (capped && !open.isEmpty()) {
      capped = false;
      long total = 0;
      for (int p : open) {
        total += capacity[p];
      }
      for (int p : List.copyOf(open)) {
        if (capacity[p] * left >= total) {
          out.put(p, Ratio.ONE);
          open.remove(Integer.valueOf(p));
          capped = true;
        }
      }
      if (capped) {
        left = Math.min(seats, able.size()) - out.size();
        continue;
      }
      for (int p : open) {
        out.put(p, Ratio.of(capacity[p] * left, total));
      }
    }
    return out;
  }
}
