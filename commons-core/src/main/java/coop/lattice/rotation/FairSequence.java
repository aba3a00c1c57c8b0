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
    private BitSet @Nullable [] avoid;

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

    /**
     * Keeps the matching from seating member i at occurrence t wherever {@code cells[t]} has i,
     * while their share still counts t: a wish, not an absence. Null lets it seat anyone eligible.
     */
    void avoid(BitSet @Nullable [] cells) {
      this.avoid = cells;
    }

    /** Whether the matching may seat member i at occurrence t. */
    boolean may(int t, int i) {
      BitSet[] a = avoid;
      return can[t].get(i) && (a == null || !a[t].get(i));
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
    TurnMatching.Jobs jobs = new TurnMatching.Jobs(x, firstBy, false, null);
    TurnMatching.Matching match = new TurnMatching.Matching(x, jobs);
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
    BackToBack.improve(x, match.holds, firstBy);
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

  /** How hard {@link #assignAround} tries to keep F1 while turns are held before planning. */
  enum Around {
    /** F1 on every prefix of each member's turns, held ones included. */
    EVERY_PREFIX,
    /** F1 on each member's total over the horizon, held turns included. */
    TOTAL,
    /**
     * As close as the held turns allow: due turns that no longer fit are left out, and a seat nobody
     * can hold within their share goes to the first member in the seeded order who can hold it.
     */
    AS_CLOSE_AS_HELD_TURNS_ALLOW
  }

  /**
   * Plans one role around turns held before planning (chosen in a sign-up): {@code held[t]} are the
   * members holding a seat of occurrence t already, each counted as one of their turns; the other
   * seats are filled by the same jobs and matching as {@link #assign(Shares, int[])}, with shares
   * over all the role's seats. Returns each occurrence's holders, held ones included, or null when
   * {@code around} cannot be kept (never for {@link Around#AS_CLOSE_AS_HELD_TURNS_ALLOW}). F3 is not
   * sought: a held turn may not move, and F1 on prefixes may not hold.
   */
  static int @Nullable [][] assignAround(Shares x, BitSet[] held, Around around) {
    int[] none = new int[x.members];
    Arrays.fill(none, -1);
    TurnMatching.Jobs jobs = new TurnMatching.Jobs(x, none, around != Around.EVERY_PREFIX, held);
    TurnMatching.Matching match = new TurnMatching.Matching(x, jobs);
    boolean tolerant = around == Around.AS_CLOSE_AS_HELD_TURNS_ALLOW;
    long[] dueKeys = new long[jobs.size];
    int due = 0;
    for (int j = 0; j < jobs.size; j++) {
      if (jobs.mandatory[j] && jobs.pinnedAt[j] < 0) {
        dueKeys[due++] = ((long) jobs.deadline[j] << 32) | j;
      }
    }
    long[] dueOrder = Arrays.copyOf(dueKeys, due);
    Arrays.sort(dueOrder);
    for (long key : dueOrder) {
      if (!match.fromJob((int) key, new BitSet(x.occurrences())) && !tolerant) {
        return null;
      }
    }
    for (int t = 0; t < x.occurrences(); t++) {
      while (match.used[t] < x.seats[t]) {
        if (!match.fromSlot(t, new BitSet(jobs.size))) {
          if (!tolerant) {
            return null;
          }
          BitSet free = (BitSet) x.can[t].clone();
          free.andNot(match.holds[t]);
          match.beyond(t, free.nextSetBit(0)); // members are in the seeded order: the first who can
        }
      }
    }
    int[][] out = new int[x.occurrences()][];
    for (int t = 0; t < out.length; t++) {
      out[t] = match.holds[t].stream().toArray();
    }
    return out;
  }
}
