package coop.lattice.rotation;

import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.rotation.FairSequence.Around;
import coop.lattice.rotation.FairSequence.Shares;
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
  private final HeldTurns turns;
  /** Per role and date: the roster indices holding a seat there before planning. */
  private final Map<RoleId, Map<LocalDate, BitSet>> held = new HashMap<>();

  private AroundHeld(HeldTurns turns) {
    this.turns = turns;
  }

  /** Takes every held slot in {@code s}, after checking it could be held at all. */
  static AroundHeld hold(FairRotation.State s, HeldTurns turns) {
    AroundHeld out = new AroundHeld(turns);
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
    return new AroundHeld(HeldTurns.NONE);
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
  int @Nullable [][] holders(FairRotation.State s, Role role, List<LocalDate> dates, int[] byRank, int[] rankOf,
      int[][] eligible, long[] capacity) {
    int occurrences = dates.size();
    BitSet[] heldRanks = new BitSet[occurrences];
    BitSet[] avoid = new BitSet[occurrences];
    boolean any = held.containsKey(role.id());
    boolean wishes = false;
    for (int t = 0; t < occurrences; t++) {
      heldRanks[t] = new BitSet();
      avoid[t] = new BitSet();
      BitSet at = held.getOrDefault(role.id(), Map.of()).get(dates.get(t));
      for (int p = at == null ? -1 : at.nextSetBit(0); p >= 0; p = at.nextSetBit(p + 1)) {
        heldRanks[t].set(rankOf[p]);
      }
      for (int r : eligible[t]) {
        if (!heldRanks[t].get(r) && turns.ratherNot(s.request.roster().get(byRank[r]).member(),
            dates.get(t).getDayOfWeek())) {
          avoid[t].set(r);
          wishes = true;
        }
      }
    }
    if (!any && !wishes) {
      return null;
    }
    for (Around around : wishes ? List.of(Around.EVERY_PREFIX, Around.TOTAL) : List.<Around>of()) {
      Shares x = new Shares(byRank.length, eligible, capacity, role.seats());
      x.avoid(avoid);
      int[][] h = FairSequence.assignAround(x, heldRanks, around);
      if (h != null) {
        return h;
      }
    }
    Shares x = new Shares(byRank.length, eligible, capacity, role.seats());
    for (Around around : Around.values()) {
      int[][] h = FairSequence.assignAround(x, heldRanks, around);
      if (h != null) {
        return h;
      }
    }
    throw new IllegalStateException("planning as close as the held turns allow never fails");
  }
}
