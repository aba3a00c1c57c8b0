package coop.lattice.rotation;

import coop.lattice.MemberId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The newcomer guarantee of the fair policy (F8), for newcomers no real role's own plan could
 * serve: a matching of newcomers to real-role slots in their window, at a bounded cost to
 * established members. Runs on {@link FairRotation}'s planning state, after the real roles.
 */
final class NewcomerGuarantee {
  private NewcomerGuarantee() {}

  /**
   * F8 for newcomers no real role's own plan could serve: a maximum matching of newcomers to
   * real-role slots in their window (seeded with the slots served newcomers hold, so one newcomer's
   * turn never blocks another's), where a turn of an established member counts against that
   * member and role: at most one per (member, role), so nobody established falls two turns behind
   * a role's share. Prefers open slots, then holders who stay within one turn without it, then
   * holders with the most turns. Runs after the real roles and before the chores, so chores are
   * planned around the result.
   */
  static void apply(FairRotation.State s, Map<RoleId, FairRotation.Planned> planned) {
    PlanRequest request = s.request;
    if (s.newcomers.isEmpty()) {
      return;
    }
    Map<MemberId, Integer> turns = new HashMap<>();
    s.out.values().forEach(a -> {
      if (a.member() != null) {
        turns.merge(a.member(), 1, Integer::sum);
      }
    });
    List<Integer> waiting = new ArrayList<>();
    List<List<Slot>> options = new ArrayList<>();
    List<@Nullable Slot> heldBy = new ArrayList<>();
    Map<Slot, String> group = new HashMap<>();
    Map<Slot, Integer> preference = new HashMap<>();
    for (int p : s.newcomers) {
      Participant who = request.roster().get(p);
      Set<LocalDate> window = s.window.get(p);
      Slot held = null;
      List<Assignment> candidates = new ArrayList<>();
      for (Assignment a : s.out.values()) {
        Role r = s.roles.get(a.slot().role());
        LocalDate d = a.slot().date();
        if (!r.meaningful() || !window.contains(d)) {
          continue;
        }
        if (s.around.isHeld(s, a.slot(), a.member()) && !who.member().equals(a.member())) {
          continue; // a turn held before planning stays with its holder
        }
        if (who.member().equals(a.member())) {
          held = held == null ? a.slot() : held;
          candidates.add(a);
        } else if (who.eligibleFor(r) && who.availableOn(d) && s.occupancy.free(d, who.member(), r)) {
          candidates.add(a);
        }
      }
      for (Assignment a : candidates) {
        MemberId h = a.member();
        boolean established = h != null && !s.isNewcomer(s.index.get(h));
        group.put(a.slot(), established ? h + "/" + a.slot().role() : "slot " + a.slot());
        preference.put(a.slot(), h == null ? 0 : !established ? 1 : staysWithin(planned.get(a.slot().role()),
            s.index.get(h), a.slot().date()) ? 2 : 3);
      }
      Slot first = held;
      candidates.sort(Comparator.comparing((Assignment a) -> !a.slot().equals(first))
          .thenComparingInt(a -> preference.get(a.slot()))
          .thenComparingInt(a -> a.member() == null ? 0 : -turns.getOrDefault(a.member(), 0))
          .thenComparing(Assignment::slot));
      if (!candidates.isEmpty()) {
        waiting.add(p);
        options.add(candidates.stream().map(Assignment::slot).toList());
        heldBy.add(held);
      }
    }
    Map<String, Integer> taken = new HashMap<>();
    Map<String, Slot> slotOf = new HashMap<>();
    for (int i = 0; i < waiting.size(); i++) {
      Slot held = heldBy.get(i);
      if (held != null && !taken.containsKey(group.get(held))) {
        taken.put(group.get(held), i); // already served
        slotOf.put(group.get(held), held);
      }
    }
    for (int i = 0; i < waiting.size(); i++) {
      if (!taken.containsValue(i)) {
        match(i, options, group, taken, slotOf, new HashSet<>());
      }
    }
    Set<RoleId> touched = new HashSet<>();
    taken.forEach((g, i) -> {
      Slot slot = slotOf.get(g);
      int p = waiting.get(i);
      MemberId newcomer = request.roster().get(p).member();
      Assignment before = s.out.get(slot);
      if (newcomer.equals(before.member())) {
        return; // they hold it already
      }
      long w = s.weight.get(slot.role());
      String reason = "newcomer guarantee: a first real role within " + request.newcomerCycles()
          + " meeting days of joining";
      if (before.member() != null) {
        int h = s.index.get(before.member());
        s.occupancy.release(slot.date(), before.member(), slot.role());
        s.load[h] -= w;
        reason += s.isNewcomer(h) ? " (" + before.member() + " holds another)"
            : " (" + before.member() + " gives up this turn: the guarantee takes at most one turn of a role from anyone)";
      }
      s.occupancy.hold(slot.date(), newcomer, slot.role());
      s.load[p] += w;
      s.served[p] = true;
      s.guarantee.put(slot, reason);
      s.out.put(slot, new Assignment(slot, newcomer, reason));
      touched.add(slot.role());
    });
    for (RoleId r : touched) {
      PlanReasons.describe(s, reseat(s, planned.get(r)));
    }
  }

  /** {@code planned} with its seat numbers read back from {@code s.out}, after the guarantee moved some turns. */
  private static FairRotation.Planned reseat(FairRotation.State s, FairRotation.Planned planned) {
    int[][] seated = new int[planned.dates().size()][];
    for (int t = 0; t < seated.length; t++) {
      List<Integer> ranks = new ArrayList<>();
      for (int seat = 1; seat <= planned.role().seats(); seat++) {
        Assignment a = s.out.get(new Slot(planned.dates().get(t), planned.role().id(), seat));
        if (a != null && a.member() != null) {
          int r = planned.rankOf()[s.index.get(a.member())];
          ranks.add(r); // -1 for someone outside the role's ranks cannot happen: only the eligible are candidates
        }
      }
      seated[t] = ranks.stream().mapToInt(Integer::intValue).toArray();
    }
    return new FairRotation.Planned(planned.role(), planned.dates(), planned.shares(), planned.byRank(), planned.rankOf(), seated,
        planned.guaranteed());
  }

  /** Whether member p, giving up their turn of {@code planned}'s role on {@code day}, stays within one turn of their share. */
  private static boolean staysWithin(FairRotation.Planned planned, int p, LocalDate day) {
    int r = planned.rankOf()[p];
    if (r < 0) {
      return false;
    }
    long held = 0;
    for (int t = 0; t < planned.dates().size(); t++) {
      for (int h : planned.seated()[t]) {
        held += h == r && !planned.dates().get(t).equals(day) ? 1 : 0;
      }
      if (!planned.shares().within(r, t + 1, held)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Kuhn's augmenting path over groups: give newcomer i one of their options, moving others along
   * if needed; a group (an established member's turns of one role, or one slot) serves one
   * newcomer. The testkit's FairnessChecks has its own, on purpose: a policy is not checked by its
   * own code.
   */
  private static boolean match(int i, List<List<Slot>> options, Map<Slot, String> group, Map<String, Integer> taken,
      Map<String, Slot> slotOf, Set<String> seen) {
    for (Slot s : options.get(i)) {
      String g = group.get(s);
      if (seen.add(g)) {
        Integer other = taken.get(g);
        if (other == null || match(other, options, group, taken, slotOf, seen)) {
          taken.put(g, i);
          slotOf.put(g, s);
          return true;
        }
      }
    }
    return false;
  }

}
