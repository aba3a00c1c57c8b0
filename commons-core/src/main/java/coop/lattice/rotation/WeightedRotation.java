package coop.lattice.rotation;

import coop.lattice.MemberId;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weighted variant: all roles' slots form one sequence in date order (then role, then seat),
 * each turn counting its role's weight. Member i's weighted deficit is their entitlement so far
 * (at each slot, the slot's weight times their capacity over the capacities of those who could
 * hold it) minus the weight of the turns they hold. Each slot goes, among those who could hold it,
 * to the member whose deficit is soonest due, Tijdeman's earliest-deadline rule with weights: with
 * {@code m} members on the roster, {@code W} the largest weight in the plan and {@code β = (1 -
 * 1/(2m - 2)) W} ({@code β = W} for one member), the candidates are those whose deficit, the
 * slot's share counted, is above 0 and stays at least {@code -β} once they take the slot; among
 * them, the one whose deficit would reach {@code β} soonest at their share, {@code (β - deficit) /
 * capacity} smallest, ties by the seed. When nobody qualifies (possible only when availability
 * varies) the largest deficit takes it. Use it when tasks differ in weight and the collective cares
 * about total load more than about each role separately.
 *
 * <p>What it keeps (F9): hard constraints always (F5). With constant availability (every member
 * eligible, available and free for every slot: one-seat roles that do not exclude each other),
 * every member's weighted prefix deviation stays within {@code β}, below the largest task weight,
 * whatever the capacity shares: the bound of Tijdeman (1980) for one chair, which Liu and Reis
 * (ITCS 2026) prove holds for weighted slots too (a plan within it exists; we use the
 * earliest-deadline rule and check the bound with exact arithmetic, property
 * {@code WeightedRotationProperties}). With constant availability the same rule keeps
 * "proportional up to one task": no member's load exceeds their share by more than the heaviest
 * turn they hold (a member takes a slot only while their deficit is above 0). EF1 (nobody's load, less one of their turns, exceeds
 * another's) holds in the tests at equal capacities; with capacity shares it does not hold, by
 * design (a member at 0.25 carries a quarter of a full member's load), and neither does its
 * weighted form ((load_i - heaviest turn of i) / c_i <= load_j / c_j), which fails in most random
 * cases. With varying availability the bound is best effort, and the monthly review reports what
 * was achieved. Per-role balance (F1 for each role) is what {@link RotationPolicy#fair} keeps
 * instead.
 *
 * <p>Exact: deficits are integers over one common denominator (the least common multiple of the
 * slots' capacity sums so far), so no decision depends on rounding or on roster order.
 */
final class WeightedRotation implements RotationPolicy {
  private final long seed;

  WeightedRotation(long seed) {
    this.seed = seed;
  }

  @Override
  public String name() {
    return "weighted-v2";
  }

  @Override
  public Plan plan(PlanRequest request) {
    Map<RoleId, Role> roles = new TreeMap<>();
    request.roles().forEach(r -> roles.put(r.id(), r));
    Occupancy occupancy = new Occupancy(request, roles);
    Map<Slot, Assignment> slots = new TreeMap<>();
    for (Role r : roles.values()) {
      for (LocalDate d : r.cadence().between(request.from(), request.until())) {
        for (int seat = 1; seat <= r.seats(); seat++) {
          slots.put(new Slot(d, r.id(), seat), new Assignment(new Slot(d, r.id(), seat), null, ""));
        }
      }
    }
    int n = request.roster().size();
    long[] capacity = Exact.capacities(request.roster());
    Map<RoleId, Long> weight = Exact.weights(request.roles());
    long largest = 0;
    for (Slot slot : slots.keySet()) {
      largest = Math.max(largest, weight.get(slot.role()));
    }
    // β = largest * (2m - 3) / (2m - 2), kept as betaTimes = largest * (2m - 3) over den = 2m - 2.
    BigInteger den = BigInteger.valueOf(n == 1 ? 1 : 2L * n - 2);
    BigInteger betaTimes = BigInteger.valueOf(largest).multiply(BigInteger.valueOf(n == 1 ? 1 : 2L * n - 3));
    long[] key = new long[n];
    for (int p = 0; p < n; p++) {
      key[p] = FairRotation.sha(seed + "/" + request.roster().get(p).member());
    }
    // deficit[p] = num[p] / common
    BigInteger common = BigInteger.ONE;
    BigInteger[] num = new BigInteger[n];
    Arrays.fill(num, BigInteger.ZERO);
    boolean[] able = new boolean[n];
    for (Slot slot : new ArrayList<>(slots.keySet())) {
      Role role = roles.get(slot.role());
      long w = weight.get(role.id());
      int d = occupancy.day(slot.date());
      long total = 0;
      int count = 0;
      for (int p = 0; p < n; p++) {
        able[p] = able(request.roster().get(p), role, slot, occupancy, d, p);
        if (able[p]) {
          total += capacity[p];
          count++;
        }
      }
      if (count == 0) {
        slots.put(slot, new Assignment(slot, null, PlanReasons.whyNobody(request, role, slot.date(), slot.seat())));
        continue;
      }
      BigInteger sum = BigInteger.valueOf(total);
      BigInteger g = common.gcd(sum);
      if (!g.equals(sum)) { // a new denominator: bring every deficit onto the common multiple
        BigInteger factor = sum.divide(g);
        common = common.multiply(factor);
        for (int p = 0; p < n; p++) {
          num[p] = num[p].multiply(factor);
        }
      }
      BigInteger step = BigInteger.valueOf(w).multiply(common.divide(sum));
      BigInteger whole = BigInteger.valueOf(w).multiply(common);
      // In units of 1/(common * den): beta, and the floor a candidate must stay above.
      BigInteger beta = betaTimes.multiply(common);
      int best = -1;
      BigInteger bestGap = null;
      int largestDeficit = -1;
      for (int p = 0; p < n; p++) {
        if (!able[p]) {
          continue;
        }
        num[p] = num[p].add(step.multiply(BigInteger.valueOf(capacity[p])));
        if (largestDeficit < 0 || num[p].compareTo(num[largestDeficit]) > 0
            || num[p].equals(num[largestDeficit]) && key[p] < key[largestDeficit]) {
          largestDeficit = p;
        }
        boolean above = num[p].signum() > 0 && num[p].subtract(whole).multiply(den).add(beta).signum() >= 0;
        if (!above) {
          continue;
        }
        // (beta - deficit) / capacity, compared across members by cross-multiplying.
        BigInteger gap = beta.subtract(num[p].multiply(den));
        int c = best < 0 ? -1 : gap.multiply(BigInteger.valueOf(capacity[best]))
            .compareTo(bestGap.multiply(BigInteger.valueOf(capacity[p])));
        if (best < 0 || c < 0 || c == 0 && key[p] < key[best]) {
          best = p;
          bestGap = gap;
        }
      }
      boolean fallback = best < 0;
      if (fallback) {
        best = largestDeficit;
      }
      MemberId m = request.roster().get(best).member();
      slots.put(slot, new Assignment(slot, m, count == 1 ? "the only eligible and available member"
          : fallback ? "largest weighted deficit among " + count + " eligible and available"
          : "weighted share: due soonest among " + count + " eligible and available"));
      num[best] = num[best].subtract(whole);
      occupancy.hold(slot.date(), m, role.id());
    }
    return new Plan(name(), Long.toString(seed), request.from(), request.until(), new ArrayList<>(slots.values()));
  }

  private static boolean able(Participant who, Role role, Slot slot, Occupancy occupancy, int day, int p) {
    return who.eligibleFor(role) && who.availableOn(slot.date()) && occupancy.free(day, p, role);
  }
}
