package coop.lattice.rotation;

import com.google.common.hash.Hashing;
import coop.lattice.MemberId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The fair scheduler: {@link FairSequence} for each seat of each role, with seats and
 * exclusivity enforced, load balanced across roles through the order ties are broken in, and a
 * newcomer pass.
 *
 * <p>Trade-offs, stated (F9): hard constraints (F5) always hold; F1 holds for each role and seat
 * with the eligible set taken after exclusivity from roles planned earlier (real roles are
 * planned before chores, each group in order of ids); the newcomer guarantee (F8) takes
 * precedence over F1 for the one turn it hands to a newcomer, and over a chore the newcomer held
 * that day when nobody else could take it.
 */
final class FairRotation implements RotationPolicy {
  static final String VERSION = "fair-v1";
  private final long seed;

  FairRotation(long seed) {
    this.seed = seed;
  }

  @Override
  public String name() {
    return VERSION;
  }

  @Override
  public Plan plan(PlanRequest request) {
    Map<RoleId, Role> roles = new TreeMap<>();
    request.roles().forEach(r -> roles.put(r.id(), r));
    Occupancy occupancy = new Occupancy(roles);
    List<Role> order = planningOrder(request.roles());
    Map<MemberId, Double> load = new HashMap<>();
    Map<MemberId, Double> capacity = new HashMap<>();
    for (Participant p : request.roster()) {
      load.put(p.member(), 0.0);
      capacity.put(p.member(), p.capacity().doubleValue());
    }
    Map<Slot, Assignment> out = new TreeMap<>();

    for (Role role : order) {
      List<LocalDate> dates = role.cadence().between(request.from(), request.until());
      double weight = role.weight().doubleValue();
      for (int seat = 1; seat <= role.seats(); seat++) {
        List<List<MemberId>> eligible = new ArrayList<>();
        for (LocalDate d : dates) {
          List<MemberId> able = new ArrayList<>();
          for (Participant p : request.roster()) {
            if (p.eligibleFor(role) && p.availableOn(d) && occupancy.free(d, p.member(), role)) {
              able.add(p.member());
            }
          }
          eligible.add(able);
        }
        int s = seat;
        List<MemberId> ties = request.roster().stream().map(Participant::member)
            .sorted(Comparator.comparingDouble((MemberId m) -> load.get(m)).thenComparingLong(m -> tieBreak(role, s, m)))
            .toList();
        List<MemberId> holders = FairSequence.assign(eligible, capacity, ties);
        Map<MemberId, Double> share = new HashMap<>();
        Map<MemberId, Integer> held = new HashMap<>();
        for (int t = 0; t < dates.size(); t++) {
          LocalDate d = dates.get(t);
          Slot slot = new Slot(d, role.id(), seat);
          List<MemberId> able = eligible.get(t);
          double total = able.stream().mapToDouble(capacity::get).sum();
          for (MemberId m : able) {
            share.merge(m, capacity.get(m) / total, Double::sum);
          }
          MemberId h = holders.get(t);
          if (h == null) {
            out.put(slot, new Assignment(slot, null, whyNobody(request, role, d, seat)));
            continue;
          }
          int before = held.getOrDefault(h, 0);
          double x = share.get(h);
          String reason = able.size() == 1
              ? "the only eligible and available member"
              : String.format(Locale.ROOT, "fair share: %s (share %.2f, held %d before) among %d eligible and available",
                  x >= before + 1 - 1e-9 ? "due a turn" : "next in the seeded order", x, before, able.size());
          out.put(slot, new Assignment(slot, h, reason));
          held.merge(h, 1, Integer::sum);
          load.merge(h, weight, Double::sum);
          occupancy.hold(d, h, role.id());
        }
      }
    }
    guaranteeNewcomers(request, roles, occupancy, out);
    return new Plan(name(), Long.toString(seed), request.from(), request.until(), new ArrayList<>(out.values()));
  }

  /**
   * F8: as many newcomers as possible hold a meaningful role within the first K meeting days
   * after joining. All newcomers are matched to such slots (a maximum bipartite matching seeded
   * with the slots served newcomers already hold, so one newcomer's turn never blocks another's),
   * preferring slots whose holders have the most turns; a slot that changes hands says "newcomer
   * guarantee".
   */
  private static void guaranteeNewcomers(PlanRequest request, Map<RoleId, Role> roles, Occupancy occupancy,
      Map<Slot, Assignment> out) {
    TreeSet<LocalDate> cycles = new TreeSet<>();
    for (Role r : roles.values()) {
      if (r.meaningful()) {
        cycles.addAll(r.cadence().between(request.from(), request.until()));
      }
    }
    Map<MemberId, Integer> turns = new HashMap<>();
    out.values().forEach(a -> {
      if (a.member() != null) {
        turns.merge(a.member(), 1, Integer::sum);
      }
    });
    List<Participant> waiting = new ArrayList<>();
    List<List<Slot>> options = new ArrayList<>();
    List<Slot> heldBy = new ArrayList<>();
    // When the newcomer holds a turn that excludes the real role that day, the real role's holder
    // takes that turn instead: a swap, so that nobody loses a turn.
    Map<MemberId, Map<Slot, Slot>> swapBack = new HashMap<>();
    Map<MemberId, Map<Slot, @Nullable MemberId>> giveTo = new HashMap<>();
    for (Participant p : request.roster().stream().filter(request::newcomer)
        .sorted(Comparator.comparing(Participant::member)).toList()) {
      List<LocalDate> window = cycles.stream().filter(d -> !d.isBefore(p.joined())).limit(request.newcomerCycles())
          .toList();
      Slot held = out.values().stream().filter(a -> p.member().equals(a.member())
          && roles.get(a.slot().role()).meaningful() && window.contains(a.slot().date()))
          .map(Assignment::slot).findFirst().orElse(null);
      List<Assignment> candidates = new ArrayList<>();
      for (Assignment a : out.values()) {
        Role r = roles.get(a.slot().role());
        LocalDate d = a.slot().date();
        if (!r.meaningful() || !window.contains(d) || !p.eligibleFor(r) || !p.availableOn(d)) {
          continue;
        }
        if (a.slot().equals(held) || occupancy.free(d, p.member(), r)) {
          candidates.add(a);
          continue;
        }
        // Only a chore that excludes the real role is given back; a real role would serve them already.
        Slot conflict = out.values().stream().filter(o -> p.member().equals(o.member()) && o.slot().date().equals(d)
                && !roles.get(o.slot().role()).meaningful())
            .map(Assignment::slot).findFirst().orElse(null);
        if (conflict != null) {
          // The conflicting chore goes to the real role's holder if they can take it, else to
          // whoever else can, with the fewest turns.
          Role c = roles.get(conflict.role());
          occupancy.release(d, p.member(), c.id());
          MemberId holder = a.member();
          if (holder != null) {
            occupancy.release(d, holder, r.id());
          }
          MemberId taker = null;
          for (Participant q : request.roster().stream()
              .sorted(Comparator.comparing((Participant q) -> !q.member().equals(holder))
                  .thenComparingInt(q -> turns.getOrDefault(q.member(), 0)).thenComparing(Participant::member))
              .toList()) {
            if (taker == null && !q.member().equals(p.member()) && q.eligibleFor(c) && q.availableOn(d)
                && occupancy.free(d, q.member(), c)) {
              taker = q.member();
            }
          }
          // Nobody else can take the chore: it stays open (F5 allows that) and the newcomer takes the real role.
          boolean swaps = occupancy.free(d, p.member(), r);
          if (holder != null) {
            occupancy.hold(d, holder, r.id());
          }
          occupancy.hold(d, p.member(), c.id());
          if (swaps) {
            candidates.add(a);
            swapBack.computeIfAbsent(p.member(), k -> new HashMap<>()).put(a.slot(), conflict);
            giveTo.computeIfAbsent(p.member(), k -> new HashMap<>()).put(a.slot(), taker); // null: nobody else can
          }
        }
      }
      // The slot they hold comes first, so that a served newcomer keeps it unless another needs it.
      candidates.sort(Comparator.comparing((Assignment a) -> !a.slot().equals(held))
          .thenComparingInt(a -> -load(turns, a)).thenComparing(Assignment::slot));
      if (!candidates.isEmpty()) {
        waiting.add(p);
        options.add(candidates.stream().map(Assignment::slot).toList());
        heldBy.add(held);
      }
    }
    Map<Slot, Integer> taken = new HashMap<>();
    for (int i = 0; i < waiting.size(); i++) {
      if (heldBy.get(i) != null && !taken.containsKey(heldBy.get(i))) {
        taken.put(heldBy.get(i), i); // already served
      }
    }
    for (int i = 0; i < waiting.size(); i++) {
      if (!taken.containsValue(i)) {
        match(i, options, taken, new java.util.HashSet<>());
      }
    }
    taken.forEach((slot, i) -> {
      Participant p = waiting.get(i);
      Assignment before = out.get(slot);
      if (p.member().equals(before.member())) {
        return; // they hold it already
      }
      Slot back = swapBack.getOrDefault(p.member(), Map.of()).get(slot);
      if (back != null && taken.containsKey(back)) {
        back = null; // never give back a slot another newcomer was matched to
      }
      if (before.member() != null) {
        occupancy.release(slot.date(), before.member(), slot.role());
      }
      if (back != null) {
        MemberId taker = giveTo.get(p.member()).get(slot);
        occupancy.release(back.date(), p.member(), back.role());
        if (taker == null) {
          out.put(back, new Assignment(back, null, "left open so that a newcomer can hold a real role; nobody else"
              + " could take it that day"));
        } else {
          occupancy.hold(back.date(), taker, back.role());
          out.put(back, new Assignment(back, taker, "taken over so that a newcomer can hold a real role"));
        }
      }
      occupancy.hold(slot.date(), p.member(), slot.role());
      out.put(slot, new Assignment(slot, p.member(), "newcomer guarantee: a first real role within "
          + request.newcomerCycles() + " meeting days of joining"));
    });
  }

  /** Kuhn's augmenting path: give newcomer i one of their options, moving others along if needed. */
  private static boolean match(int i, List<List<Slot>> options, Map<Slot, Integer> taken, java.util.Set<Slot> seen) {
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

  private static int load(Map<MemberId, Integer> turns, Assignment a) {
    return a.member() == null ? Integer.MAX_VALUE : turns.getOrDefault(a.member(), 0);
  }

  /** Real roles before chores, then by id: the order roles are planned in (F9). */
  static List<Role> planningOrder(List<Role> roles) {
    return roles.stream().sorted(Comparator.comparing((Role r) -> !r.meaningful()).thenComparing(Role::id)).toList();
  }

  /** A verifiable tie-break: SHA-256 of the seed, role, seat and member, never list order. */
  private long tieBreak(Role role, int seat, MemberId m) {
    return Hashing.sha256().hashString(seed + "/" + role.id() + "/" + seat + "/" + m, StandardCharsets.UTF_8).asLong();
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
