package coop.lattice.testkit;

import coop.lattice.MemberId;
import coop.lattice.merkle.Hash;
import coop.lattice.rotation.Assignment;
import coop.lattice.rotation.Lottery;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.PlanRequest;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.RotationPolicy;
import coop.lattice.rotation.Slot;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fairness properties of {@code reference/fairness.md} as checks that return the violations
 * they find, in words (an empty list means the plan keeps the property). Entitlements are exact
 * fractions, so a check never passes or fails by rounding.
 *
 * <p>How each reads a plan: slots are grouped into sequences, one per role and seat, in date
 * order. A member's entitlement at a slot is their capacity over the capacities of those who
 * could hold it: eligible (tags), available (joined, not away), not holding an earlier seat of
 * the same role that day, and not holding a role planned earlier that excludes it (real roles
 * before chores, then by id: the order the fair policy plans in, its F9 disclosure).
 *
 * <p>Independent of the policies it checks, on purpose: it reads only the request and the
 * finished plan, through core's public types, and shares no code with {@code FairRotation} (the
 * fair policy in {@code coop.lattice.rotation}) or any other policy. A policy must not be checked
 * by its own code, or a mistake in that code would pass its own check. So where the two look
 * alike, they are two derivations of one property: for F8 the policy matches newcomers to the
 * slots it can free for them, and this class, with its own maximum matching (the same textbook
 * augmenting path), counts how many newcomers any plan could serve and compares. Keep them apart.
 *
 * <pre>{@code
 * // in a jqwik property
 * void myPolicyIsFair(@ForAll("requests") PlanRequest request) {
 *   assertThat(FairnessChecks.all(myPolicy, request)).isEmpty();
 * }
 * }</pre>
 */
public final class FairnessChecks {
  private FairnessChecks() {}

  /** Every check below, for {@code policy} on {@code request}. */
  public static List<String> all(RotationPolicy policy, PlanRequest request) {
    List<String> out = new ArrayList<>(f6(policy, request));
    Plan plan = policy.plan(request);
    out.addAll(f1(request, plan));
    out.addAll(f2(request, plan));
    out.addAll(f3(request, plan));
    out.addAll(f5(request, plan));
    out.addAll(f8(request, plan));
    return out;
  }

  /** F1: in every role and seat sequence, every member stays within one turn of their share at every prefix. */
  public static List<String> f1(PlanRequest request, Plan plan) {
    List<String> out = new ArrayList<>();
    for (Sequence s : sequences(request, plan)) {
      Map<MemberId, Q> share = new HashMap<>();
      Map<MemberId, Long> held = new HashMap<>();
      for (int t = 0; t < s.slots.size(); t++) {
        addShares(s.able.get(t), request, share);
        MemberId h = s.holders.get(t);
        if (h != null) {
          held.merge(h, 1L, Long::sum);
        }
        for (Map.Entry<MemberId, Q> e : share.entrySet()) {
          Q dev = e.getValue().minus(held.getOrDefault(e.getKey(), 0L));
          if (!dev.underOne()) {
            out.add("F1: after " + s.slots.get(t) + ", " + e.getKey() + " is " + dev + " turns from their share");
          }
        }
      }
    }
    return out;
  }

  /**
   * F2: where the same members, with equal shares, could hold every slot of a sequence, any
   * window of at least n slots is balanced within one.
   */
  public static List<String> f2(PlanRequest request, Plan plan) {
    List<String> out = new ArrayList<>();
    for (Sequence s : sequences(request, plan)) {
      if (s.slots.isEmpty() || s.able.stream().anyMatch(a -> !a.equals(s.able.get(0))) || s.able.get(0).isEmpty()
          || s.able.get(0).stream().map(m -> roster(request).get(m).capacity()).distinct().count() > 1) {
        continue; // F2 speaks of constant availability and equal shares
      }
      List<MemberId> everyone = s.able.get(0);
      int n = everyone.size();
      for (int w = n; w <= s.slots.size(); w++) {
        for (int start = 0; start + w <= s.slots.size(); start++) {
          Map<MemberId, Integer> count = new HashMap<>();
          everyone.forEach(m -> count.put(m, 0));
          for (int t = start; t < start + w; t++) {
            count.merge(s.holders.get(t), 1, Integer::sum);
          }
          int max = count.values().stream().max(Integer::compare).orElse(0);
          int min = count.values().stream().min(Integer::compare).orElse(0);
          if (max - min > 1) {
            out.add("F2: slots " + s.slots.get(start) + " to " + s.slots.get(start + w - 1) + " are unbalanced by "
                + (max - min));
          }
        }
      }
    }
    return out;
  }

  /**
   * F3 (with F1 winning, as F9 allows): no back-to-back turn, where someone else could have held
   * the second slot, that handing the slot to another member or swapping it with one they hold
   * would remove without breaking F1 or adding another back-to-back turn. In a sequence that does
   * not keep F1, every such back-to-back turn is a violation.
   */
  public static List<String> f3(PlanRequest request, Plan plan) {
    List<String> out = new ArrayList<>();
    for (Sequence s : sequences(request, plan)) {
      List<MemberId> h = s.holders;
      int cost = backToBack(s, h);
      boolean fair = keepsF1(s, request, h);
      for (int t = 1; t < h.size(); t++) {
        MemberId i = h.get(t);
        if (i == null || !i.equals(h.get(t - 1)) || s.able.get(t).size() < 2) {
          continue;
        }
        if (!fair) { // F1 is not kept, so it cannot excuse a back-to-back turn
          out.add("F3: " + i + " holds " + s.slots.get(t - 1) + " and " + s.slots.get(t) + " while "
              + (s.able.get(t).size() - 1) + " other(s) could have taken the second");
          continue;
        }
        for (MemberId j : s.able.get(t)) {
          if (j.equals(i)) {
            continue;
          }
          List<MemberId> handed = new ArrayList<>(h);
          handed.set(t, j);
          if (backToBack(s, handed) < cost && keepsF1(s, request, handed)) {
            out.add("F3: " + i + " holds " + s.slots.get(t - 1) + " and " + s.slots.get(t) + "; " + j
                + " could have taken the second");
          }
          for (int u = 0; u < h.size(); u++) {
            if (u != t && j.equals(h.get(u)) && s.able.get(u).contains(i)) {
              List<MemberId> swapped = new ArrayList<>(h);
              swapped.set(t, j);
              swapped.set(u, i);
              if (backToBack(s, swapped) < cost && keepsF1(s, request, swapped)) {
                out.add("F3: " + i + " holds " + s.slots.get(t - 1) + " and " + s.slots.get(t) + "; swapping with "
                    + s.slots.get(u) + " would avoid it");
              }
            }
          }
        }
      }
    }
    return out;
  }

  /** F5: never an ineligible, unavailable or doubly-booked member; an unfilled slot only when nobody could hold it. */
  public static List<String> f5(PlanRequest request, Plan plan) {
    List<String> out = new ArrayList<>();
    Map<RoleId, Role> roles = roles(request);
    Map<MemberId, Participant> roster = roster(request);
    Map<LocalDate, Map<MemberId, List<RoleId>>> day = new HashMap<>();
    for (Assignment a : plan.assignments()) {
      if (a.member() == null) {
        continue;
      }
      Participant p = roster.get(a.member());
      Role r = roles.get(a.slot().role());
      if (p == null || !p.eligibleFor(r) || !p.availableOn(a.slot().date())) {
        out.add("F5: " + a.member() + " cannot hold " + a.slot());
      }
      day.computeIfAbsent(a.slot().date(), d -> new HashMap<>()).computeIfAbsent(a.member(), m -> new ArrayList<>())
          .add(r.id());
    }
    day.forEach((d, byMember) -> byMember.forEach((m, held) -> {
      for (int x = 0; x < held.size(); x++) {
        for (int y = x + 1; y < held.size(); y++) {
          RoleId a = held.get(x);
          RoleId b = held.get(y);
          if (a.equals(b) || roles.get(a).exclusiveWith().contains(b) || roles.get(b).exclusiveWith().contains(a)) {
            out.add("F5: " + m + " holds both " + a + " and " + b + " on " + d);
          }
        }
      }
    }));
    for (Assignment a : plan.assignments()) {
      if (a.member() != null) {
        continue;
      }
      Role r = roles.get(a.slot().role());
      LocalDate d = a.slot().date();
      List<MemberId> could = request.roster().stream()
          .filter(p -> p.eligibleFor(r) && p.availableOn(d))
          .filter(p -> day.getOrDefault(d, Map.of()).getOrDefault(p.member(), List.of()).stream().noneMatch(held ->
              held.equals(r.id()) || roles.get(held).exclusiveWith().contains(r.id()) || r.exclusiveWith().contains(held)))
          .map(Participant::member).toList();
      if (!could.isEmpty()) {
        out.add("F5: " + a.slot() + " is unfilled although " + could + " could hold it");
      }
    }
    return out;
  }

  /** F4: every candidate of an unconstrained draw has probability exactly seats / candidates. */
  public static List<String> f4(Lottery.Announcement announcement) {
    List<String> out = new ArrayList<>();
    BigInteger k = BigInteger.valueOf(announcement.seats());
    BigInteger n = BigInteger.valueOf(announcement.candidates().size());
    Lottery.probabilities(announcement).forEach((m, q) -> {
      if (!q[0].multiply(n).equals(q[1].multiply(k))) {
        out.add("F4: " + m + " has probability " + q[0] + "/" + q[1] + ", not " + k + "/" + n);
      }
    });
    return out;
  }

  /**
   * F7: the transcript re-derives (commitments match reveals, the seed follows from every input,
   * the draw follows from the seed), and its anchor root is {@code rootAtAnchorHeight}, the root a
   * verifier holding the ledger sees at the announced height.
   */
  public static List<String> f7(Lottery.Transcript transcript, Hash rootAtAnchorHeight) {
    List<String> out = new ArrayList<>();
    Lottery.verify(transcript).forEach(p -> out.add("F7: " + p));
    if (!transcript.anchorRoot().equals(rootAtAnchorHeight)) {
      out.add("F7: the anchor root is not the ledger's root at height " + transcript.announcement().anchorHeight());
    }
    return out;
  }

  /** F6: the same request gives the same plan. */
  public static List<String> f6(RotationPolicy policy, PlanRequest request) {
    return policy.plan(request).equals(policy.plan(request))
        ? List.of() : List.of("F6: " + policy.name() + " gave two different plans for the same request");
  }

  /**
   * F8: as many newcomers hold a meaningful role within the first K meeting days after joining as
   * could possibly be given one (a maximum matching of newcomers to such slots; two newcomers
   * cannot share one slot).
   */
  public static List<String> f8(PlanRequest request, Plan plan) {
    Map<RoleId, Role> roles = roles(request);
    TreeSet<LocalDate> meetings = new TreeSet<>();
    for (Role r : roles.values()) {
      if (r.meaningful()) {
        meetings.addAll(r.cadence().between(request.from(), request.until()));
      }
    }
    List<MemberId> unserved = new ArrayList<>();
    List<List<Slot>> options = new ArrayList<>();
    for (Participant p : request.roster()) {
      if (!request.newcomer(p)) {
        continue;
      }
      List<LocalDate> window = meetings.stream().filter(d -> !d.isBefore(p.joined())).limit(request.newcomerCycles())
          .toList();
      List<Slot> could = plan.assignments().stream().map(Assignment::slot)
          .filter(s -> roles.get(s.role()).meaningful() && window.contains(s.date())
              && p.eligibleFor(roles.get(s.role())) && p.availableOn(s.date())
              && freeable(request, plan, roles, p, s))
          .toList();
      boolean holds = plan.assignments().stream().anyMatch(a -> p.member().equals(a.member())
          && roles.get(a.slot().role()).meaningful() && window.contains(a.slot().date()));
      if (!could.isEmpty()) {
        options.add(could);
        if (!holds) {
          unserved.add(p.member());
        }
      }
    }
    Map<Slot, Integer> taken = new HashMap<>();
    int possible = 0;
    for (int i = 0; i < options.size(); i++) {
      possible += match(i, options, taken, new HashSet<>()) ? 1 : 0;
    }
    int served = options.size() - unserved.size();
    return served >= possible ? List.of() : List.of("F8: " + served + " of " + options.size()
        + " newcomers hold a real role in their first " + request.newcomerCycles() + " meeting days, but " + possible
        + " could; waiting: " + unserved);
  }

  /**
   * Whether p could hold slot s as far as the rest of the day goes: a chore that excludes it can
   * pass to someone else or stay open, but a real role they hold that day already serves them.
   */
  private static boolean freeable(PlanRequest request, Plan plan, Map<RoleId, Role> roles, Participant p, Slot s) {
    Role target = roles.get(s.role());
    for (Assignment a : plan.assignments()) {
      if (!p.member().equals(a.member()) || !a.slot().date().equals(s.date()) || a.slot().equals(s)) {
        continue;
      }
      Role held = roles.get(a.slot().role());
      boolean excludes = held.id().equals(target.id()) || held.exclusiveWith().contains(target.id())
          || target.exclusiveWith().contains(held.id());
      if (excludes && roles.get(held.id()).meaningful()) {
        return false; // they hold a real role that day already
      }
    }
    return true;
  }

  /** Kuhn's augmenting path, this class's own: see the class comment for why it is not shared. */
  private static boolean match(int i, List<List<Slot>> options, Map<Slot, Integer> taken, Set<Slot> seen) {
    for (Slot s : options.get(i)) {
      if (seen.add(s)) {
        Integer other = taken.get(s);
        if (other == null || match(other, options, taken, seen)) {
          taken.put(s, i);
          return true;
        }
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------------ reading a plan

  private record Sequence(List<Slot> slots, List<MemberId> holders, List<List<MemberId>> able) {}

  private static List<Sequence> sequences(PlanRequest request, Plan plan) {
    Map<RoleId, Role> roles = roles(request);
    Map<Slot, MemberId> holder = new HashMap<>();
    plan.assignments().forEach(a -> holder.put(a.slot(), a.member()));
    List<Sequence> out = new ArrayList<>();
    for (Role role : order(roles)) {
      for (int seat = 1; seat <= role.seats(); seat++) {
        List<Slot> slots = new ArrayList<>();
        List<MemberId> holders = new ArrayList<>();
        List<List<MemberId>> able = new ArrayList<>();
        for (LocalDate d : role.cadence().between(request.from(), request.until())) {
          Slot slot = new Slot(d, role.id(), seat);
          slots.add(slot);
          holders.add(holder.get(slot));
          List<MemberId> who = new ArrayList<>();
          for (Participant p : request.roster()) {
            if (p.eligibleFor(role) && p.availableOn(d) && !heldEarlier(roles, holder, role, seat, d, p.member())) {
              who.add(p.member());
            }
          }
          able.add(who);
        }
        out.add(new Sequence(slots, holders, able));
      }
    }
    return out;
  }

  /** Whether m holds, on d, an earlier seat of role or an earlier-planned role that excludes it. */
  private static boolean heldEarlier(Map<RoleId, Role> roles, Map<Slot, MemberId> holder, Role role, int seat,
      LocalDate d, MemberId m) {
    for (int s = 1; s < seat; s++) {
      if (m.equals(holder.get(new Slot(d, role.id(), s)))) {
        return true;
      }
    }
    for (Role other : order(roles)) {
      if (other.id().equals(role.id())) {
        break;
      }
      boolean exclusive = other.exclusiveWith().contains(role.id()) || role.exclusiveWith().contains(other.id());
      for (int s = 1; exclusive && s <= other.seats(); s++) {
        if (m.equals(holder.get(new Slot(d, other.id(), s)))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The fair policy's planning order: real roles before chores, then by id (its F9 disclosure). */
  private static List<Role> order(Map<RoleId, Role> roles) {
    return roles.values().stream().sorted(Comparator.comparing((Role r) -> !r.meaningful())
        .thenComparing(Role::id)).toList();
  }

  private static int backToBack(Sequence s, List<MemberId> h) {
    int n = 0;
    for (int t = 1; t < h.size(); t++) {
      if (h.get(t) != null && h.get(t).equals(h.get(t - 1)) && s.able.get(t).size() > 1) {
        n++;
      }
    }
    return n;
  }

  private static boolean keepsF1(Sequence s, PlanRequest request, List<MemberId> h) {
    Map<MemberId, Q> share = new HashMap<>();
    Map<MemberId, Long> held = new HashMap<>();
    for (int t = 0; t < h.size(); t++) {
      addShares(s.able.get(t), request, share);
      if (h.get(t) != null) {
        held.merge(h.get(t), 1L, Long::sum);
      }
      for (Map.Entry<MemberId, Q> e : share.entrySet()) {
        if (!e.getValue().minus(held.getOrDefault(e.getKey(), 0L)).underOne()) {
          return false;
        }
      }
    }
    return true;
  }

  private static void addShares(List<MemberId> able, PlanRequest request, Map<MemberId, Q> share) {
    Map<MemberId, Participant> roster = roster(request);
    Q total = Q.ZERO;
    for (MemberId m : able) {
      total = total.plus(Q.of(roster.get(m).capacity()));
    }
    for (MemberId m : able) {
      share.merge(m, Q.of(roster.get(m).capacity()).over(total), Q::plus);
    }
  }

  private static Map<RoleId, Role> roles(PlanRequest request) {
    Map<RoleId, Role> roles = new TreeMap<>();
    request.roles().forEach(r -> roles.put(r.id(), r));
    return roles;
  }

  private static Map<MemberId, Participant> roster(PlanRequest request) {
    Map<MemberId, Participant> out = new HashMap<>();
    request.roster().forEach(p -> out.put(p.member(), p));
    return out;
  }

  /** An exact fraction. */
  private record Q(BigInteger num, BigInteger den) {
    static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);

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

    Q over(Q o) {
      return new Q(num.multiply(o.den), den.multiply(o.num)).norm();
    }

    Q minus(long k) {
      return new Q(num.subtract(den.multiply(BigInteger.valueOf(k))), den).norm();
    }

    boolean underOne() {
      return num.abs().compareTo(den) < 0;
    }

    @Override
    public String toString() {
      return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    }
  }
}
