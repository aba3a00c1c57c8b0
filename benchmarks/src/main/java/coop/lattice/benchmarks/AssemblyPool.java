package coop.lattice.benchmarks;

import coop.lattice.MemberId;
import coop.lattice.sortition.PanelRequest;
import java.util.Map;
import java.util.Random;

/**
 * A generated pool like the volunteers for a citizens' panel: neighbourhood (4 groups), age (4
 * bands) and education (3 levels), skewed the way volunteers are (older and more educated than
 * the population, and one neighbourhood keener than the others), with quotas at the population's
 * shares plus or minus one seat. The same generator as the tests' {@code Pools.assembly}.
 */
final class AssemblyPool {
  static final String[] HOODS = {"north", "south", "east", "west"};
  static final String[] AGES = {"16-29", "30-44", "45-64", "65+"};
  static final String[] EDUCATION = {"school", "vocational", "university"};

  private AssemblyPool() {}

  static PanelRequest of(int candidates, int seats, long seed) {
    Random random = new Random(seed);
    double[] hoodPool = {0.35, 0.30, 0.20, 0.15};
    double[] hoodPop = {0.25, 0.25, 0.25, 0.25};
    double[] agePool = {0.10, 0.20, 0.35, 0.35};
    double[] agePop = {0.22, 0.26, 0.32, 0.20};
    double[] eduPool = {0.15, 0.30, 0.55};
    double[] eduPop = {0.35, 0.40, 0.25};
    PanelRequest.Builder b = PanelRequest.builder(seats);
    for (int i = 0; i < candidates; i++) {
      int h = pick(random, hoodPool);
      int a = pick(random, agePool);
      int e = pick(random, a == 0 ? new double[] {0.10, 0.20, 0.70} : eduPool);
      b.candidate(MemberId.of(String.format("p%05d", i)), Map.of("neighbourhood", HOODS[h], "age", AGES[a],
          "education", EDUCATION[e]));
    }
    quotas(b, "neighbourhood", HOODS, hoodPop, seats);
    quotas(b, "age", AGES, agePop, seats);
    quotas(b, "education", EDUCATION, eduPop, seats);
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
}
