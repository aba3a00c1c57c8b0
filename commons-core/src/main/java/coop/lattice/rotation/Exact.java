package coop.lattice.rotation;

import coop.lattice.InvalidRotationException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Capacities and weights as exact integers, for the policies that compare them. */
final class Exact {
  private Exact() {}

  /**
   * Capacities as integers, exactly: every share scaled by the same power of ten, then divided by
   * their greatest common divisor (0.5 and 1 become 1 and 2).
   */
  static long[] capacities(List<Participant> roster) {
    int scale = 0;
    for (Participant p : roster) {
      scale = Math.max(scale, p.capacity().stripTrailingZeros().scale());
    }
    if (scale > 9) {
      throw new InvalidRotationException("capacity shares are kept exactly, to at most 9 decimal places; "
          + roster.stream().filter(p -> p.capacity().stripTrailingZeros().scale() > 9).findFirst().orElseThrow()
              .member() + "'s has more");
    }
    long[] out = new long[roster.size()];
    long g = 0;
    for (int p = 0; p < out.length; p++) {
      out[p] = roster.get(p).capacity().movePointRight(scale).longValueExact();
      g = BigInteger.valueOf(g).gcd(BigInteger.valueOf(out[p])).longValueExact();
    }
    long sum = 0;
    for (int p = 0; p < out.length; p++) {
      out[p] /= g;
      sum += out[p];
    }
    if (sum > (1L << 53) / 64) {
      throw new InvalidRotationException("capacity shares are kept exactly; with " + roster.size()
          + " members, use fewer decimal places");
    }
    return out;
  }

  /** Each role's weight as an integer, exactly, in units of the finest weight's last decimal place. */
  static Map<RoleId, Long> weights(List<Role> roles) {
    int scale = 0;
    for (Role r : roles) {
      scale = Math.max(scale, r.weight().stripTrailingZeros().scale());
    }
    Map<RoleId, Long> out = new HashMap<>();
    for (Role r : roles) {
      out.put(r.id(), r.weight().movePointRight(scale).longValueExact());
    }
    return out;
  }
}
