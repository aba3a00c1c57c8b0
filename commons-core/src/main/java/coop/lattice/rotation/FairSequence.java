package coop.lattice.rotation;

import coop.lattice.MemberId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The core of the fair rotation: one role's sequence of slots, each with the members who are
 * eligible and available for it, assigned so that every member's prefix deviation stays under one
 * turn (property F1 in {@code reference/fairness.md}).
 *
 * <p>Unlike the largest-deficit ("stride") rule, which breaks F1 once availability varies (see
 * {@code docs/design/rotation-fairness.md}), this plans the whole horizon at once: member i's
 * k-th turn is a job released when i's entitlement first exceeds k - 1 and due when it first
 * reaches k; a matching of jobs to slots covers every due job and every slot. Where several
 * jobs could fill a slot, it prefers someone other than a neighbouring slot's holder (F3), then
 * the given (seeded) order of members, which keeps rounds in the same order (F2, F6).
 *
 * <p>F3 is best effort here: a repair pass re-matches back-to-back turns away when that lowers
 * their number, but F1 always wins, and whether the result has the fewest back-to-back turns F1
 * allows is not yet proven (see the design note).
 *
 * <p>Entitlements are capacity-weighted: at a slot, member i's share is {@code capacity_i / sum
 * of capacities of the eligible}. Not thread-safe; each call is independent and deterministic.
 */
final class FairSequence {
  /** Tolerance for comparing sums of shares computed in floating point. */
  private static final double EPS = 1e-9;

  private FairSequence() {}

  /**
   * Assigns each slot to one of its eligible members.
   *
   * @param eligible per slot, the members who may hold it; an empty slot stays unassigned (null)
   * @param capacity each member's weighted share (default 1 for members not in the map)
   * @param order a seeded order of members used to break ties; every member must appear in it
   * @return per slot, the member who holds it, or null for a slot nobody could hold
   */
  static List<@Nullable MemberId> assign(List<List<MemberId>> eligible, Map<MemberId, Double> capacity,
      List<MemberId> order) {
    int slots = eligible.size();
    Map<MemberId, Integer> rank = new HashMap<>();
    for (MemberId m : order) {
      rank.putIfAbsent(m, rank.size());
    }
    int members = rank.size();
    MemberId[] byRank = new MemberId[members];
    rank.forEach((m, r) -> byRank[r] = m);

    // Prefix entitlements X[i][t] (after slot t), kept sparse per member.
    double[][] x = new double[members][slots + 1];
    for (int t = 0; t < slots; t++) {
      double total = 0;
      for (MemberId m : eligible.get(t)) {
        total += capacity.getOrDefault(m, 1.0);
      }
      for (int i = 0; i < members; i++) {
        x[i][t + 1] = x[i][t];
      }
      for (MemberId m : eligible.get(t)) {
        x[rank.get(m)][t + 1] += capacity.getOrDefault(m, 1.0) / total;
      }
    }

    // Jobs: member i's k-th turn, with release and deadline slots.
    List<int[]> jobs = new ArrayList<>(); // {member, release, deadline (slots if none), mandatory 0/1}
    for (int i = 0; i < members; i++) {
      int turns = (int) Math.ceil(x[i][slots] - EPS);
      int t = 0;
      for (int k = 1; k <= turns; k++) {
        while (t < slots && x[i][t + 1] <= k - 1 + EPS) {
          t++;
        }
        int release = t;
        int d = release;
        while (d < slots && x[i][d + 1] < k - EPS) {
          d++;
        }
        jobs.add(new int[] {i, release, Math.min(d, slots - 1), d < slots ? 1 : 0});
      }
    }
    boolean[][] can = new boolean[members][slots];
    for (int t = 0; t < slots; t++) {
      for (MemberId m : eligible.get(t)) {
        can[rank.get(m)][t] = true;
      }
    }
    Matching match = new Matching(jobs, can, slots, members, x);
    Integer[] mandatory = java.util.stream.IntStream.range(0, jobs.size()).filter(j -> jobs.get(j)[3] == 1)
        .boxed().sorted(Comparator.comparingInt((Integer j) -> jobs.get(j)[2]).thenComparingInt(j -> jobs.get(j)[0]))
        .toArray(Integer[]::new);
    for (int j : mandatory) {
      if (!match.fromJob(j, new BitSet(slots))) {
        throw new IllegalStateException("no plan keeps every member within one turn of their share;"
            + " this should not happen for a single role: please report the roster");
      }
    }
    for (int t = 0; t < slots; t++) {
      if (match.jobOf[t] < 0 && !eligible.get(t).isEmpty()) {
        match.fromSlot(t, new BitSet(jobs.size()));
      }
    }
    // F3: where someone holds two slots in a row and another member could have taken the second,
    // ban them from it and re-match. A re-match keeps every due turn and every slot covered, so F1
    // still holds; if none exists, the back-to-back stays.
    for (int round = 0; round < 3; round++) {
      boolean changed = false;
      for (int t = 1; t < slots; t++) {
        int here = match.jobOf[t];
        int before = match.jobOf[t - 1];
        if (here >= 0 && before >= 0 && jobs.get(here)[0] == jobs.get(before)[0] && eligible.get(t).size() > 1) {
          changed |= match.avoid(here, t);
        }
      }
      if (!changed) {
        break;
      }
    }
    List<@Nullable MemberId> out = new ArrayList<>(slots);
    for (int t = 0; t < slots; t++) {
      out.add(match.jobOf[t] < 0 ? null : byRank[jobs.get(match.jobOf[t])[0]]);
    }
    return out;
  }

  /** Augmenting-path matching of jobs to slots; matched vertices never become unmatched. */
  private static final class Matching {
    final List<int[]> jobs;
    final boolean[][] can;
    final int[] jobOf;
    final int[] slotOf;
    /** For each slot, the jobs that may take it, in preference order. */
    final int[][] candidates;
    final double[][] x;

    Matching(List<int[]> jobs, boolean[][] can, int slots, int members, double[][] x) {
      this.jobs = jobs;
      this.can = can;
      this.x = x;
      this.jobOf = new int[slots];
      this.slotOf = new int[jobs.size()];
      Arrays.fill(jobOf, -1);
      Arrays.fill(slotOf, -1);
      List<List<Integer>> bySlot = new ArrayList<>();
      for (int t = 0; t < slots; t++) {
        bySlot.add(new ArrayList<>());
      }
      for (int j = 0; j < jobs.size(); j++) {
        int[] job = jobs.get(j);
        for (int t = job[1]; t <= job[2]; t++) {
          if (can[job[0]][t]) {
            bySlot.get(t).add(j);
          }
        }
      }
      candidates = new int[slots][];
      for (int t = 0; t < slots; t++) {
        // Earliest deadline first, then the seeded member order (members were ranked by it).
        candidates[t] = bySlot.get(t).stream()
            .sorted(Comparator.comparingInt((Integer j) -> jobs.get(j)[2]).thenComparingInt(j -> jobs.get(j)[0]))
            .mapToInt(Integer::intValue).toArray();
      }
    }

    boolean allowed(int j, int t) {
      int[] job = jobs.get(j);
      return t >= job[1] && t <= job[2] && can[job[0]][t];
    }

    /**
     * Places due job j: first in a free slot (or one held by an optional turn) whose neighbours
     * the same member does not hold (F3), then in any such slot, and only then by moving another
     * due turn along an augmenting path. Trying free slots first keeps turns in their seeded order.
     */
    boolean fromJob(int j, BitSet seen) {
      int[] job = jobs.get(j);
      for (int pass = 0; pass < 2; pass++) {
        for (int t = job[1]; t <= job[2]; t++) {
          int h = jobOf[t];
          boolean open = h < 0 || jobs.get(h)[3] == 0;
          if (allowed(j, t) && !seen.get(t) && open && (pass == 1 || !nextTo(job[0], t))) {
            if (h >= 0) {
              slotOf[h] = -1; // an optional turn gives way to a due one
            }
            put(j, t);
            return true;
          }
        }
      }
      for (int t = job[1]; t <= job[2]; t++) {
        if (!allowed(j, t) || seen.get(t)) {
          continue;
        }
        seen.set(t);
        int h = jobOf[t];
        if (fromJob(h, seen)) {
          put(j, t);
          return true;
        }
      }
      return false;
    }

    /**
     * Back-to-back turns where another member could have held the second slot and the share did
     * not force it: the holder was not yet due a turn there.
     */
    int avoidableBackToBack() {
      int[] held = new int[x.length];
      int count = 0;
      int previous = -1;
      for (int t = 0; t < jobOf.length; t++) {
        int m = jobOf[t] < 0 ? -1 : jobs.get(jobOf[t])[0];
        if (m >= 0) {
          int others = 0;
          for (int i = 0; i < can.length && others < 2; i++) {
            others += can[i][t] ? 1 : 0;
          }
          if (m == previous && others > 1 && x[m][t + 1] < held[m] + 1 - EPS) {
            count++;
          }
          held[m]++;
        }
        previous = m;
      }
      return count;
    }

    /** True when member m holds a slot next to t. */
    boolean nextTo(int m, int t) {
      return t > 0 && jobOf[t - 1] >= 0 && jobs.get(jobOf[t - 1])[0] == m
          || t + 1 < jobOf.length && jobOf[t + 1] >= 0 && jobs.get(jobOf[t + 1])[0] == m;
    }

    /** Fills slot t with an unplaced job, or moves a placed job here and refills its old slot. */
    boolean fromSlot(int t, BitSet seen) {
      for (int pass = 0; pass < 2; pass++) {
        for (int j : candidates[t]) {
          boolean backToBack = nextTo(jobs.get(j)[0], t);
          if (seen.get(j) || !allowed(j, t) || backToBack != (pass == 1)) {
            continue; // first pass avoids a neighbour's holder (F3), the second allows them
          }
          if (slotOf[j] < 0) {
            put(j, t);
            return true;
          }
        }
      }
      for (int j : candidates[t]) {
        if (seen.get(j) || slotOf[j] < 0 || !allowed(j, t)) {
          continue;
        }
        seen.set(j);
        int old = slotOf[j];
        jobOf[old] = -1;
        put(j, t);
        if (fromSlot(old, seen)) {
          return true;
        }
        jobOf[t] = -1;
        put(j, old);
      }
      return false;
    }

    /**
     * Tries to re-match without job j's member in slot t. Keeps the result only if it covers
     * everything and leaves fewer avoidable back-to-back turns; otherwise restores everything.
     */
    boolean avoid(int j, int t) {
      int member = jobs.get(j)[0];
      int[] jobOfBefore = jobOf.clone();
      int[] slotOfBefore = slotOf.clone();
      int costBefore = avoidableBackToBack();
      can[member][t] = false;
      jobOf[t] = -1;
      slotOf[j] = -1;
      boolean covered = (jobs.get(j)[3] == 0 || fromJob(j, new BitSet(jobOf.length)))
          && (jobOf[t] >= 0 || fromSlot(t, new BitSet(slotOf.length)));
      can[member][t] = true;
      boolean ok = covered && avoidableBackToBack() < costBefore;
      if (!ok) {
        System.arraycopy(jobOfBefore, 0, jobOf, 0, jobOf.length);
        System.arraycopy(slotOfBefore, 0, slotOf, 0, slotOf.length);
      }
      return ok;
    }

    void put(int j, int t) {
      jobOf[t] = j;
      slotOf[j] = t;
    }
  }
}
