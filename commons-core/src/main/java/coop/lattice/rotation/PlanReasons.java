package coop.lattice.rotation;

import coop.lattice.MemberId;
import java.time.LocalDate;
import java.util.List;

/**
 * The reasons a plan gives, slot by slot, in words a member can check: why this member, or why
 * nobody. Shared by the policies.
 */
final class PlanReasons {
  private PlanReasons() {}

  /** The reason a slot held before planning gives ({@link HeldTurns}). */
  static final String HELD = "held before planning: counts as one of their turns";

  /** Writes one role's assignments with their reasons, from the holders {@code s.out} has now. */
  static void describe(FairRotation.State s, FairRotation.Planned planned) {
    Role role = planned.role();
    List<Participant> roster = s.request.roster();
    FairSequence.Shares x = planned.shares();
    long[] held = new long[planned.byRank().length];
    for (int t = 0; t < planned.dates().size(); t++) {
      LocalDate d = planned.dates().get(t);
      int m = x.eligible[t].length;
      int[] seated = planned.seated()[t];
      for (int seat = 1; seat <= role.seats(); seat++) {
        Slot slot = new Slot(d, role.id(), seat);
        String guaranteed = s.guarantee.get(slot);
        if (guaranteed != null) {
          continue; // taken by the newcomer guarantee: its reason stays
        }
        if (seat > seated.length) {
          s.out.put(slot, new Assignment(slot, null, m == 0 ? whyNobody(s.request, role, d, seat)
              : (m == 1 ? "the one member who could hold it that day holds another of its seats"
                  : "each of the " + m + " members who could hold it that day holds another of its seats")));
          continue;
        }
        int r = seated[seat - 1];
        MemberId member = roster.get(planned.byRank()[r]).member();
        String reason;
        if (s.around.isHeld(role.id(), d, planned.byRank()[r])) {
          reason = HELD;
        } else if (m <= role.seats()) {
          reason = m == 1 ? "the only eligible and available member"
              : "every eligible and available member holds a seat (" + m + " for " + role.seats() + " seats)";
        } else {
          int p = t + 1;
          boolean due = x.compare(r, p, held[r] + 1) >= 0;
          String numbers = "(share " + x.twoDecimals(r, p) + ", held " + held[r] + " before) among " + m
              + " eligible and available" + (role.seats() > 1 ? " for " + role.seats() + " seats" : "");
          reason = planned.guaranteed()[r] >= 0 && held[r] == 0 && !due
              ? "newcomer guarantee: a first real role within " + s.request.newcomerCycles()
                  + " meeting days of joining, within their share " + numbers
              : "fair share: " + (due ? "due a turn " : "next in the seeded order ") + numbers;
        }
        s.out.put(slot, new Assignment(slot, member, reason));
      }
      for (int r : seated) {
        held[r]++;
      }
    }
  }

  static String whyNobody(PlanRequest request, Role role, LocalDate day, int seat) {
    long withTags = request.roster().stream().filter(p -> p.eligibleFor(role)).count();
    if (withTags == 0) {
      return "nobody on the roster declares " + String.join(", ", role.requires());
    }
    long present = request.roster().stream().filter(p -> p.eligibleFor(role) && p.availableOn(day)).count();
    if (present == 0) {
      return "all " + withTags + " member(s) who could hold it are away or not yet in the collective";
    }
    return "the " + present + " member(s) who could hold it already hold " + (seat > 1 ? "another seat or " : "")
        + "a role that excludes it that day";
  }
}
