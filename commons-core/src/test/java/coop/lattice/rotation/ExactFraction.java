package coop.lattice.rotation;

import java.math.BigInteger;

/**
 * An exact fraction num/den with den > 0, for the tests' own reference models of shares (never the
 * library's {@code Ratio}: a policy is not checked by its own arithmetic).
 */
public record ExactFraction(BigInteger num, BigInteger den) {
  public static ExactFraction of(long n, long d) {
    return new ExactFraction(BigInteger.valueOf(n), BigInteger.valueOf(d)).norm();
  }

  ExactFraction norm() {
    BigInteger g = num.gcd(den);
    return g.signum() == 0 ? new ExactFraction(BigInteger.ZERO, BigInteger.ONE)
        : new ExactFraction(num.divide(g), den.divide(g));
  }

  public ExactFraction plus(ExactFraction o) {
    return new ExactFraction(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den)).norm();
  }

  public ExactFraction minus(long k) {
    return new ExactFraction(num.subtract(den.multiply(BigInteger.valueOf(k))), den).norm();
  }

  /** True when |this| < 1. */
  public boolean underOne() {
    return num.abs().compareTo(den) < 0;
  }

  @Override
  public String toString() {
    return num + "/" + den;
  }
}
