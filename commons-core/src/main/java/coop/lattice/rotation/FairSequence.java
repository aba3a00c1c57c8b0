package coop.lattice.rotation;

import coop.lattice.MemberId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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
    Map<MemberId, Integer> rank = new HashMap<>();
    for (MemberId m : order) {
      rank.putIfAbsent(m, rank.size());
    }
    MemberId[] byRank = new MemberId[rank.size()];
    rank.forEach((m, r) -> byRank[r] = m);
    double[] cap = new double[byRank.length];
    for (int i = 0; i < cap.length; i++) {
      cap[i] = capacity.getOrDefault(byRank[i], 1.0);
    }
    int[][] able = new int[eligible.size()][];
    for (int t = 0; t < able.length; t++) {
      able[t] = eligible.get(t).stream().mapToInt(rank::get).toArray();
    }
    int[] holder = assign(byRank.length, able, cap);
    List<@Nullable MemberId> out = new ArrayList<>(holder.length);
    for (int h : holder) {
      out.add(h < 0 ? null : byRank[h]);
    }
    return out;
  }

  /**
   * The index-based core: members are 0..members-1 in tie-break order (lower first), {@code
   * eligible[t]} lists who may hold slot t, {@code capacity[i]} is member i's share weight.
   * Returns each slot's holder, or -1 for a slot nobody could hold.
   */
  static int[] assign(int members, int[][] eligible, double[] capacity) {
    int slots = eligible.length;
    // Prefix entitlements, kept only for members who are ever eligible.
    double[] running = new double[members];
    double[][] x = new double[members][];
    for (int t = 0; t < slots; t++) {
      for (int i : eligible[t]) {
        if (x[i] == null) {
          x[i] = new double[slots + 1];
        }
      }
    }
    boolean[][] can = new boolean[members][];
    for (int t = 0; t < slots; t++) {
      double total = 0;
      for (int i : eligible[t]) {
        total += capacity[i];
      }
      for (int i : eligible[t]) {
        running[i] += capacity[i] / total;
        if (can[i] == null) {
          can[i] = new boolean[slots];
        }
        can[i][t] = true;
      }
      for (int i = 0; i < members; i++) {
        if (x[i] != null) {
          x[i][t + 1] = running[i];
        }
      }
    }
    // Jobs: member i's k-th turn, with release and deadline slots.
    List<int[]> jobs = new ArrayList<>(); // {member, release, deadline (last slot if none), mandatory 0/1}
    for (int i = 0; i < members; i++) {
      if (x[i] == null) {
        continue;
      }
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
    Matching match = new Matching(jobs, can, slots);
    long[] dueKeys = new long[jobs.size()];
    int due = 0;
    for (int j = 0; j < jobs.size(); j++) {
      if (jobs.get(j)[3] == 1) {
        dueKeys[due++] = ((long) jobs.get(j)[2] << 32) | j;
      }
    }
    long[] dueOrder = Arrays.copyOf(dueKeys, due);
    Arrays.sort(dueOrder);
    for (long key : dueOrder) {
      if (!match.fromJob((int) key, new BitSet(slots))) {
        throw new IllegalStateException("no plan keeps every member within one turn of their share;"
            + " this should not happen for a single role: please report the roster");
      }
    }
    for (int t = 0; t < slots; t++) {
      if (match.jobOf[t] < 0 && eligible[t].length > 0) {
        match.fromSlot(t, new BitSet(jobs.size()));
      }
    }
    int[] holder = new int[slots];
    for (int t = 0; t < slots; t++) {
      holder[t] = match.jobOf[t] < 0 ? -1 : jobs.get(match.jobOf[t])[0];
    }
    improveF3(holder, x, can, match.able);
    return holder;
  }

  /**
   * F3 as this library states it (F9: F1 wins): no back-to-back turn, where another member was
   * eligible and available, can be removed by handing that slot to another eligible member, or by
   * swapping it with a slot another member holds, without breaking F1 or adding a back-to-back
   * turn elsewhere. Applies improving moves until none is left.
   */
  static void improveF3(int[] holder, double[][] x, boolean[][] can, int[] able) {
    int slots = holder.length;
    int members = x.length;
    boolean improved = true;
    for (int round = 0; improved && round < 4 * slots + 4; round++) {
      improved = false;
      for (int t = 1; t < slots && !improved; t++) {
        int i = holder[t];
        if (i < 0 || holder[t - 1] != i || able[t] < 2) {
          continue;
        }
        int cost = backToBack(holder, able);
        for (int j = 0; j < members && !improved; j++) {
          if (j == i || can[j] == null || !can[j][t]) {
            continue;
          }
          holder[t] = j; // hand slot t to j
          if (backToBack(holder, able) < cost && withinShare(holder, x, i) && withinShare(holder, x, j)) {
            improved = true;
            break;
          }
          holder[t] = i;
          for (int u = 0; u < slots; u++) { // or swap slot t with a slot u that j holds
            if (u == t || holder[u] != j || can[i] == null || !can[i][u]) {
              continue;
            }
            holder[t] = j;
            holder[u] = i;
            if (backToBack(holder, able) < cost && withinShare(holder, x, i) && withinShare(holder, x, j)) {
              improved = true;
              break;
            }
            holder[t] = i;
            holder[u] = j;
          }
        }
      }
    }
  }

  /** Counted back-to-back turns: the same holder twice in a row where someone else was able to hold the second. */
  static int backToBack(int[] holder, int[] able) {
    int n = 0;
    for (int t = 1; t < holder.length; t++) {
      if (holder[t] >= 0 && holder[t] == holder[t - 1] && able[t] > 1) {
        n++;
      }
    }
    return n;
  }

  /** F1 for member m: every prefix within one turn of their share. */
  static boolean withinShare(int[] holder, double[][] x, int m) {
    int held = 0;
    for (int t = 0; t < holder.length; t++) {
      held += holder[t] == m ? 1 : 0;
      if (Math.abs(x[m][t + 1] - held) >= 1 - EPS) {
        return false;
      }
    }
    return true;
  }

  /** Augmenting-path matching of jobs to slots; matched vertices never become unmatched. */
  private static final class Matching {
    final List<int[]> jobs;
    final boolean[][] can;
    final int[] jobOf;
    final int[] slotOf;
    /** Jobs in preference order: earliest deadline, then member rank. */
    final int[] order;
    /** How many members are eligible and available at each slot (before any temporary ban). */
    final int[] able;

    Matching(List<int[]> jobs, boolean[][] can, int slots) {
      this.jobs = jobs;
      this.can = can;
      this.jobOf = new int[slots];
      this.slotOf = new int[jobs.size()];
      Arrays.fill(jobOf, -1);
      Arrays.fill(slotOf, -1);
      this.able = new int[slots];
      for (boolean[] row : can) {
        if (row != null) {
          for (int t = 0; t < slots; t++) {
            able[t] += row[t] ? 1 : 0;
          }
        }
      }
      // Earliest deadline first, then the seeded member order: jobs are numbered in member rank
      // order, so sorting (deadline, job) as one primitive key gives exactly that. Slots scan
      // this one order lazily instead of keeping a list per slot.
      long[] keys = new long[jobs.size()];
      for (int j = 0; j < keys.length; j++) {
        keys[j] = ((long) jobs.get(j)[2] << 32) | j;
      }
      Arrays.sort(keys);
      order = new int[keys.length];
      for (int k = 0; k < keys.length; k++) {
        order[k] = (int) keys[k];
      }
    }

    boolean allowed(int j, int t) {
      int[] job = jobs.get(j);
      return t >= job[1] && t <= job[2] && can[job[0]] != null && can[job[0]][t];
    }

    /**
     * Places due job j, first without putting its member next to their own turn (F3), then, only
     * if that is impossible, anywhere. Free slots (or ones held by an optional turn) come before
     * augmenting paths, which keeps turns in their seeded order.
     */
    boolean fromJob(int j, BitSet seen) {
      int[] jobOfBefore = jobOf.clone();
      int[] slotOfBefore = slotOf.clone();
      if (fromJob(j, (BitSet) seen.clone(), true)) {
        return true;
      }
      System.arraycopy(jobOfBefore, 0, jobOf, 0, jobOf.length);
      System.arraycopy(slotOfBefore, 0, slotOf, 0, slotOf.length);
      return fromJob(j, seen, false);
    }

    private boolean fromJob(int j, BitSet seen, boolean strict) {
      int[] job = jobs.get(j);
      for (int t = job[1]; t <= job[2]; t++) {
        int h = jobOf[t];
        boolean open = h < 0 || jobs.get(h)[3] == 0;
        if (allowed(j, t) && !seen.get(t) && open && !(strict && nextTo(job[0], t))) {
          if (h >= 0) {
            slotOf[h] = -1; // an optional turn gives way to a due one
          }
          put(j, t);
          return true;
        }
      }
      for (int t = job[1]; t <= job[2]; t++) {
        if (!allowed(j, t) || seen.get(t) || strict && nextTo(job[0], t)) {
          continue;
        }
        seen.set(t);
        int h = jobOf[t];
        if (fromJob(h, seen, strict)) {
          put(j, t);
          return true;
        }
      }
      return false;
    }

    /** Fills slot t, first without a back-to-back turn, then, only if that is impossible, anyhow. */
    boolean fromSlot(int t, BitSet seen) {
      int[] jobOfBefore = jobOf.clone();
      int[] slotOfBefore = slotOf.clone();
      if (fromSlot(t, (BitSet) seen.clone(), true)) {
        return true;
      }
      System.arraycopy(jobOfBefore, 0, jobOf, 0, jobOf.length);
      System.arraycopy(slotOfBefore, 0, slotOf, 0, slotOf.length);
      return fromSlot(t, seen, false);
    }

    private boolean fromSlot(int t, BitSet seen, boolean strict) {
      for (int j : order) {
        if (!seen.get(j) && slotOf[j] < 0 && allowed(j, t) && !(strict && nextTo(jobs.get(j)[0], t))) {
          put(j, t);
          return true;
        }
      }
      for (int j : order) {
        if (seen.get(j) || slotOf[j] < 0 || !allowed(j, t) || strict && nextTo(jobs.get(j)[0], t)) {
          continue;
        }
        seen.set(j);
        int old = slotOf[j];
        jobOf[old] = -1;
        put(j, t);
        if (fromSlot(old, seen, strict)) {
          return true;
        }
        jobOf[t] = -1;
        put(j, old);
      }
      return false;
    }

    /** Back-to-back turns where another member was eligible and available for the second slot. */
    int avoidableBackToBack() {
      int count = 0;
      for (int t = 1; t < jobOf.length; t++) {
        if (jobOf[t] >= 0 && jobOf[t - 1] >= 0 && jobs.get(jobOf[t])[0] == jobs.get(jobOf[t - 1])[0] && able[t] > 1) {
          count++;
        }
      }
      return count;
    }

    /**
     * True when putting member m in slot t makes a back-to-back turn that counts: m holds the
     * slot before t and someone else could have held t, or m holds the slot after t and someone
     * else could have held that one.
     */
    boolean nextTo(int m, int t) {
      return t > 0 && jobOf[t - 1] >= 0 && jobs.get(jobOf[t - 1])[0] == m && able[t] > 1
          || t + 1 < jobOf.length && jobOf[t + 1] >= 0 && jobs.get(jobOf[t + 1])[0] == m && able[t + 1] > 1;
    }

    void put(int j, int t) {
      jobOf[t] = j;
      slotOf[j] = t;
    }
  }
}
