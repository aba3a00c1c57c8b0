package coop.lattice.rotation;

import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.rotation.FairSequence.Around;
import coop.lattice.rotation.FairSequence.Shares;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fair policy's planning around {@link HeldTurns}: the held slots taken before any role is
 * planned (so exclusivity and seats count them), and for a role with held turns or wishes, its
 * holders found by {@link FairSequence#assignAround}, trying in turn: every wish honoured with F1
 * on every prefix, then on the total; then without the wishes, F1 on every prefix, on the total,
 * and as close as the held turns allow. Not thread-safe; one per plan.
 */
final class AroundHeld {
  /** Per role and date: the roster indices holding a seat there before planning. */
  private final Map<RoleId, Map<LocalDate, BitSet>> held = new HashMap<>();
  /** Per day of the week (by ordinal): the roster indices of those who would rather not take a turn then. */
  private final BitSet[] ratherNotOn = new BitSet[7];

  private AroundHeld(HeldTurns turns, Map<MemberId, Integer> index) {
    for (int d = 0; d < 7; d++) {
      ratherNotOn[d] = new BitSet();
    }
    turns.ratherNot().forEach((m, days) -> {
      Integer p = index.get(m);
      for (DayOfWeek day : days) {
        if (p != null) {
          ratherNotOn[day.ordinal()].set(p);
        }
      }
    });
  }

  /** Takes every held slot in {@code s}, after checking it could be held at all. */
  static AroundHeld hold(FairRotation.State s, HeldTurns turns) {
    AroundHeld out = new AroundHeld(turns, s.index);
    turns.held().forEach((slot, member) -> {
      Role role = s.roles.get(slot.role());
      Integer p = s.index.get(member);
      String what = member + "'s held turn, " + slot;
      if (role == null) {
        throw new InvalidRotationException(what + ", is of a role not in this plan; add " + slot.role() + " to it");
      }
      if (p == null) {
        throw new InvalidRotationException(what + ": " + member + " is not on the roster");
      }
      if (!role.cadence().between(s.request.from(), s.request.until()).contains(slot.date())) {
        throw new InvalidRotationException(what + ": " + slot.role() + " does not come round on " + slot.date()
            + " within the horizon");
      }
      Participant who = s.request.roster().get(p);
      if (!who.eligibleFor(role) || !who.availableOn(slot.date())) {
        throw new InvalidRotationException(what + ": they " + (who.eligibleFor(role) ? "are away that day"
            : "do not declare " + String.join(", ", role.requires())) + "; a held turn must be one they can take");
      }
      if (slot.seat() < 1 || slot.seat() > role.seats()) {
        throw new InvalidRotationException(what + ": " + slot.role() + " has seats 1 to " + role.seats());
      }
      BitSet at = out.held.computeIfAbsent(role.id(), r -> new HashMap<>()).computeIfAbsent(slot.date(),
          d -> new BitSet());
      if (!s.occupancy.free(slot.date(), member, role)) {
        throw new InvalidRotationException(what + ": they hold " + (at.get(p) ? "another seat of it"
            : "a role that excludes it") + " that day, or a campaign's phase keeps them from it");
      }
      at.set(p);
      if (at.cardinality() > role.seats()) {
        throw new InvalidRotationException(slot.role() + " on " + slot.date() + " has " + role.seats()
            + " seats, and more turns than that are held");
      }
      s.occupancy.hold(slot.date(), member, role.id());
      if (role.meaningful() && s.isNewcomer(p) && s.window.get(p).contains(slot.date())) {
        s.served[p] = true;
      }
    });
    return out;
  }

  /** The fair policy on its own: nothing held, no wishes. */
  static AroundHeld none() {
    return new AroundHeld(HeldTurns.NONE, Map.of());
  }

  /** Whether roster member {@code p} held {@code role} on {@code date} before planning. */
  boolean isHeld(RoleId role, LocalDate date, int p) {
    BitSet at = held.getOrDefault(role, Map.of()).get(date);
    return at != null && at.get(p);
  }

  /** Whether {@code member} held {@code slot}'s occurrence before planning. */
  boolean isHeld(FairRotation.State s, Slot slot, @Nullable MemberId member) {
    Integer p = member == null ? null : s.index.get(member);
    return p != null && isHeld(slot.role(), slot.date(), p);
  }

  /**
   * The holders (ranks) of {@code role}'s occurrences around its held turns and wishes, or null
   * when it has neither: then the fair policy plans it as it always does.
   */
  int @Nullable [][] holders(Role role, List<LocalDate> dates, int[] byRank, int[] rankOf, int[][] eligible,
      Shares x) {
    int occurrences = dates.size();
    BitSet[] heldRanks = new BitSet[occurrences];
    BitSet[] avoid = new BitSet[occurrences];
    boolean any = held.containsKey(role.id());
    boolean wishes = false;
    Map<LocalDate, BitSet> heldHere = held.getOrDefault(role.id(), Map.of());
    for (int t = 0; t < occurrences; t++) {
      heldRanks[t] = new BitSet();
      avoid[t] = new BitSet();
      BitSet at = heldHere.get(dates.get(t));
      for (int p = at == null ? -1 : at.nextSetBit(0); p >= 0; p = at.nextSetBit(p + 1)) {
        heldRanks[t].set(rankOf[p]);
      }
      BitSet wishful = ratherNotOn[dates.get(t).getDayOfWeek().ordinal()];
      for (int k = 0; !wishful.isEmpty() && k < eligible[t].length; k++) {
        int r = eligible[t][k];
        if (wishful.get(byRank[r]) && !heldRanks[t].get(r)) {
          avoid[t].set(r);
          wishes = true;
        }
      }
    }
    if (!any && !wishes) {
      return null;
    }
    for (Around around : wishes ? List.of(Around.EVERY_PREFIX, Around.TOTAL) : List.<Around>of()) {
      x.avoid(avoid);
      int[][] h = FairSequence.assignAround(x, heldRanks, around);
      x.avoid(null); // the shares go on to explain the plan, with no cell held back
      if (h != null) {
        return h;
      }
    }
    for (Around around : Around.values()) {
      int[][] h = FairSequence.assignAround(x, heldRanks, around);
      if (h != null) {
        return h;
      }
    }
    throw new IllegalStateException("planning as close as the held turns allow never fails");
  }
}
