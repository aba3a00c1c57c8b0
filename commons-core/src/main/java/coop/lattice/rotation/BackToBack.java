package coop.lattice.rotation;

import coop.lattice.rotation.FairSequence.Shares;
import java.util.BitSet;

/**
 * F3 for one role's plan, after {@link FairSequence} found it within F1: back-to-back turns handed
 * on or swapped away where that keeps F1 and every newcomer's first turn. Kept apart from the
 * matching that finds the plan.
 */
final class BackToBack {
  private BackToBack() {}

  /**
   * F3 as this library states it (F9: F1 wins): no back-to-back turn, where someone who could hold
   * the second occurrence did not, can be removed by handing that turn to such a member, or by
   * swapping it with a turn they hold, without breaking F1 or adding a back-to-back turn elsewhere,
   * nor taking away a newcomer's first turn by its deadline ({@code firstBy}). Applies improving
   * moves until none is left.
   */
  static void improve(Shares x, BitSet[] holds, int[] firstBy) {
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
