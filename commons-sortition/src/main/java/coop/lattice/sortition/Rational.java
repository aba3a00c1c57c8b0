package coop.lattice.sortition;

import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/** An exact rational number, always reduced with a positive denominator. Immutable. */
final class Rational implements Comparable<Rational> {
  static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
  static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

  final BigInteger num;
  final BigInteger den;

  private Rational(BigInteger num, BigInteger den) {
    this.num = num;
    this.den = den;
  }

  static Rational of(long n) {
    return n == 0 ? ZERO : n == 1 ? ONE : new Rational(BigInteger.valueOf(n), BigInteger.ONE);
  }

  static Rational of(BigInteger n) {
    return new Rational(n, BigInteger.ONE);
  }

  static Rational of(BigInteger num, BigInteger den) {
    if (den.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (num.signum() == 0) {
      return ZERO;
    }
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    if (den.equals(BigInteger.ONE)) {
      return new Rational(num, den);
    }
    BigInteger g = num.gcd(den);
    return g.equals(BigInteger.ONE) ? new Rational(num, den) : new Rational(num.divide(g), den.divide(g));
  }

  Rational add(Rational o) {
    if (signum() == 0) {
      return o;
    }
    if (o.signum() == 0) {
      return this;
    }
    if (den.equals(o.den)) {
      return of(num.add(o.num), den);
    }
    return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
  }

  Rational subtract(Rational o) {
    return add(o.negate());
  }

  Rational multiply(Rational o) {
    if (signum() == 0 || o.signum() == 0) {
      return ZERO;
    }
    return of(num.multiply(o.num), den.multiply(o.den));
  }

  Rational multiply(long k) {
    return k == 0 || signum() == 0 ? ZERO : of(num.multiply(BigInteger.valueOf(k)), den);
  }

  Rational divide(Rational o) {
    return of(num.multiply(o.den), den.multiply(o.num));
  }

  Rational negate() {
    return signum() == 0 ? this : new Rational(num.negate(), den);
  }

  int signum() {
    return num.signum();
  }

  boolean isInteger() {
    return den.equals(BigInteger.ONE);
  }

  /** The largest integer not above this. */
  BigInteger floor() {
    BigInteger[] qr = num.divideAndRemainder(den);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  BigInteger ceil() {
    BigInteger f = floor();
    return isInteger() ? f : f.add(BigInteger.ONE);
  }

  double doubleValue() {
    return new java.math.BigDecimal(num).divide(new java.math.BigDecimal(den), java.math.MathContext.DECIMAL64)
        .doubleValue();
  }

  Probability toProbability() {
    return new Probability(num, den);
  }

  @Override
  public int compareTo(Rational o) {
    if (den.equals(o.den)) {
      return num.compareTo(o.num);
    }
    return num.multiply(o.den).compareTo(o.num.multiply(den));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Rational r && num.equals(r.num) && den.equals(r.den);
  }

  @Override
  public int hashCode() {
    return num.hashCode() * 31 + den.hashCode();
  }

  @Override
  public String toString() {
    return isInteger() ? num.toString() : num + "/" + den;
  }
}
