package coop.lattice.rotation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The core of the fair rotation: one role's occurrences, each with the members who could hold it
 * and a number of seats, assigned so that every member's prefix deviation for the role as a whole
 * stays under one turn (property F1 in {@code reference/fairness.md}), and nobody holds two seats
 * of one occurrence.
 *
 * <p><b>Entitlements.</b> At an occurrence with {@code m} eligible and available members and a
 * role of {@code k} seats, {@code min(k, m)} seats are filled; member {@code i}'s entitlement is
 * {@code min(1, λ c_i)}, with {@code λ} such that the entitlements add up to {@code min(k, m)}
 * (capacity-weighted, water-filled: nobody is entitled to more than the one seat they may hold).
 * With equal capacities that is {@code k / m} each.
 *
 * <p><b>Why a plan within one turn always exists.</b> Write {@code x_it} for the entitlements and
 * ask for {@code y_it} in {0, 1} ({@code y_it = 0} where {@code x_it = 0}) with column sums {@code
 * min(k, m_t)} and every row prefix sum rounded from {@code x}'s (between its floor and its
 * ceiling). The row prefixes of each member form a laminar family, the occurrences (and the single
 * cells) another; the incidence matrix of two laminar families is totally unimodular, so the
 * polytope those bounds cut out has integral vertices, and it is not empty, since {@code x} itself
 * lies in it. Rounding between floor and ceiling keeps {@code |X - Y| < 1}.
 *
 * <p><b>How it is found.</b> Member i's q-th turn is a job released when i's entitlement first
 * exceeds q - 1 and due when it first reaches q (a job never due in the horizon is optional). Jobs
 * go to seats through unit nodes (member, occurrence), so that a member takes at most one seat of
 * an occurrence. First every due job is placed by augmenting paths in order of deadline (then the
 * seeded member order), each into the earliest occurrence with a free seat; then every seat left is
 * filled from the remaining jobs, by augmenting paths too. Augmenting never unplaces a placed job
 * nor empties a filled seat (Mendelsohn and Dulmage), so both phases' guarantees hold at the end;
 * the existence argument above says both succeed. Earliest free seat in the seeded order keeps
 * rounds in the same order: with everyone always available the plan goes round the members in a
 * fixed cycle, {@code k} at a time (F2 for the role as a whole, for every window).
 *
 * <p><b>F3</b> is then a local search: a back-to-back turn (the same member at two consecutive
 * occurrences while someone who could hold the second did not) is handed to, or swapped with,
 * another member when that lowers the number of back-to-back turns without breaking F1 for either.
 * F1 always wins; that the result has the fewest back-to-back turns F1 allows is not claimed.
 *
 * <p><b>Exact.</b> Every decision (where a job is released and due, whether a member is within a
 * turn) and every published share is the one exact rational arithmetic gives. Prefix sums are
 * added in floating point, in occurrence order (never roster order), only to locate a crossing;
 * where a sum lies within its proven rounding error of the integer (or, for a printed share, the
 * half-hundredth) it is compared with, that comparison is redone with exact fractions.
 *
 * <p>Not thread-safe; each call is independent and deterministic.
 */
final class FairSequence {
  private FairSequence() {}

  /**
   * The entitlements of one role's occurrences, exactly: members are {@code 0..members-1} in the
   * seeded tie-break order, {@code eligible[t]} lists who could hold occurrence {@code t}, {@code
   * capacity[i]} is member i's capacity scaled to an integer (every capacity by the same power of
   * ten), {@code seats} the role's seats.
   */
  static final class Shares {
    final int members;
    final int[][] eligible;
    final long[] capacity;
    /** Per occurrence: the seats filled there, {@code min(seats, eligible[t].length)}. */
    final int[] seats;
    final BitSet[] can;
    /** Per occurrence: seats left once the capped members are counted, and the capacity of the others. */
    private final long[] left;
    private final long[] total;
    /** Per occurrence: members entitled to a whole seat (water-filling), or null for none. */
    private final @Nullable BitSet[] capped;
    /**
     * Per member: prefix sums after 0..T occurrences in floating point; null for a member never
     * eligible, or one eligible everywhere and never capped ({@link #uniform}), whose prefix is
     * their capacity times {@link #unit}.
     */
    private final double[] @Nullable [] x;
    private final boolean[] uniform;
    /** Prefix sums of left / total: a uniform member's entitlement per unit of capacity. */
    private final double[] unit;
    private final Ratio[] @Nullable [] exact;

    Shares(int members, int[][] eligible, long[] capacity, int seats) {
      this.members = members;
      this.eligible = eligible;
      this.capacity = capacity;
      int occurrences = eligible.length;
      this.seats = new int[occurrences];
      this.can = new BitSet[occurrences];
      this.left = new long[occurrences];
      this.total = new long[occurrences];
      this.capped = new BitSet[occurrences];
      for (int t = 0; t < occurrences; t++) {
        int[] e = eligible[t];
        can[t] = new BitSet(members);
        long sum = 0;
        long largest = 0;
        for (int i : e) {
          can[t].set(i);
          sum += capacity[i];
          largest = Math.max(largest, capacity[i]);
        }
        int k = Math.min(seats, e.length);
        this.seats[t] = k;
        long remaining = k;
        if (k > 0 && largest * remaining >= sum) { // somebody would be entitled to a whole seat or more
          BitSet cap = new BitSet(members);
          boolean more = true;
          while (more) {
            more = false;
            for (int i : e) {
              if (!cap.get(i) && capacity[i] * remaining >= sum) {
                cap.set(i);
                remaining--;
                sum -= capacity[i];
                more = true;
              }
            }
          }
          capped[t] = cap;
        }
        left[t] = remaining;
        total[t] = sum;
      }
      // Members eligible at every occurrence and never entitled to a whole seat (most of a large
      // roster) share one prefix: theirs is their capacity times the sum of left / total.
      this.unit = new double[occurrences + 1];
      int[] count = new int[members];
      boolean anyCapped = false;
      for (int t = 0; t < occurrences; t++) {
        unit[t + 1] = unit[t] + (total[t] == 0 ? 0 : (double) left[t] / (double) total[t]);
        for (int i : eligible[t]) {
          count[i]++;
        }
        anyCapped |= capped[t] != null;
      }
      this.x = new double[members][];
      this.uniform = new boolean[members];
      this.exact = new Ratio[members][];
      for (int i = 0; i < members; i++) {
        if (count[i] == 0) {
          continue;
        }
        boolean cappedSomewhere = false;
        for (int t = 0; anyCapped && t < occurrences && !cappedSomewhere; t++) {
          cappedSomewhere = capped[t] != null && capped[t].get(i);
        }
        if (count[i] == occurrences && !cappedSomewhere) {
          uniform[i] = true;
          continue;
        }
        double[] xi = new double[occurrences + 1];
        double running = 0;
        for (int t = 0; t < occurrences; t++) {
          if (can[t].get(i)) {
            running += term(i, t);
          }
          xi[t + 1] = running;
        }
        x[i] = xi;
      }
    }

    int occurrences() {
      return eligible.length;
    }

    boolean never(int i) {
      return x[i] == null && !uniform[i];
    }

    /** Member i's entitlement over the first p occurrences, in floating point. */
    private double approx(int i, int p) {
      double[] xi = x[i];
      return xi != null ? xi[p] : uniform[i] ? capacity[i] * unit[p] : 0.0;
    }

    /** Member i's entitlement at occurrence t (i eligible there), in floating point: one rounding. */
    private double term(int i, int t) {
      BitSet cap = capped[t];
      if (cap != null && cap.get(i)) {
        return 1.0;
      }
      return (double) (capacity[i] * left[t]) / (double) total[t];
    }

    private Ratio exactTerm(int i, int t) {
      BitSet cap = capped[t];
      return cap != null && cap.get(i) ? Ratio.ONE : Ratio.of(capacity[i] * left[t], total[t]);
    }

    /** Member i's entitlement over the first {@code p} occurrences, exactly. */
    Ratio exact(int i, int p) {
      if (never(i)) {
        return Ratio.ZERO;
      }
      Ratio[] e = exact[i];
      if (e == null) {
        e = new Ratio[occurrences() + 1];
        e[0] = Ratio.ZERO;
        for (int t = 0; t < occurrences(); t++) {
          e[t + 1] = can[t].get(i) ? e[t].plus(exactTerm(i, t)) : e[t];
        }
        exact[i] = e;
      }
      return e[p];
    }

    /**
     * A bound on the rounding error of the floating-point prefix {@code v} after {@code p}
     * occurrences, four times the proven one: each term is one correctly rounded division of two
     * integers below 2^53 (for a uniform member, {@code left / total}, and one multiplication by
     * their capacity at the end), and a running sum of p positive terms errs by at most {@code p u
     * X}; with u = 2^-53, {@code (p + 2) u X} covers all of it.
     */
    private static double margin(int p, double v) {
      return 0x1p-50 * (p + 2) * Math.max(1.0, Math.abs(v));
    }

    /** The sign of (member i's entitlement over the first p occurrences) - q, exactly. */
    int compare(int i, int p, long q) {
      if (never(i)) {
        return Long.signum(-q);
      }
      double v = approx(i, p);
      if (q <= 0) { // a sum of positive terms is 0 exactly when its floating-point value is
        return v > 0 || q < 0 ? 1 : 0;
      }
      double m = margin(p, v);
      if (v - q > m) {
        return 1;
      }
      if (q - v > m) {
        return -1;
      }
      return Integer.signum(exact(i, p).compareTo(q));
    }

    /** Whether member i, holding {@code held} of the first p occurrences, is within one turn of their share. */
    boolean within(int i, int p, long held) {
      return compare(i, p, held - 1) > 0 && compare(i, p, held + 1) < 0;
    }

    /** Member i's entitlement over the first p occurrences, rounded half up to two decimals, exactly. */
    String twoDecimals(int i, int p) {
      if (never(i)) {
        return "0.00";
      }
      double v = approx(i, p) * 100;
      double half = Math.floor(v) + 0.5;
      if (Math.abs(v - half) <= 400 * margin(p, v / 100)) {
        return exact(i, p).twoDecimals();
      }
      long hundredths = (long) Math.floor(v + 0.5);
      return (hundredths / 100) + "." + (hundredths % 100 < 10 ? "0" : "") + (hundredths % 100);
    }
  }

  /**
   * Plans one role: each occurrence's holders (ascending member index), or null when the given
   * first-turn deadlines cannot all be kept within F1.
   *
   * @param firstBy per member, the occurrence by which their first turn must come (the newcomer
   *     guarantee), or -1; a deadline before their first chance, or where they can hold nothing,
   *     is ignored
   */
  static int @Nullable [][] assign(Shares x, int[] firstBy) {
    Jobs jobs = new Jobs(x, firstBy);
    Matching match = new Matching(x, jobs);
    long[] dueKeys = new long[jobs.size];
    int due = 0;
    for (int j = 0; j < jobs.size; j++) {
      if (jobs.mandatory[j]) {
        dueKeys[due++] = ((long) jobs.deadline[j] << 32) | j;
      }
    }
    long[] dueOrder = Arrays.copyOf(dueKeys, due);
    Arrays.sort(dueOrder);
    for (long key : dueOrder) {
      if (!match.fromJob((int) key, new BitSet(x.occurrences()))) {
        if (jobs.tightened) {
          return null;
        }
        throw new IllegalStateException("no plan keeps every member within one turn of their share;"
            + " this should not happen: please report the roster");
      }
    }
    for (int t = 0; t < x.occurrences(); t++) {
      while (match.used[t] < x.seats[t]) {
        if (!match.fromSlot(t, new BitSet(jobs.size))) {
          if (jobs.tightened) {
            return null;
          }
          throw new IllegalStateException("a seat nobody can fill within one turn of their share;"
              + " this should not happen: please report the roster");
        }
      }
    }
    improveF3(x, match.holds, firstBy);
    int[][] out = new int[x.occurrences()][];
    for (int t = 0; t < out.length; t++) {
      out[t] = match.holds[t].stream().toArray();
    }
    return out;
  }

  /** Plans one role without deadlines of its own: see {@link #assign(Shares, int[])}. */
  static int[][] assign(Shares x) {
    int[] none = new int[x.members];
    Arrays.fill(none, -1);
    int[][] out = assign(x, none);
    if (out == null) {
      throw new IllegalStateException("no deadlines, no failure");
    }
    return out;
  }

  /** Member i's turns as jobs: released, due (or optional), numbered in member order then turn. */
  private static final class Jobs {
    final int[] member;
    final int[] release;
    final int[] deadline;
    final boolean[] mandatory;
    final int size;
    boolean tightened;

    Jobs(Shares x, int[] firstBy) {
      int t = x.occurrences();
      List<int[]> list = new ArrayList<>(x.members + 16);
      for (int i = 0; i < x.members; i++) {
        if (x.never(i)) {
          continue;
        }
        int p = 0;
        for (long q = 1; x.compare(i, t, q - 1) > 0; q++) {
          while (x.compare(i, p, q - 1) <= 0) {
            p++;
          }
          int release = p - 1;
          int d = x.compare(i, t, q) < 0 ? t + 1 : p; // never due in the horizon: optional
          while (d <= t && x.compare(i, d, q) < 0) {
            d++;
          }
          boolean due = d <= t;
          int deadline = due ? d - 1 : t - 1;
          if (q == 1 && firstBy[i] >= release && (!due || firstBy[i] < deadline)) {
            deadline = firstBy[i]; // the newcomer guarantee: their first turn by then (they can hold the release)
            due = true;
            tightened = true;
          }
          list.add(new int[] {i, release, deadline, due ? 1 : 0});
        }
      }
      size = list.size();
      member = new int[size];
      release = new int[size];
      deadline = new int[size];
      mandatory = new boolean[size];
      for (int j = 0; j < size; j++) {
        int[] job = list.get(j);
        member[j] = job[0];
        release[j] = job[1];
        deadline[j] = job[2];
        mandatory[j] = job[3] == 1;
      }
    }
  }

  /** Augmenting-path matching of jobs to seats through (member, occurrence) unit nodes. */
  private static final class Matching {
    final Shares x;
    final Jobs jobs;
    /** Per occurrence: the jobs placed there (the first {@code used[t]} entries). */
    final int[][] at;
    final int[] used;
    final int[] slotOf;
    /** Per occurrence: the members holding a seat there. */
    final BitSet[] holds;
    /** Jobs in preference order: earliest deadline, then member order. */
    final int[] order;

    Matching(Shares x, Jobs jobs) {
      this.x = x;
      this.jobs = jobs;
      int occurrences = x.occurrences();
      at = new int[occurrences][];
      used = new int[occurrences];
      holds = new BitSet[occurrences];
      for (int t = 0; t < occurrences; t++) {
        at[t] = new int[x.seats[t]];
        holds[t] = new BitSet();
      }
      slotOf = new int[jobs.size];
      Arrays.fill(slotOf, -1);
      long[] keys = new long[jobs.size];
      for (int j = 0; j < keys.length; j++) {
        keys[j] = ((long) jobs.deadline[j] << 32) | j;
      }
      Arrays.sort(keys);
      order = new int[keys.length];
      for (int k = 0; k < keys.length; k++) {
        order[k] = (int) keys[k];
      }
    }

    boolean allowed(int j, int t) {
      return t >= jobs.release[j] && t <= jobs.deadline[j] && x.can[t].get(jobs.member[j]);
    }

    void put(int j, int t) {
      at[t][used[t]++] = j;
      slotOf[j] = t;
      holds[t].set(jobs.member[j]);
    }

    void remove(int j) {
      int t = slotOf[j];
      int[] a = at[t];
      for (int k = 0; k < used[t]; k++) {
        if (a[k] == j) {
          a[k] = a[--used[t]];
          break;
        }
      }
      slotOf[j] = -1;
      holds[t].clear(jobs.member[j]);
    }

    /** Places due job j, into the earliest occurrence with a free seat, else along an augmenting path. */
    boolean fromJob(int j, BitSet seen) {
      int i = jobs.member[j];
      for (int t = jobs.release[j]; t <= jobs.deadline[j]; t++) {
        if (allowed(j, t) && !holds[t].get(i) && used[t] < at[t].length) {
          put(j, t);
          return true;
        }
      }
      for (int t = jobs.release[j]; t <= jobs.deadline[j]; t++) {
        if (!allowed(j, t) || seen.get(t)) {
          continue;
        }
        seen.set(t);
        int[] occupants = Arrays.copyOf(at[t], used[t]);
        for (int h : occupants) {
          if (holds[t].get(i) && jobs.member[h] != i) {
            continue; // i is there already: only their own other turn can make room
          }
          remove(h);
          put(j, t);
          if (fromJob(h, seen)) {
            return true;
          }
          remove(j);
          put(h, t);
        }
      }
      return false;
    }

    /** Fills one more seat of occurrence t, from a job not yet placed or along an augmenting path. */
    boolean fromSlot(int t, BitSet seen) {
      for (int j : order) {
        if (slotOf[j] < 0 && !seen.get(j) && allowed(j, t) && !holds[t].get(jobs.member[j])) {
          put(j, t);
          return true;
        }
      }
      for (int j : order) {
        if (slotOf[j] < 0 || seen.get(j) || !allowed(j, t) || holds[t].get(jobs.member[j])) {
          continue;
        }
        seen.set(j);
        int old = slotOf[j];
        remove(j);
        put(j, t);
        if (fromSlot(old, seen)) {
          return true;
        }
        remove(j);
        put(j, old);
      }
      return false;
    }
  }

  /**
   * F3 as this library states it (F9: F1 wins): no back-to-back turn, where someone who could hold
   * the second occurrence did not, can be removed by handing that turn to such a member, or by
   * swapping it with a turn they hold, without breaking F1 or adding a back-to-back turn elsewhere,
   * nor taking away a newcomer's first turn by its deadline ({@code firstBy}). Applies improving
   * moves until none is left.
   */
  static void improveF3(Shares x, BitSet[] holds, int[] firstBy) {
    int occurrences = holds.length;
    int[] filled = new int[occurrences];
    int bound = 2;
    for (int t = 0; t < occurrences; t++) {
      filled[t] = holds[t].cardinality();
      bound += filled[t];
    }
    boolean improved = true;
    // Every move lowers the number of back-to-back turns, which is at most the number of seats.
    for (int round = 0; improved && round < bound; round++) {
      improved = false;
      for (int t = 1; t < occurrences && !improved; t++) {
        if (x.eligible[t].length <= filled[t]) {
          continue; // everyone who could hold it does: no choice
        }
        BitSet both = (BitSet) holds[t].clone();
        both.and(holds[t - 1]);
        for (int i = both.nextSetBit(0); i >= 0 && !improved; i = both.nextSetBit(i + 1)) {
          int before = backToBack(x, holds, filled, i);
          for (int j : x.eligible[t]) {
            if (holds[t].get(j)) {
              continue;
            }
            int cost = before + backToBack(x, holds, filled, j);
            holds[t].clear(i); // hand occurrence t from i to j
            holds[t].set(j);
            if (backToBack(x, holds, filled, i) + backToBack(x, holds, filled, j) < cost && within(x, holds, i)
                && within(x, holds, j) && keepsFirst(holds, firstBy, i)) {
              improved = true;
              break;
            }
            holds[t].clear(j);
            holds[t].set(i);
            for (int u = 0; u < occurrences && !improved; u++) { // or swap it with an occurrence u that j holds
              if (u == t || !holds[u].get(j) || holds[u].get(i) || !x.can[u].get(i)) {
                continue;
              }
              holds[t].clear(i);
              holds[t].set(j);
              holds[u].clear(j);
              holds[u].set(i);
              if (backToBack(x, holds, filled, i) + backToBack(x, holds, filled, j) < cost && within(x, holds, i)
                  && within(x, holds, j) && keepsFirst(holds, firstBy, i) && keepsFirst(holds, firstBy, j)) {
                improved = true;
                break;
              }
              holds[t].clear(j);
              holds[t].set(i);
              holds[u].clear(i);
              holds[u].set(j);
            }
            if (improved) {
              break;
            }
          }
        }
      }
    }
  }

  /** Member m's back-to-back turns that count: m at t - 1 and t while someone who could hold t did not. */
  static int backToBack(Shares x, BitSet[] holds, int[] filled, int m) {
    int n = 0;
    for (int t = 1; t < holds.length; t++) {
      if (holds[t].get(m) && holds[t - 1].get(m) && x.eligible[t].length > filled[t]) {
        n++;
      }
    }
    return n;
  }

  /** Whether member m, if their first turn has a deadline, still holds an occurrence by it. */
  static boolean keepsFirst(BitSet[] holds, int[] firstBy, int m) {
    if (m >= firstBy.length || firstBy[m] < 0) {
      return true;
    }
    for (int t = 0; t <= firstBy[m]; t++) {
      if (holds[t].get(m)) {
        return true;
      }
    }
    return false;
  }

  /** F1 for member m: every prefix within one turn of their share. */
  static boolean within(Shares x, BitSet[] holds, int m) {
    long held = 0;
    for (int t = 0; t < holds.length; t++) {
      held += holds[t].get(m) ? 1 : 0;
      if (!x.within(m, t + 1, held)) {
        return false;
      }
    }
    return true;
  }
}
