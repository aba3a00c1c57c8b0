package coop.lattice.rotation;

import java.math.BigInteger;

/** An exact fraction {@code num / den} in lowest terms, {@code den > 0}: how shares are kept where they decide or are published. */
record Ratio(BigInteger num, BigInteger den) implements Comparable<Ratio> {
  static final Ratio ZERO = new Ratio(BigInteger.ZERO, BigInteger.ONE);
  static final Ratio ONE = new Ratio(BigInteger.ONE, BigInteger.ONE);

  static Ratio of(long num, long den) {
    return of(BigInteger.valueOf(num), BigInteger.valueOf(den));
  }

  static Ratio of(BigInteger num, BigInteger den) {
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    BigInteger g = num.gcd(den);
    return g.signum() == 0 || g.equals(BigInteger.ONE) ? new Ratio(num.signum() == 0 ? BigInteger.ZERO : num,
        num.signum() == 0 ? BigInteger.ONE : den) : new Ratio(num.divide(g), den.divide(g));
  }

  Ratio plus(Ratio o) {
    if (den.equals(o.den)) {
      return of(num.add(o.num), den);
    }
    return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
  }

  Ratio minus(Ratio o) {
    return plus(new Ratio(o.num.negate(), o.den));
  }

  Ratio times(Ratio o) {
    return of(num.multiply(o.num), den.multiply(o.den));
  }

  Ratio abs() {
    return num.signum() < 0 ? new Ratio(num.negate(), den) : this;
  }

  /** The sign of {@code this - k}. */
  int compareTo(long k) {
    return num.compareTo(den.multiply(BigInteger.valueOf(k)));
  }

  @Override
  public int compareTo(Ratio o) {
    return num.multiply(o.den).compareTo(o.num.multiply(den));
  }

  double doubleValue() {
    return new java.math.BigDecimal(num).divide(new java.math.BigDecimal(den), java.math.MathContext.DECIMAL64)
        .doubleValue();
  }

  /** Rounded half up to two decimals, as the reasons print a share: "2.50". */
  String twoDecimals() {
    BigInteger hundredths = num.multiply(BigInteger.valueOf(200)).add(den).divide(den.shiftLeft(1));
    if (num.signum() < 0) { // floor division for negative values: shares are never negative, deviations may be
      BigInteger[] qr = num.multiply(BigInteger.valueOf(200)).add(den).divideAndRemainder(den.shiftLeft(1));
      hundredths = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }
    String sign = hundredths.signum() < 0 ? "-" : "";
    BigInteger[] ip = hundredths.abs().divideAndRemainder(BigInteger.valueOf(100));
    return sign + ip[0] + "." + (ip[1].intValue() < 10 ? "0" : "") + ip[1];
  }

  @Override
  public String toString() {
    return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
  }
}
