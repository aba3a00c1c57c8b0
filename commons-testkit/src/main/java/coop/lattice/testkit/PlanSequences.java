package coop.lattice.testkit;

import coop.lattice.MemberId;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.PlanRequest;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.Slot;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The plan as {@link FairnessChecks} reads it: each role's occurrences in the planning order, who
 * held each, who was able to, and each member's exact entitlement at an occurrence. Shared by the
 * checks; not part of the testkit's API.
 */
final class PlanSequences {
  private PlanSequences() {}

  record Sequence(Role role, List<LocalDate> dates, List<Set<MemberId>> holders, List<List<MemberId>> able) {}

  static Map<Slot, MemberId> holders(Plan plan) {
    Map<Slot, MemberId> holder = new HashMap<>();
    plan.assignments().forEach(a -> holder.put(a.slot(), a.member()));
    return holder;
  }

  static List<Sequence> sequences(PlanRequest request, Plan plan) {
    Map<Slot, MemberId> holder = holders(plan);
    List<Role> order = FairnessChecks.planningOrder(request.roles());
    List<Sequence> out = new ArrayList<>();
    for (int r = 0; r < order.size(); r++) {
      Role role = order.get(r);
      List<Role> earlier = order.subList(0, r);
      List<LocalDate> dates = role.cadence().between(request.from(), request.until());
      List<Set<MemberId>> holders = new ArrayList<>();
      List<List<MemberId>> able = new ArrayList<>();
      for (LocalDate d : dates) {
        Set<MemberId> held = new LinkedHashSet<>();
        for (int seat = 1; seat <= role.seats(); seat++) {
          MemberId m = holder.get(new Slot(d, role.id(), seat));
          if (m != null) {
            held.add(m);
          }
        }
        holders.add(held);
        List<MemberId> who = new ArrayList<>();
        for (Participant p : request.roster()) {
          if (p.eligibleFor(role) && p.availableOn(d) && !heldEarlier(holder, earlier, role, d, p.member())) {
            who.add(p.member());
          }
        }
        able.add(who);
      }
      out.add(new Sequence(role, dates, holders, able));
    }
    return out;
  }

  /** Whether m holds, on d, a role earlier in the planning order that excludes {@code role} or that it excludes. */
  static boolean heldEarlier(Map<Slot, MemberId> holder, List<Role> earlier, Role role, LocalDate d,
      MemberId m) {
    for (Role other : earlier) {
      boolean exclusive = other.exclusiveWith().contains(role.id()) || role.exclusiveWith().contains(other.id());
      for (int s = 1; exclusive && s <= other.seats(); s++) {
        if (m.equals(holder.get(new Slot(d, other.id(), s)))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Each member's entitlement at one occurrence: {@code min(1, λ c_i)}, with {@code λ} such that
   * the entitlements add up to {@code min(seats, able.size())} (water-filling: whoever would get
   * more than a whole seat gets exactly one, and the rest is shared again).
   */
  static Map<MemberId, Q> entitlements(PlanRequest request, List<MemberId> able, int seats) {
    Map<MemberId, Participant> roster = roster(request);
    Map<MemberId, Q> out = new HashMap<>();
    List<MemberId> open = new ArrayList<>(able);
    long left = Math.min(seats, able.size());
    boolean capped = true;
    while (capped && !open.isEmpty()) {
      capped = false;
      Q total = Q.ZERO;
      for (MemberId m : open) {
        total = total.plus(Q.of(roster.get(m).capacity()));
      }
      for (MemberId m : List.copyOf(open)) {
        Q share = Q.of(roster.get(m).capacity()).times(left).over(total);
        if (!share.under(1)) {
          out.put(m, Q.ONE);
          open.remove(m);
          capped = true;
        }
      }
      if (capped) {
        left = Math.min(seats, able.size()) - out.size();
        continue;
      }
      for (MemberId m : open) {
        out.put(m, Q.of(roster.get(m).capacity()).times(left).over(total));
      }
    }
    return out;
  }

  static List<Set<MemberId>> copy(List<Set<MemberId>> h) {
    List<Set<MemberId>> out = new ArrayList<>();
    h.forEach(s -> out.add(new LinkedHashSet<>(s)));
    return out;
  }

  /** Back-to-back turns that count: a member holds two consecutive occurrences while someone else could hold the second. */
  static int backToBack(Sequence s, List<Set<MemberId>> h) {
    int n = 0;
    for (int t = 1; t < h.size(); t++) {
      if (s.able.get(t).size() > h.get(t).size()) {
        for (MemberId m : h.get(t)) {
          n += h.get(t - 1).contains(m) ? 1 : 0;
        }
      }
    }
    return n;
  }

  static boolean keepsF1(Sequence s, PlanRequest request, List<Set<MemberId>> h) {
    Map<MemberId, Q> share = new HashMap<>();
    Map<MemberId, Long> held = new HashMap<>();
    for (int t = 0; t < h.size(); t++) {
      entitlements(request, s.able.get(t), s.role.seats()).forEach((m, q) -> share.merge(m, q, Q::plus));
      for (MemberId m : h.get(t)) {
        held.merge(m, 1L, Long::sum);
      }
      for (Map.Entry<MemberId, Q> e : share.entrySet()) {
        if (!e.getValue().minus(held.getOrDefault(e.getKey(), 0L)).under(1)) {
          return false;
        }
      }
    }
    return true;
  }

  static Map<RoleId, Role> roles(PlanRequest request) {
    Map<RoleId, Role> roles = new TreeMap<>();
    request.roles().forEach(r -> roles.put(r.id(), r));
    return roles;
  }

  static Map<MemberId, Participant> roster(PlanRequest request) {
    Map<MemberId, Participant> out = new HashMap<>();
    request.roster().forEach(p -> out.put(p.member(), p));
    return out;
  }

  /** An exact fraction. */
  record Q(BigInteger num, BigInteger den) {
    static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);
    static final Q ONE = new Q(BigInteger.ONE, BigInteger.ONE);

    static Q of(BigDecimal d) {
      BigDecimal s = d.stripTrailingZeros();
      return s.scale() <= 0 ? new Q(s.toBigIntegerExact(), BigInteger.ONE)
          : new Q(s.unscaledValue(), BigInteger.TEN.pow(s.scale())).norm();
    }

    Q norm() {
      BigInteger g = num.gcd(den);
      return g.signum() == 0 ? ZERO : new Q(num.divide(g), den.divide(g));
    }

    Q plus(Q o) {
      return new Q(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den)).norm();
    }

    Q times(long k) {
      return new Q(num.multiply(BigInteger.valueOf(k)), den).norm();
    }

    Q over(Q o) {
      return new Q(num.multiply(o.den), den.multiply(o.num)).norm();
    }

    Q minus(long k) {
      return new Q(num.subtract(den.multiply(BigInteger.valueOf(k))), den).norm();
    }

    /** |this| < k. */
    boolean under(long k) {
      return num.abs().compareTo(den.multiply(BigInteger.valueOf(k))) < 0;
    }

    @Override
    public String toString() {
      return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    }
  }
}
