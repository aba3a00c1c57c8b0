package coop.lattice.sortition;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * An exact probability, as a reduced fraction: {@code 3/50}, never a rounded double.
 *
 * @param numerator at least 0
 * @param denominator at least 1, coprime with the numerator
 */
public record Probability(BigInteger numerator, BigInteger denominator) implements Comparable<Probability> {
  public static final Probability ZERO = new Probability(BigInteger.ZERO, BigInteger.ONE);

  public Probability {
    if (denominator.signum() <= 0 || numerator.signum() < 0 || numerator.compareTo(denominator) > 0
        || !numerator.gcd(denominator).equals(BigInteger.ONE)) {
      throw new SortitionException("a probability is a reduced fraction between 0 and 1, not " + numerator + "/"
          + denominator);
    }
  }

  /** {@code numerator/denominator}, reduced. */
  public static Probability of(BigInteger numerator, BigInteger denominator) {
    return Rational.of(numerator, denominator).toProbability();
  }

  public static Probability of(long numerator, long denominator) {
    return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  /** The nearest double: for display and plots, never for a claim. */
  public double doubleValue() {
    return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64).doubleValue();
  }

  /** The value to {@code digits} significant digits, rounded half even: {@code 0.0200000000}. */
  public BigDecimal decimal(int digits) {
    return new BigDecimal(numerator).divide(new BigDecimal(denominator), new MathContext(digits));
  }

  @Override
  public int compareTo(Probability o) {
    return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
