package coop.lattice.rotation;

import com.google.common.hash.Hashing;
import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.Progress;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fair scheduler: {@link FairSequence} for each role as a whole, seat numbers rotated among
 * each day's holders, seats and exclusivity enforced, load balanced across roles through the order
 * ties are broken in, and the newcomer guarantee.
 *
 * <p>Trade-offs, stated (F9):
 *
 * <ul>
 *   <li>Hard constraints (F5) always hold.
 *   <li>F1 holds for each role as a whole, with the members who could hold it taken after
 *       exclusivity from roles planned earlier: real roles before chores, each group in order of
 *       ids ({@link #planningOrder}). A member holds at most one seat of an occurrence.
 *   <li>Seat numbers rotate: seat j of an occurrence goes round that day's holders not in seats
 *       1..j-1, with F1 for each seat number in that sense.
 *   <li>The newcomer guarantee (F8) is first asked of each real role's own plan: the newcomer's
 *       first turn gets a deadline inside their window, which costs nobody anything (F1 still holds
 *       for everyone). Only a newcomer that no role can serve that way takes a turn from someone,
 *       after the real roles and before the chores are planned: at most one turn of each role from
 *       any established member, so nobody established falls two turns behind their share of a role.
 * </ul>
 */
final class FairRotation implements RotationPolicy {
  static final String VERSION = "fair-v2";
  private final long seed;
  private final HeldTurns turns;

  FairRotation(long seed) {
    this(seed, HeldTurns.NONE);
  }

  /** The fair policy around {@code turns}: see {@link AroundHeld}. */
  FairRotation(long seed, HeldTurns turns) {
    this.seed = seed;
    this.turns = turns;
  }

  @Override
  public String name() {
    return VERSION;
  }

  @Override
  public Plan plan(PlanRequest request) {
    return plan(request, Progress.none());
  }

  /** What planning one role left behind: enough to explain its slots and to weigh a newcomer's takeover. */
  record Planned(Role role, List<LocalDate> dates, FairSequence.Shares shares, int[] byRank, int[] rankOf,
      int[][] seated, int[] guaranteed) {}

  /** Reports one unit for each role planned, and one for the newcomer pass (after the real roles). */
  @Override
  public Plan plan(PlanRequest request, Progress progress) {
    List<Role> order = planningOrder(request.roles());
    long steps = order.size() + 1L;
    long done = 0;
    progress.update(done, steps);
    Map<RoleId, Role> roles = new TreeMap<>();
    request.roles().forEach(r -> roles.put(r.id(), r));
    Occupancy occupancy = new Occupancy(request, roles);
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
    State state = new State(request, roles, occupancy, out, available, memberKey, Exact.capacities(roster),
        Exact.weights(request.roles()));
    state.around = AroundHeld.hold(state, turns);
    Map<RoleId, Planned> planned = new HashMap<>();
    boolean newcomersDone = false;
    for (Role role : order) {
      if (!role.meaningful() && !newcomersDone) {
        NewcomerGuarantee.apply(state, planned);
        newcomersDone = true;
        progress.update(++done, steps);
      }
      planned.put(role.id(), planRole(state, role));
      progress.update(++done, steps);
    }
    if (!newcomersDone) {
      NewcomerGuarantee.apply(state, planned);
      progress.update(++done, steps);
    }
    return new Plan(name(), Long.toString(seed), request.from(), request.until(), new ArrayList<>(out.values()));
  }

  /** Everything the roles share while they are planned one after another. */
  static final class State {
    final PlanRequest request;
    final Map<RoleId, Role> roles;
    final Occupancy occupancy;
    final Map<Slot, Assignment> out;
    final BitSet[] available;
    final long[] memberKey;
    final long[] capacity;
    final Map<RoleId, Long> weight;
    /** Weighted turns each member holds so far, in units of the finest weight: what ties are broken by first. */
    final long[] load;
    /** Newcomers (roster indices) in order of member id, each with their window of meeting days. */
    final List<Integer> newcomers = new ArrayList<>();
    final Map<Integer, Set<LocalDate>> window = new HashMap<>();
    final boolean[] served;
    final Map<MemberId, Integer> index = new HashMap<>();
    /** Slots that went to a newcomer by the guarantee, each with its reason. */
    final Map<Slot, String> guarantee = new HashMap<>();
    /** Turns held before planning, and wishes. */
    AroundHeld around = AroundHeld.none();

    State(PlanRequest request, Map<RoleId, Role> roles, Occupancy occupancy, Map<Slot, Assignment> out,
        BitSet[] available, long[] memberKey, long[] capacity, Map<RoleId, Long> weight) {
      this.request = request;
      this.roles = roles;
      this.occupancy = occupancy;
      this.out = out;
      this.available = available;
      this.memberKey = memberKey;
      this.capacity = capacity;
      this.weight = weight;
      int n = request.roster().size();
      this.load = new long[n];
      this.served = new boolean[n];
      TreeSet<LocalDate> meetings = new TreeSet<>();
      for (Role r : roles.values()) {
        if (r.meaningful()) {
          meetings.addAll(r.cadence().between(request.from(), request.until()));
        }
      }
      for (int p = 0; p < n; p++) {
        index.put(request.roster().get(p).member(), p);
      }
      request.roster().stream().filter(request::newcomer).sorted(Comparator.comparing(Participant::member))
          .forEach(p -> {
            int i = index.get(p.member());
            newcomers.add(i);
            window.put(i, Set.copyOf(meetings.stream().filter(d -> !d.isBefore(p.joined()))
                .limit(request.newcomerCycles()).toList()));
          });
    }

    boolean isNewcomer(int p) {
      return window.containsKey(p);
    }
  }

  private Planned planRole(State s, Role role) {
    PlanRequest request = s.request;
    List<Participant> roster = request.roster();
    int n = roster.size();
    List<LocalDate> dates = role.cadence().between(request.from(), request.until());
    long roleKey = sha(seed + "/role/" + role.id() + "/1");
    List<Integer> qualified = new ArrayList<>();
    long[] key = new long[n];
    for (int p = 0; p < n; p++) {
      if (roster.get(p).eligibleFor(role)) {
        qualified.add(p);
        key[p] = mix(roleKey ^ s.memberKey[p]);
      }
    }
    // Tie-break order for this role: least load first, then the seeded hash. The same every round (F2).
    qualified.sort(Comparator.comparingLong((Integer p) -> s.load[p]).thenComparingLong(p -> key[p]));
    int q = qualified.size();
    int[] byRank = new int[q];
    int[] rankOf = new int[n];
    Arrays.fill(rankOf, -1);
    long[] capacity = new long[q];
    for (int r = 0; r < q; r++) {
      byRank[r] = qualified.get(r);
      rankOf[byRank[r]] = r;
      capacity[r] = s.capacity[byRank[r]];
    }
    int[][] eligible = new int[dates.size()][];
    int[] buffer = new int[q];
    for (int t = 0; t < dates.size(); t++) {
      int d = s.occupancy.day(dates.get(t));
      BitSet blocked = s.occupancy.blocked(d, role);
      int k = 0;
      for (int r = 0; r < q; r++) {
        int p = byRank[r];
        if (s.available[p].get(d) && (!blocked.get(p) || s.around.isHeld(role.id(), dates.get(t), p))) {
          buffer[k++] = r;
        }
      }
      eligible[t] = Arrays.copyOf(buffer, k);
    }
    FairSequence.Shares shares = new FairSequence.Shares(q, eligible, capacity, role.seats());
    int[][] around = s.around.holders(role, dates, byRank, rankOf, eligible, shares);

    // The newcomer guarantee, asked of this role's own plan: a deadline for their first turn.
    int[] firstBy = new int[q];
    Arrays.fill(firstBy, -1);
    boolean asked = false;
    if (role.meaningful() && around == null) { // around held turns, only the guarantee's own pass serves newcomers
      for (int p : s.newcomers) {
        int r = rankOf[p];
        if (s.served[p] || r < 0) {
          continue;
        }
        for (int t = dates.size() - 1; t >= 0; t--) {
          if (s.window.get(p).contains(dates.get(t)) && shares.can[t].get(r)) {
            firstBy[r] = t;
            asked = true;
            break;
          }
        }
      }
    }
    int[] guaranteed = new int[q];
    Arrays.fill(guaranteed, -1);
    int[][] holders = asked ? FairSequence.assign(shares, firstBy) : null;
    if (holders != null) {
      guaranteed = firstBy;
    } else if (asked) {
      // Not all at once: as many as the role allows, in order of member id.
      for (int p : s.newcomers) {
        int r = rankOf[p];
        if (r < 0 || firstBy[r] < 0) {
          continue;
        }
        int[] trial = guaranteed.clone();
        trial[r] = firstBy[r];
        int[][] h = FairSequence.assign(shares, trial);
        if (h != null) {
          guaranteed = trial;
          holders = h;
        }
      }
    }
    if (around != null) {
      holders = around;
    } else if (holders == null) {
      holders = FairSequence.assign(shares);
    }
    int[][] seated = seatNumbers(role, holders, byRank, s.memberKey);
    Planned planned = new Planned(role, dates, shares, byRank, rankOf, seated, guaranteed);
    long w = s.weight.get(role.id());
    for (int t = 0; t < dates.size(); t++) {
      LocalDate d = dates.get(t);
      for (int r : seated[t]) {
        int p = byRank[r];
        s.load[p] += w;
        if (!s.around.isHeld(role.id(), d, p)) { // a held turn was taken before any role was planned
          s.occupancy.hold(d, roster.get(p).member(), role.id());
        }
        if (role.meaningful() && s.isNewcomer(p) && s.window.get(p).contains(d)) {
          s.served[p] = true;
        }
      }
    }
    PlanReasons.describe(s, planned);
    return planned;
  }

  /**
   * Seat numbers for each occurrence's holders (ranks, seat 1 first): seat j goes round that day's
   * holders not in seats 1..j-1, each with an equal share, by {@link FairSequence} with one seat
   * and its own seeded order; the last seat takes whoever is left.
   */
  private int[][] seatNumbers(Role role, int[][] holders, int[] byRank, long[] memberKey) {
    int occurrences = holders.length;
    if (role.seats() == 1) {
      return holders;
    }
    TreeSet<Integer> distinct = new TreeSet<>();
    for (int[] h : holders) {
      for (int r : h) {
        distinct.add(r);
      }
    }
    List<List<Integer>> remaining = new ArrayList<>();
    int[][] seated = new int[occurrences][];
    for (int t = 0; t < occurrences; t++) {
      List<Integer> left = new ArrayList<>();
      for (int r : holders[t]) {
        left.add(r);
      }
      remaining.add(left);
      seated[t] = new int[holders[t].length];
    }
    for (int seat = 1; seat < role.seats(); seat++) {
      long seatKey = sha(seed + "/role/" + role.id() + "/" + seat + "/seat");
      List<Integer> members = new ArrayList<>(distinct);
      members.sort(Comparator.comparingLong((Integer r) -> mix(seatKey ^ memberKey[byRank[r]])).thenComparing(r -> r));
      Map<Integer, Integer> local = new HashMap<>();
      for (int i = 0; i < members.size(); i++) {
        local.put(members.get(i), i);
      }
      int[][] eligible = new int[occurrences][];
      for (int t = 0; t < occurrences; t++) {
        eligible[t] = remaining.get(t).stream().mapToInt(local::get).sorted().toArray();
      }
      long[] equal = new long[members.size()];
      Arrays.fill(equal, 1);
      int[][] chosen = FairSequence.assign(new FairSequence.Shares(members.size(), eligible, equal, 1));
      for (int t = 0; t < occurrences; t++) {
        if (chosen[t].length == 1) {
          int r = members.get(chosen[t][0]);
          seated[t][seat - 1] = r;
          remaining.get(t).remove(Integer.valueOf(r));
        }
      }
    }
    for (int t = 0; t < occurrences; t++) {
      if (remaining.get(t).size() == 1) {
        seated[t][holders[t].length - 1] = remaining.get(t).get(0);
      }
    }
    return seated;
  }


  /** Real roles before chores, then by id: the order roles are planned in (F9). */
  static List<Role> planningOrder(List<Role> roles) {
    return roles.stream().sorted(Comparator.comparing((Role r) -> !r.meaningful()).thenComparing(Role::id)).toList();
  }


  /**
   * Tie-breaks are verifiable and never list order: SHA-256 of the seed and member id, and of the
   * seed, role and seat, combined by SplitMix64. Anyone with the seed re-derives the same order.
   */
  static long sha(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).asLong();
  }

  /** SplitMix64's finalizer: a bijective 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

}
