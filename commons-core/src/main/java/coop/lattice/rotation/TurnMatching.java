package coop.lattice.rotation;

import coop.lattice.rotation.FairSequence.Shares;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The jobs and the matching {@link FairSequence} assigns one role with: each member's turns as
 * jobs with a window, placed into seats by augmenting paths. Turns held before planning (chosen in
 * a sign-up) are jobs pinned where they were chosen, which no augmenting path moves.
 */
final class TurnMatching {
  private TurnMatching() {}

  /**
   * Member i's turns as jobs: released, due (or optional), numbered in member order then turn;
   * then any turns held beyond them (pinned, optional).
   */
  static final class Jobs {
    final int[] member;
    final int[] release;
    final int[] deadline;
    final boolean[] mandatory;
    /** Per job: the occurrence a held turn pins it to, or -1. */
    final int[] pinnedAt;
    final int size;
    boolean tightened;

    /**
     * @param widen every job's window is the whole horizon: F1 on each member's total only, not on
     *     every prefix
     * @param held per occurrence, the members holding a seat there before planning, or null
     */
    Jobs(Shares x, int[] firstBy, boolean widen, BitSet @Nullable [] held) {
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
          list.add(widen ? new int[] {i, 0, t - 1, due ? 1 : 0, -1} : new int[] {i, release, deadline, due ? 1 : 0, -1});
        }
      }
      if (held != null) {
        pin(list, held);
      }
      size = list.size();
      member = new int[size];
      release = new int[size];
      deadline = new int[size];
      mandatory = new boolean[size];
      pinnedAt = new int[size];
      for (int j = 0; j < size; j++) {
        int[] job = list.get(j);
        member[j] = job[0];
        release[j] = job[1];
        deadline[j] = job[2];
        mandatory[j] = job[3] == 1;
        pinnedAt[j] = job[4];
      }
    }

    /**
     * Each held turn takes one of its member's jobs: one whose window holds it (the earliest due),
     * else the due job due last, else an optional one, else a job of its own beyond their share.
     * Which job it takes changes nothing in the member's total, only which of their turns are left.
     */
    private static boolean holds(int @Nullable [] job, int t) {
      return job != null && job[1] <= t && t <= job[2];
    }

    private static void pin(List<int[]> list, BitSet[] held) {
      List<List<int[]>> byMember = new ArrayList<>();
      for (int[] job : list) {
        while (byMember.size() <= job[0]) {
          byMember.add(new ArrayList<>());
        }
        byMember.get(job[0]).add(job);
      }
      for (int t = 0; t < held.length; t++) {
        for (int i = held[t].nextSetBit(0); i >= 0; i = held[t].nextSetBit(i + 1)) {
          List<int[]> own = i < byMember.size() ? byMember.get(i) : List.of();
          int[] best = null;
          for (int[] job : own) { // a free job whose window holds t, the earliest due
            if (job[4] < 0 && job[1] <= t && t <= job[2] && (best == null || job[2] < best[2])) {
              best = job;
            }
          }
          for (int[] job : own) { // else the due job due last
            if (job[4] < 0 && job[3] == 1 && (best == null || best[3] == 1 && best[2] < job[2] && !holds(best, t))) {
              best = holds(best, t) ? best : job;
            }
          }
          for (int[] job : own) { // else any free job
            if (best == null && job[4] < 0) {
              best = job;
            }
          }
          if (best == null) {
            list.add(new int[] {i, t, t, 0, t});
          } else {
            best[4] = t;
          }
        }
      }
    }
  }

  /** Augmenting-path matching of jobs to seats through (member, occurrence) unit nodes. */
  static final class Matching {
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
      for (int j = 0; j < jobs.size; j++) {
        if (jobs.pinnedAt[j] >= 0) {
          put(j, jobs.pinnedAt[j]);
        }
      }
    }

    /** Whether job j is a held turn, which stays where it was chosen. */
    boolean pinned(int j) {
      return j < 0 || jobs.pinnedAt[j] >= 0;
    }

    /** Seats member i at occurrence t beyond their share: a seat nobody could fill within theirs. */
    void beyond(int t, int i) {
      at[t][used[t]++] = -1;
      holds[t].set(i);
    }

    boolean allowed(int j, int t) {
      return t >= jobs.release[j] && t <= jobs.deadline[j] && x.may(t, jobs.member[j]);
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
          if (pinned(h) || holds[t].get(i) && jobs.member[h] != i) {
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
        if (slotOf[j] < 0 || pinned(j) || seen.get(j) || !allowed(j, t) || holds[t].get(jobs.member[j])) {
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
}
