package coop.lattice.sortition;

import coop.lattice.MemberId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Small random pools with quotas, for the properties; feasible and infeasible alike. */
final class Pools {
  private Pools() {}

  /** A request from a seed: 2 to 8 candidates, 1 to 3 features of 2 to 4 groups, 1 to 4 seats, random quotas. */
  static Arbitrary<PanelRequest> small() {
    return Arbitraries.longs().map(Pools::small);
  }

  static PanelRequest small(long seed) {
    Random random = new Random(seed);
    int n = 2 + random.nextInt(7);
    int features = 1 + random.nextInt(3);
    int[] groups = new int[features];
    for (int f = 0; f < features; f++) {
      groups[f] = 2 + random.nextInt(3);
    }
    int seats = 1 + random.nextInt(Math.min(n, 4));
    PanelRequest.Builder b = PanelRequest.builder(seats);
    for (int i = 0; i < n; i++) {
      Map<String, String> fs = new LinkedHashMap<>();
      for (int f = 0; f < features; f++) {
        fs.put("f" + f, "g" + random.nextInt(groups[f]));
      }
      b.candidate(MemberId.of(String.format("c%02d", i)), fs);
    }
    for (int f = 0; f < features; f++) {
      for (int g = 0; g < groups[f]; g++) {
        if (random.nextInt(10) < 6) {
          int min = random.nextInt(10) < 5 ? 0 : random.nextInt(Math.min(seats, 2) + 1);
          int max = min + random.nextInt(seats - min + 1);
          b.quota("f" + f, "g" + g, min, max);
        }
      }
    }
    return b.build();
  }

  /**
   * A generated pool like a real call for a citizens' panel: neighbourhood (4 groups), age (4
   * bands) and education (3 levels), skewed the way volunteers are (older and more educated than
   * the population), with quotas at the population's shares plus or minus one seat.
   */
  static PanelRequest assembly(int candidates, int seats, long seed) {
    Random random = new Random(seed);
    String[] hoods = {"north", "south", "east", "west"};
    double[] hoodPool = {0.35, 0.30, 0.20, 0.15};
    double[] hoodPop = {0.25, 0.25, 0.25, 0.25};
    String[] ages = {"16-29", "30-44", "45-64", "65+"};
    double[] agePool = {0.10, 0.20, 0.35, 0.35};
    double[] agePop = {0.22, 0.26, 0.32, 0.20};
    String[] edus = {"school", "vocational", "university"};
    double[] eduPool = {0.15, 0.30, 0.55};
    double[] eduPop = {0.35, 0.40, 0.25};
    PanelRequest.Builder b = PanelRequest.builder(seats);
    for (int i = 0; i < candidates; i++) {
      int h = pick(random, hoodPool);
      // Young volunteers come mostly from the university districts, older ones from everywhere.
      int a = pick(random, agePool);
      int e = pick(random, a == 0 ? new double[] {0.10, 0.20, 0.70} : eduPool);
      b.candidate(MemberId.of(String.format("p%05d", i)), Map.of("neighbourhood", hoods[h], "age", ages[a],
          "education", edus[e]));
    }
    quotas(b, "neighbourhood", hoods, hoodPop, seats);
    quotas(b, "age", ages, agePop, seats);
    quotas(b, "education", edus, eduPop, seats);
    return b.build();
  }

  private static void quotas(PanelRequest.Builder b, String feature, String[] groups, double[] share, int seats) {
    for (int g = 0; g < groups.length; g++) {
      double target = share[g] * seats;
      b.quota(feature, groups[g], Math.max(0, (int) Math.floor(target) - 1), Math.min(seats, (int) Math.ceil(target) + 1));
    }
  }

  private static int pick(Random random, double[] weights) {
    double x = random.nextDouble();
    for (int i = 0; i < weights.length - 1; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static List<MemberId> ids(int n) {
    List<MemberId> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(MemberId.of(String.format("c%02d", i)));
    }
    return out;
  }
}
