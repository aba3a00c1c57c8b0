package coop.lattice.rotation;

import com.google.common.hash.Hashing;
import coop.lattice.MemberId;
import coop.lattice.Progress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
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
    return plan(request, Progress.none());
  }

  /** Reports one unit for each role's seat planned, and one for the newcomer pass. */
  @Override
  public Plan plan(PlanRequest request, Progress progress) {
    long steps = request.roles().stream().mapToLong(Role::seats).sum() + 1;
    long done = 0;
    progress.update(done, steps);
    Map<RoleId, Role> roles = new TreeMap<>();
    request.roles().forEach(r -> roles.put(r.id(), r));
    Occupancy occupancy = new Occupancy(request, roles);
    List<Role> order = planningOrder(request.roles());
    Map<Slot, Assignment> out = new TreeMap<>();

    List<Participant> roster = request.roster();
    int n = roster.size();
    BitSet[] available = new BitSet[n];
    long[] memberKey = new long[n];
    for (int p = 0; p < n; p++) {
      Participant who = roster.get(p);
      available[p] = new BitSet(occupancy.days());
      // From the day they joined; one who joins after the horizon is never available in it.
      int joined = Math.min(occupancy.days(), Math.max(0, occupancy.day(who.joined())));
      available[p].set(joined, occupancy.days());
      for (Participant.Away away : who.away()) {
        int a = Math.max(0, occupancy.day(away.from()));
        int b = Math.min(occupancy.days(), occupancy.day(away.until()) + 1);
        if (a < b) {
          available[p].clear(a, b);
        }
      }
      memberKey[p] = sha(seed + "/member/" + who.member());
    }
    double[] loadOf = new double[n];
    for (Role role : order) {
      List<LocalDate> dates = role.cadence().between(request.from(), request.until());
      double weight = role.weight().doubleValue();
      int[] qualified = IntStream.range(0, n).filter(p -> roster.get(p).eligibleFor(role)).toArray();
      for (int seat = 1; seat <= role.seats(); seat++) {
        // Tie-break order for this role and seat: least load first, then the seeded hash.
        long roleKey = sha(seed + "/role/" + role.id() + "/" + seat);
        Integer[] byTie = new Integer[n];
        long[] key = new long[n];
        for (int p = 0; p < n; p++) {
          byTie[p] = p;
          key[p] = mix(roleKey ^ memberKey[p]);
        }
        Arrays.sort(byTie, Comparator.comparingDouble((Integer p) -> loadOf[p]).thenComparingLong(p -> key[p]));
        int[] rank = new int[n];
        double[] capacityByRank = new double[n];
        for (int r = 0; r < n; r++) {
          rank[byTie[r]] = r;
          capacityByRank[r] = roster.get(byTie[r]).capacity().doubleValue();
        }
        int[][] eligible = new int[dates.size()][];
        int[] buffer = new int[qualified.length];
        for (int t = 0; t < dates.size(); t++) {
          int d = occupancy.day(dates.get(t));
          int k = 0;
          for (int p : qualified) {
            if (available[p].get(d) && occupancy.free(d, p, role)) {
              buffer[k++] = rank[p];
            }
          }
          eligible[t] = Arrays.copyOf(buffer, k);
        }
        int[] holders = FairSequence.assign(n, eligible, capacityByRank);
        double[] share = new double[n];
        int[] held = new int[n];
        for (int t = 0; t < dates.size(); t++) {
          LocalDate d = dates.get(t);
          Slot slot = new Slot(d, role.id(), seat);
          double total = 0;
          for (int r : eligible[t]) {
            total += capacityByRank[r];
          }
          for (int r : eligible[t]) {
            share[r] += capacityByRank[r] / total;
          }
          int h = holders[t];
          if (h < 0) {
            out.put(slot, new Assignment(slot, null, whyNobody(request, role, d, seat)));
            continue;
          }
          int p = byTie[h];
          MemberId member = roster.get(p).member();
          String reason = eligible[t].length == 1
              ? "the only eligible and available member"
              : "fair share: " + (share[h] >= held[h] + 1 - 1e-9 ? "due a turn" : "next in the seeded order")
                  + " (share " + twoDecimals(share[h]) + ", held " + held[h] + " before) among " + eligible[t].length
                  + " eligible and available";
          out.put(slot, new Assignment(slot, member, reason));
          held[h]++;
          loadOf[p] += weight;
          occupancy.hold(d, member, role.id());
        }
        progress.update(++done, steps);
      }
    }
    guaranteeNewcomers(request, roles, occupancy, out);
    progress.update(steps, steps);
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
    // When a newcomer holds a chore that excludes the real role that day, the chore passes to the
    // real role's holder, or else to whoever can take it, or else stays open: swapBack names that
    // chore per (newcomer, real-role slot), giveTo who takes it (null: it stays open).
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
          MemberId taker = takerFor(request, occupancy, turns, c, d, p.member(), holder);
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
        match(i, options, taken, new HashSet<>());
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

  /**
   * Kuhn's augmenting path: give newcomer i one of their options, moving others along if needed.
   * The testkit's FairnessChecks has its own, on purpose: a policy is not checked by its own code.
   */
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

  /**
   * Who takes chore {@code c} on {@code d} from newcomer {@code newcomer}: the real role's {@code
   * holder} if they can, else whoever can with the fewest turns; null when nobody can.
   */
  private static @Nullable MemberId takerFor(PlanRequest request, Occupancy occupancy, Map<MemberId, Integer> turns,
      Role c, LocalDate d, MemberId newcomer, @Nullable MemberId holder) {
    return request.roster().stream()
        .filter(q -> !q.member().equals(newcomer) && q.eligibleFor(c) && q.availableOn(d)
            && occupancy.free(d, q.member(), c))
        .min(Comparator.comparing((Participant q) -> !q.member().equals(holder))
            .thenComparingInt(q -> turns.getOrDefault(q.member(), 0)).thenComparing(Participant::member))
        .map(Participant::member).orElse(null);
  }

  private static int load(Map<MemberId, Integer> turns, Assignment a) {
    return a.member() == null ? Integer.MAX_VALUE : turns.getOrDefault(a.member(), 0);
  }

  /** Real roles before chores, then by id: the order roles are planned in (F9). */
  static List<Role> planningOrder(List<Role> roles) {
    return roles.stream().sorted(Comparator.comparing((Role r) -> !r.meaningful()).thenComparing(Role::id)).toList();
  }

  /**
   * Tie-breaks are verifiable and never list order: SHA-256 of the seed and member id, and of the
   * seed, role and seat, combined by SplitMix64. Anyone with the seed re-derives the same order.
   */
  private static long sha(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).asLong();
  }

  /** SplitMix64's finalizer: a bijective 64-bit mix. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static String twoDecimals(double v) {
    long hundredths = Math.round(v * 100);
    long frac = hundredths % 100;
    return (hundredths / 100) + "." + (frac < 10 ? "0" : "") + frac;
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
