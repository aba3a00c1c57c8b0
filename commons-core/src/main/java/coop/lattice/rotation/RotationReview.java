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
 * @param worstDeviation the largest distance, in turns, between any member's share and what they
 *     held, at any point of any role (below 1 means F1 held)
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

  /** The largest |share - held| over every role and seat sequence, in turns (the F1 bound achieved). */
  static double worstDeviation(PlanRequest request, Plan plan) {
    Map<Slot, MemberId> holder = new HashMap<>();
    plan.assignments().forEach(a -> holder.put(a.slot(), a.member()));
    double worst = 0;
    for (Role r : request.roles()) {
      for (int seat = 1; seat <= r.seats(); seat++) {
        Map<MemberId, Double> share = new HashMap<>();
        Map<MemberId, Integer> held = new HashMap<>();
        for (LocalDate d : r.cadence().between(plan.from(), plan.until())) {
          List<Participant> able = new ArrayList<>();
          for (Participant p : request.roster()) {
            if (p.eligibleFor(r) && p.availableOn(d)) {
              able.add(p);
            }
          }
          double total = able.stream().mapToDouble(p -> p.capacity().doubleValue()).sum();
          able.forEach(p -> share.merge(p.member(), p.capacity().doubleValue() / total, Double::sum));
          MemberId h = holder.get(new Slot(d, r.id(), seat));
          if (h != null) {
            held.merge(h, 1, Integer::sum);
          }
          for (Map.Entry<MemberId, Double> e : share.entrySet()) {
            worst = Math.max(worst, Math.abs(e.getValue() - held.getOrDefault(e.getKey(), 0)));
          }
        }
      }
    }
    return worst;
  }
}
