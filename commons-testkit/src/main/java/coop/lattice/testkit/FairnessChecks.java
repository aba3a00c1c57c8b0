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
import coop.lattice.testkit.PlanSequences.Q;
import coop.lattice.testkit.PlanSequences.Sequence;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fairness properties of {@code reference/fairness.md} as checks that return the violations
 * they find, in words (an empty list means the plan keeps the property). Each check is named by
 * what it means; the F-number is in its description. Entitlements are exact fractions, so a check
 * never passes or fails by rounding.
 *
 * <p><b>How a plan is read.</b> Roles are read one at a time in the {@linkplain #planningOrder
 * planning order}: meaningful roles before chores, each group in order of role ids. A role's
 * occurrences (its dates in the horizon, in order) form its sequence. At an occurrence, the
 * members who <i>could</i> hold the role are those who declare its tags, are in the collective
 * and not away that day, and do not hold, that day, a role earlier in the planning order that
 * excludes it (or that it excludes). With {@code m} such members and a role of {@code k} seats,
 * {@code min(k, m)} seats can be filled, and member {@code i}'s entitlement is their capacity's
 * part of those seats, never more than one seat: {@code min(1, λ c_i)} with {@code λ} chosen so
 * that the entitlements add up to {@code min(k, m)} (with equal capacities, {@code k / m} each).
 * A member holds the role at an occurrence when they hold any of its seats.
 *
 * <p><b>Seats.</b> A role's seats are interchangeable (one set of tags for all of them), so
 * fairness is first a property of the role as a whole. The seat <i>numbers</i> still rotate: at an
 * occurrence, seat {@code j} could go to any of that day's holders not in seats {@code 1..j-1},
 * each with an equal share; {@link #seatsWithinOneTurn} checks F1 for each seat number in that
 * sense.
 *
 * <p><b>Independent of the policies it checks, on purpose</b>: it reads only the request and the
 * finished plan, through core's public types, and shares no code with the policies in {@code
 * coop.lattice.rotation}. A policy must not be checked by its own code, or a mistake in that code
 * would pass its own check. Where the two look alike (F8: the policy matches newcomers to slots,
 * and this class, with its own maximum matching, counts how many newcomers any plan could serve),
 * they are two derivations of one property. Campaign phases (caps and rest) are not read: the
 * checks speak of requests without them.
 *
 * <pre>{@code
 * // in a jqwik property
 * void myPolicyIsFair(@ForAll("requests") PlanRequest request) {
 *   assertThat(FairnessChecks.all(myPolicy, request)).isEmpty();
 * }
 * // or a plan a collective made: the request is the one it planned
 * PlanRequest request = coop.rotations().request(roster, roles, from, until);
 * assertThat(FairnessChecks.all(request, coop.rotations().plan(policy, request))).isEmpty();
 * }</pre>
 */
public final class FairnessChecks {
  private FairnessChecks() {}

  /**
   * The order the checks read roles in, which defines who could hold a role after exclusivity:
   * meaningful roles before chores, each group in order of role ids. The fair policy plans in
   * this order (its F9 disclosure); a policy of your own that plans otherwise is still checked in
   * this order.
   */
  public static List<Role> planningOrder(List<Role> roles) {
    return roles.stream().sorted(Comparator.comparing((Role r) -> !r.meaningful()).thenComparing(Role::id)).toList();
  }

  /** Every check below for {@code policy} on {@code request}, {@link #sameRequestSamePlan} included. */
  public static List<String> all(RotationPolicy policy, PlanRequest request) {
    List<String> out = new ArrayList<>(sameRequestSamePlan(policy, request));
    out.addAll(all(request, policy.plan(request)));
    return out;
  }

  /**
   * Every check below that reads a finished plan: F1 for the role as a whole and per seat, F2, F3,
   * F5 and F8. When the request has newcomers, F1 is checked with the bound the newcomer guarantee
   * allows ({@link #withinTurns} with 2: the guarantee may cost an established member one turn of
   * a role, F9); otherwise within one turn.
   */
  public static List<String> all(PlanRequest request, Plan plan) {
    boolean newcomers = request.roster().stream().anyMatch(request::newcomer);
    List<String> out = new ArrayList<>(newcomers ? withinTurns(request, plan, 2) : withinOneTurn(request, plan));
    out.addAll(seatsWithinOneTurn(request, plan));
    out.addAll(balancedWindows(request, plan));
    out.addAll(noAvoidableBackToBack(request, plan));
    out.addAll(hardConstraints(request, plan));
    out.addAll(newcomersServed(request, plan));
    return out;
  }

  /**
   * F1, prefix proportionality: in every role, taken as a whole, every member stays within one
   * turn of their entitlement at every occurrence ({@code |X - Y| < 1}, where {@code X} is the sum
   * of their entitlements so far and {@code Y} the occurrences they held).
   */
  public static List<String> withinOneTurn(PlanRequest request, Plan plan) {
    return withinTurns(request, plan, 1);
  }

  /**
   * F1 with a looser bound: every member stays within {@code turns} turns of their entitlement in
   * every role ({@code |X - Y| < turns}) at every occurrence. With newcomers, the fair policy
   * states 2: the newcomer guarantee moves at most one turn of each role away from (or, for a
   * chore passed on, to) an established member.
   */
  public static List<String> withinTurns(PlanRequest request, Plan plan, int turns) {
    List<String> out = new ArrayList<>();
    for (Sequence s : PlanSequences.sequences(request, plan)) {
      Map<MemberId, Q> share = new HashMap<>();
      Map<MemberId, Long> held = new HashMap<>();
      for (int t = 0; t < s.dates().size(); t++) {
        PlanSequences.entitlements(request, s.able().get(t), s.role().seats()).forEach((m, q) -> share.merge(m, q, Q::plus));
        for (MemberId h : s.holders().get(t)) {
          held.merge(h, 1L, Long::sum);
        }
        for (Map.Entry<MemberId, Q> e : share.entrySet()) {
          Q dev = e.getValue().minus(held.getOrDefault(e.getKey(), 0L));
          if (!dev.under(turns)) {
            out.add("F1: after " + s.role().id() + " on " + s.dates().get(t) + ", " + e.getKey() + " is " + dev
                + " turns from their share (entitled to " + e.getValue() + ", held " + held.getOrDefault(e.getKey(), 0L)
                + ")" + (turns == 1 ? "" : "; the bound is " + turns));
          }
        }
      }
    }
    return out;
  }

  /**
   * F1 for each seat number of a role with several seats: at each occurrence, seat {@code j} could
   * go to any of that day's holders not in seats {@code 1..j-1}, each with an equal share; every
   * member stays within one turn of that share for every seat number at every occurrence.
   */
  public static List<String> seatsWithinOneTurn(PlanRequest request, Plan plan) {
    List<String> out = new ArrayList<>();
    Map<Slot, MemberId> holder = PlanSequences.holders(plan);
    for (Role role : planningOrder(request.roles())) {
      if (role.seats() < 2) {
        continue;
      }
      List<LocalDate> dates = role.cadence().between(request.from(), request.until());
      for (int seat = 1; seat <= role.seats(); seat++) {
        Map<MemberId, Q> share = new HashMap<>();
        Map<MemberId, Long> held = new HashMap<>();
        for (LocalDate d : dates) {
          Set<MemberId> candidates = new LinkedHashSet<>();
          for (int later = seat; later <= role.seats(); later++) {
            MemberId m = holder.get(new Slot(d, role.id(), later));
            if (m != null) {
              candidates.add(m);
            }
          }
          if (candidates.isEmpty()) {
            continue;
          }
          Q each = new Q(BigInteger.ONE, BigInteger.valueOf(candidates.size()));
          candidates.forEach(m -> share.merge(m, each, Q::plus));
          MemberId h = holder.get(new Slot(d, role.id(), seat));
          if (h != null) {
            held.merge(h, 1L, Long::sum);
          }
          for (Map.Entry<MemberId, Q> e : share.entrySet()) {
            Q dev = e.getValue().minus(held.getOrDefault(e.getKey(), 0L));
            if (!dev.under(1)) {
              out.add("F1 per seat: after seat " + seat + " of " + role.id() + " on " + d + ", " + e.getKey() + " is "
                  + dev + " turns from their share of that seat");
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * F2, window balance: in a role whose occurrences could all be held by the same members, with
   * equal capacities, any run of consecutive occurrences in which at least as many seats come round
   * as there are members (at least {@code m / k} occurrences) has every member's count within one
   * of every other's.
   */
  public static List<String> balancedWindows(PlanRequest request, Plan plan) {
    List<String> out = new ArrayList<>();
    for (Sequence s : PlanSequences.sequences(request, plan)) {
      if (!steady(request, s)) {
        continue; // F2 speaks of constant availability and equal shares
      }
      List<MemberId> everyone = s.able().get(0);
      int m = everyone.size();
      int k = Math.min(m, s.role().seats());
      int shortest = (m + k - 1) / k;
      for (int w = shortest; w <= s.dates().size(); w++) {
        for (int start = 0; start + w <= s.dates().size(); start++) {
          Map<MemberId, Integer> count = new HashMap<>();
          everyone.forEach(x -> count.put(x, 0));
          for (int t = start; t < start + w; t++) {
            for (MemberId h : s.holders().get(t)) {
              count.merge(h, 1, Integer::sum);
            }
          }
          int max = count.values().stream().max(Integer::compare).orElse(0);
          int min = count.values().stream().min(Integer::compare).orElse(0);
          if (max - min > 1) {
            out.add("F2: " + s.role().id() + " from " + s.dates().get(start) + " to " + s.dates().get(start + w - 1)
                + " is unbalanced by " + (max - min));
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether F2 speaks of role sequence {@code s}: the same members could hold it every time, with
   * equal capacities. For a test that wants to know how many sequences {@link #balancedWindows}
   * actually checks.
   */
  public static List<RoleId> steadyRoles(PlanRequest request, Plan plan) {
    return PlanSequences.sequences(request, plan).stream().filter(s -> steady(request, s)).map(s -> s.role().id()).toList();
  }

  private static boolean steady(PlanRequest request, Sequence s) {
    Map<MemberId, Participant> roster = PlanSequences.roster(request);
    return !s.dates().isEmpty() && !s.able().get(0).isEmpty() && s.able().stream().allMatch(a -> a.equals(s.able().get(0)))
        && s.able().get(0).stream().map(m -> roster.get(m).capacity().stripTrailingZeros()).distinct().count() == 1;
  }

  /**
   * F3 (with F1 winning, as F9 allows), for the role as a whole: no back-to-back turn (a member
   * holding the role at two consecutive occurrences while someone who could hold it at the second
   * did not) that handing the second turn to such a member, or swapping it with a turn of theirs,
   * would remove without breaking F1 or adding another back-to-back turn. In a role that does not
   * keep F1, every back-to-back turn is a violation.
   */
  public static List<String> noAvoidableBackToBack(PlanRequest request, Plan plan) {
    List<String> out = new ArrayList<>();
    for (Sequence s : PlanSequences.sequences(request, plan)) {
      List<Set<MemberId>> h = s.holders();
      int cost = PlanSequences.backToBack(s, h);
      boolean fair = PlanSequences.keepsF1(s, request, h);
      for (int t = 1; t < h.size(); t++) {
        for (MemberId i : h.get(t)) {
          if (!h.get(t - 1).contains(i) || s.able().get(t).size() <= h.get(t).size()) {
            continue;
          }
          if (!fair) { // F1 is not kept, so it cannot excuse a back-to-back turn
            out.add("F3: " + i + " holds " + s.role().id() + " on " + s.dates().get(t - 1) + " and " + s.dates().get(t)
                + " while " + (s.able().get(t).size() - h.get(t).size()) + " other(s) could have taken the second");
            continue;
          }
          for (MemberId j : s.able().get(t)) {
            if (h.get(t).contains(j)) {
              continue;
            }
            List<Set<MemberId>> handed = PlanSequences.copy(h);
            handed.get(t).remove(i);
            handed.get(t).add(j);
            if (PlanSequences.backToBack(s, handed) < cost && PlanSequences.keepsF1(s, request, handed)) {
              out.add("F3: " + i + " holds " + s.role().id() + " on " + s.dates().get(t - 1) + " and " + s.dates().get(t)
                  + "; " + j + " could have taken the second");
            }
            for (int u = 0; u < h.size(); u++) {
              if (u != t && h.get(u).contains(j) && !h.get(u).contains(i) && s.able().get(u).contains(i)) {
                List<Set<MemberId>> swapped = PlanSequences.copy(h);
                swapped.get(t).remove(i);
                swapped.get(t).add(j);
                swapped.get(u).remove(j);
                swapped.get(u).add(i);
                if (PlanSequences.backToBack(s, swapped) < cost && PlanSequences.keepsF1(s, request, swapped)) {
                  out.add("F3: " + i + " holds " + s.role().id() + " on " + s.dates().get(t - 1) + " and "
                      + s.dates().get(t) + "; swapping with " + j + "'s turn on " + s.dates().get(u) + " would avoid it");
                }
              }
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * F5, hard constraints: never an ineligible, unavailable or doubly-booked member (two seats of
   * one occurrence, or two roles that exclude each other on one day); an unfilled slot only when
   * nobody could hold it.
   */
  public static List<String> hardConstraints(PlanRequest request, Plan plan) {
    List<String> out = new ArrayList<>();
    Map<RoleId, Role> roles = PlanSequences.roles(request);
    Map<MemberId, Participant> roster = PlanSequences.roster(request);
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

  /** F6, determinism: the same request gives the same plan. */
  public static List<String> sameRequestSamePlan(RotationPolicy policy, PlanRequest request) {
    return policy.plan(request).equals(policy.plan(request))
        ? List.of() : List.of("F6: " + policy.name() + " gave two different plans for the same request");
  }

  /**
   * F8, the newcomer guarantee: as many newcomers hold a meaningful role within the first K
   * meeting days after joining as could possibly be given one (a maximum matching of newcomers to
   * such slots; two newcomers cannot share one slot).
   */
  public static List<String> newcomersServed(PlanRequest request, Plan plan) {
    Map<RoleId, Role> roles = PlanSequences.roles(request);
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
              && freeable(plan, roles, p, s))
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

  /** F1. @deprecated by its meaning: {@link #withinOneTurn}. */
  @Deprecated
  public static List<String> f1(PlanRequest request, Plan plan) {
    return withinOneTurn(request, plan);
  }

  /** F2. @deprecated by its meaning: {@link #balancedWindows}. */
  @Deprecated
  public static List<String> f2(PlanRequest request, Plan plan) {
    return balancedWindows(request, plan);
  }

  /** F3. @deprecated by its meaning: {@link #noAvoidableBackToBack}. */
  @Deprecated
  public static List<String> f3(PlanRequest request, Plan plan) {
    return noAvoidableBackToBack(request, plan);
  }

  /** F5. @deprecated by its meaning: {@link #hardConstraints}. */
  @Deprecated
  public static List<String> f5(PlanRequest request, Plan plan) {
    return hardConstraints(request, plan);
  }

  /** F6. @deprecated by its meaning: {@link #sameRequestSamePlan}. */
  @Deprecated
  public static List<String> f6(RotationPolicy policy, PlanRequest request) {
    return sameRequestSamePlan(policy, request);
  }

  /** F8. @deprecated by its meaning: {@link #newcomersServed}. */
  @Deprecated
  public static List<String> f8(PlanRequest request, Plan plan) {
    return newcomersServed(request, plan);
  }

  /**
   * Whether p could hold slot s as far as the rest of the day goes: a chore that excludes it can
   * pass to someone else or stay open, but a real role they hold that day already serves them.
   */
  private static boolean freeable(Plan plan, Map<RoleId, Role> roles, Participant p, Slot s) {
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

  /** One role's occurrences: who could hold it (in roster order) and who held it, at each. */
}
