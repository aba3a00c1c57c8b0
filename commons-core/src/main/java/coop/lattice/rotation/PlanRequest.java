package coop.lattice.rotation;

import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.cycle.Campaign;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to plan: who is on the roster, which roles, over which horizon, and the newcomer
 * guarantee (from the agreements in force: {@code newcomer-guarantee-cycles} and {@code
 * newcomer-window-days}), or the newcomers the collective names ({@link #withNewcomers}).
 *
 * <p>Rejected, with a message that says what to fix: an empty roster, a member listed twice, no
 * roles, a role listed twice, a horizon that ends before it starts, a role that never comes
 * round in the horizon.
 */
public record PlanRequest(List<Participant> roster, List<Role> roles, LocalDate from, LocalDate until,
    int newcomerCycles, int newcomerWindowDays, List<Campaign.Phase> phases,
    BigDecimal intenseCapHours, Set<MemberId> restOptIn, @Nullable Set<MemberId> newcomers) {

  /** A request without campaign phases: no caps and no rest. */
  public PlanRequest(List<Participant> roster, List<Role> roles, LocalDate from, LocalDate until, int newcomerCycles,
      int newcomerWindowDays) {
    this(roster, roles, from, until, newcomerCycles, newcomerWindowDays, List.of(), BigDecimal.valueOf(168),
        Set.of(), null);
  }

  /**
   * The same request within a campaign's phases: during intensity nobody takes more than {@code
   * capHoursPerWeek} hours a week (a turn counts its role's weight in hours); during rest only
   * members in {@code optedIn} are assigned.
   */
  public PlanRequest withCycles(List<Campaign.Phase> cyclePhases, BigDecimal capHoursPerWeek,
      Set<MemberId> optedIn) {
    return new PlanRequest(roster, roles, from, until, newcomerCycles, newcomerWindowDays, cyclePhases, capHoursPerWeek,
        optedIn, newcomers);
  }

  /**
   * The same request where exactly {@code newMembers} are newcomers, whenever they joined: what a
   * collective whose agreement makes members new until trusted ({@code newcomer-until}) asks for.
   * Each still has their first meeting days from the day they joined, or from the horizon's start.
   */
  public PlanRequest withNewcomers(Set<MemberId> newMembers) {
    return new PlanRequest(roster, roles, from, until, newcomerCycles, newcomerWindowDays, phases, intenseCapHours,
        restOptIn, newMembers);
  }

  public PlanRequest {
    phases = List.copyOf(phases);
    restOptIn = Set.copyOf(restOptIn);
    newcomers = newcomers == null ? null : Set.copyOf(newcomers);
    if (intenseCapHours.signum() <= 0) {
      throw new InvalidRotationException("the capacity cap in intense phases is more than 0 hours a week, not "
          + intenseCapHours.toPlainString());
    }
    roster = List.copyOf(roster);
    roles = List.copyOf(roles);
    if (roster.isEmpty()) {
      throw new InvalidRotationException("a plan needs at least one member on the roster");
    }
    Set<MemberId> seen = new HashSet<>();
    for (Participant p : roster) {
      if (!seen.add(p.member())) {
        throw new InvalidRotationException(p.member() + " is on the roster twice");
      }
    }
    if (roles.isEmpty()) {
      throw new InvalidRotationException("a plan needs at least one role");
    }
    if (!from.isBefore(until)) {
      throw new InvalidRotationException("a horizon from " + from + " until " + until + " holds no day");
    }
    Set<RoleId> ids = new HashSet<>();
    for (Role r : roles) {
      if (!ids.add(r.id())) {
        throw new InvalidRotationException("role " + r.id() + " is listed twice");
      }
      if (r.cadence().between(from, until).isEmpty()) {
        throw new InvalidRotationException("role " + r.id() + " never comes round between " + from + " and " + until
            + "; check its cadence or the horizon");
      }
    }
    for (Role r : roles) {
      for (RoleId other : r.exclusiveWith()) {
        if (!ids.contains(other)) {
          throw new InvalidRotationException("role " + r.id() + " is exclusive with " + other + ", which is not in"
              + " this plan; add " + other + " to the plan or take it out of " + r.id() + "'s exclusiveWith");
        }
      }
    }
    if (newcomerCycles < 1 || newcomerCycles > 12) {
      throw new InvalidRotationException("the newcomer guarantee is 1 to 12 cycles, not " + newcomerCycles);
    }
    if (newcomerWindowDays < 1 || newcomerWindowDays > 365) {
      throw new InvalidRotationException("the newcomer window is 1 to 365 days, not " + newcomerWindowDays);
    }
  }

  /** A request with the documented defaults for the newcomer guarantee (2 cycles, 90 days). */
  public static PlanRequest of(List<Participant> roster, List<Role> roles, LocalDate from, LocalDate until) {
    return new PlanRequest(roster, roles, from, until, 2, 90);
  }

  /**
   * True when {@code p} counts as a newcomer for this horizon: one of the {@link #withNewcomers
   * newcomers} named, or else joined within the newcomer window before it starts.
   */
  public boolean newcomer(Participant p) {
    if (newcomers != null) {
      return newcomers.contains(p.member()) && p.joined().isBefore(until);
    }
    return !p.joined().isBefore(from.minusDays(newcomerWindowDays)) && p.joined().isBefore(until);
  }
}
