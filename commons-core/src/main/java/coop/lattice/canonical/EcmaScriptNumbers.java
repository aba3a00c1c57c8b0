package coop.lattice.canonical;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a {@code double} exactly as ECMAScript's {@code Number::toString} does (ECMA-262,
 * section "Number::toString"), which is what RFC 8785 section 3.2.2.3 requires of a number in
 * canonical JSON, and what {@code JSON.stringify} prints.
 *
 * <p>The digits are the fewest that read back as the same double; among those, the ones closest
 * to its exact value, and of two as close, the one whose last digit is even. They are laid out in
 * plain notation when the decimal exponent allows (from {@code 0.000001} up to below {@code 1e21})
 * and in exponent form otherwise: {@code 1e+21}, {@code 1.5e-7}. Negative zero is {@code 0}. NaN
 * and the infinities have no JSON form and are refused.
 *
 * <pre>{@code
 * EcmaScriptNumbers.format(0.1 + 0.2); // "0.30000000000000004"
 * EcmaScriptNumbers.format(1e21);      // "1e+21"
 * EcmaScriptNumbers.format(-0.0);      // "0"
 * }</pre>
 *
 * <p>Java 17's {@link Double#toString(double)} is not used for the digits: before JDK 19 it
 * sometimes gives more digits than the shortest (1.0E23 as 9.999999999999999E22, 2^-44 with 17
 * digits where 16 do). The digits are found with exact decimal arithmetic instead, on the double's
 * exact value or a short stand-in that rounds as it does; {@code Double.toString} only bounds how
 * many are needed, after its text is checked to read back as the same double. About 1 to 5
 * microseconds a number.
 */
public final class EcmaScriptNumbers {
  /** Seventeen significant digits always identify a double. */
  private static final int MAX_DIGITS = 17;

  /** Digits kept of a double's exact value: more than the 18 of a midpoint between 17-digit decimals. */
  private static final int GUARD_DIGITS = 24;

  private static final double LOG10_2 = Math.log10(2);
  /** 10^0 to 10^359: enough for any double, 10^(324 + GUARD_DIGITS) at most. */
  private static final BigInteger[] TENS = tens(360);
  private static final MathContext[] DOWN = contexts(RoundingMode.FLOOR);
  private static final MathContext[] UP = contexts(RoundingMode.CEILING);
  private static final MathContext[] NEAREST = contexts(RoundingMode.HALF_EVEN);

  private EcmaScriptNumbers() {}

  /**
   * The ECMAScript text of {@code d}.
   *
   * @throws IllegalArgumentException if {@code d} is NaN or infinite
   */
  public static String format(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException(
          d + " has no JSON form: RFC 8785 (section 3.2.2.3) allows finite numbers only, and "
              + "JSON.stringify would write null, which is not the same value");
    }
    if (d == 0) {
      return "0"; // and -0
    }
    double a = Math.abs(d);
    if (a < 0x1p53 && a == Math.rint(a)) {
      // An integer below 2^53: doubles are at most 1 apart here, so no other decimal with as few
      // significant digits reads back as it, and ECMAScript writes it out in full.
      return Long.toString((long) d);
    }
    String text = layout(shortest(a));
    return d < 0 ? "-" + text : text;
  }

  /** The shortest decimal that reads back as {@code a > 0}, the closest of those, ties to even. */
  private static BigDecimal shortest(double a) {
    BigDecimal x = guarded(a); // stands for a's exact value below
    // Some decimal with `hi` significant digits reads back as `a`; none with fewer than `lo`.
    int hi = digitsOfJavaText(a);
    int lo = 1;
    // Reading back is monotone in the precision (a p-digit decimal is also a (p+1)-digit one, and
    // the (p+1)-digit neighbours of the exact value lie between it and the value), so the fewest
    // digits are found by bisection. Double.toString is usually shortest: try one fewer first.
    if (hi > 1) {
      if (readsBack(x, hi - 1, a)) {
        hi--;
      } else {
        lo = hi;
      }
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (readsBack(x, mid, a)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    // Any decimal of `hi` digits that reads back lies no nearer to the value than the neighbour on
    // its side, which then reads back too: the two neighbours are the only candidates.
    BigDecimal down = x.round(DOWN[hi]);
    BigDecimal up = x.round(UP[hi]);
    boolean downReads = reads(down, a);
    boolean upReads = reads(up, a);
    if (downReads && upReads) {
      return x.round(NEAREST[hi]); // the closer of the two; of two as close, the even one
    }
    return downReads ? down : up;
  }

  /**
   * The exact value of {@code a > 0} if it has at most about {@value #GUARD_DIGITS} significant
   * digits; else that value truncated to at least {@value #GUARD_DIGITS} + 1 digits, with a 1
   * appended. Both lie strictly between the same two neighbours on the grid of decimals of that
   * many digits, which holds every decimal of up to 17 digits and every midpoint between two of
   * them; so rounding either to 17 digits or fewer, in any mode, gives the same result. (A double's
   * exact value can have 767 significant digits; this keeps the arithmetic on short numbers, and
   * costs one multiplication or division by a power of ten from a table.)
   */
  static BigDecimal guarded(double a) {
    long bits = Double.doubleToRawLongBits(a);
    int biased = (int) (bits >>> 52) & 0x7ff;
    long m = bits & ((1L << 52) - 1);
    int e;
    if (biased == 0) {
      e = -1074; // subnormal
    } else {
      m |= 1L << 52;
      e = biased - 1075;
    }
    // a = m * 2^e exactly.
    BigInteger digits;
    int scale; // a's decimal is digits * 10^-scale
    boolean inexact;
    if (e >= 0) {
      BigInteger x = BigInteger.valueOf(m).shiftLeft(e);
      // x has at least floor((bitLength - 1) log10 2) + 1 decimal digits (x >= 2^(bitLength - 1)),
      // so dropping this many still leaves GUARD_DIGITS + 1 at least.
      int drop = Math.max(0, (int) ((x.bitLength() - 1) * LOG10_2) - GUARD_DIGITS);
      if (drop == 0) {
        return new BigDecimal(x);
      }
      BigInteger[] qr = x.divideAndRemainder(tenTo(drop));
      digits = qr[0];
      scale = -drop;
      inexact = qr[1].signum() != 0;
    } else {
      // a >= 2^(bitLength(m) - 1 + e), so log10(a) >= f = floor((bitLength(m) - 1 + e) log10 2), and
      // a * 10^s with s = GUARD_DIGITS - f is at least 10^GUARD_DIGITS: it has GUARD_DIGITS + 1
      // digits or more before the point.
      int s = GUARD_DIGITS - (int) Math.floor((64 - Long.numberOfLeadingZeros(m) - 1 + e) * LOG10_2);
      // s > 0 here: a < 2^53 < 10^16.
      BigInteger x = BigInteger.valueOf(m).multiply(tenTo(s));
      digits = x.shiftRight(-e);
      scale = s;
      inexact = x.getLowestSetBit() < -e;
    }
    return inexact
        ? new BigDecimal(digits.multiply(BigInteger.TEN).add(BigInteger.ONE), scale + 1)
        : new BigDecimal(digits, scale);
  }

  private static BigInteger tenTo(int n) {
    BigInteger[] t = TENS;
    return n < t.length ? t[n] : BigInteger.TEN.pow(n);
  }

  /** Whether a decimal of {@code p} significant digits reads back as {@code a}. */
  private static boolean readsBack(BigDecimal x, int p, double a) {
    return reads(x.round(DOWN[p]), a) || reads(x.round(UP[p]), a);
  }

  private static boolean reads(BigDecimal v, double a) {
    return Double.parseDouble(v.toString()) == a;
  }

  /**
   * The number of significant digits in {@code Double.toString(a)} if that text reads back as
   * {@code a}, else 17: some decimal with that many digits reads back as {@code a}.
   */
  private static int digitsOfJavaText(double a) {
    String t = Double.toString(a);
    if (Double.parseDouble(t) != a) {
      return MAX_DIGITS;
    }
    int first = -1;
    int last = -1;
    int count = 0; // digits seen, not counting the point
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == 'E') {
        break;
      }
      if (c >= '0' && c <= '9') {
        count++;
        if (c != '0') {
          if (first < 0) {
            first = count;
          }
          last = count;
        }
      }
    }
    return first < 0 ? MAX_DIGITS : Math.min(MAX_DIGITS, last - first + 1);
  }

  /** ECMA-262 Number::toString steps 6 to 12 for {@code v > 0}, given its shortest digits. */
  private static String layout(BigDecimal v) {
    BigDecimal stripped = v.stripTrailingZeros();
    String s = stripped.unscaledValue().toString(); // the digits, k of them
    int k = s.length();
    int n = k - stripped.scale(); // the value is 0.s * 10^n
    StringBuilder b = new StringBuilder(k + 8);
    if (k <= n && n <= 21) {
      b.append(s);
      b.append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      b.append(s, 0, n).append('.').append(s, n, k);
    } else if (-6 < n && n <= 0) {
      b.append("0.").append("0".repeat(-n)).append(s);
    } else {
      int e = n - 1;
      b.append(s.charAt(0));
      if (k > 1) {
        b.append('.').append(s, 1, k);
      }
      b.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return b.toString();
  }

  private static BigInteger[] tens(int n) {
    BigInteger[] t = new BigInteger[n];
    t[0] = BigInteger.ONE;
    for (int i = 1; i < n; i++) {
      t[i] = t[i - 1].multiply(BigInteger.TEN);
    }
    return t;
  }

  private static MathContext[] contexts(RoundingMode mode) {
    MathContext[] c = new MathContext[MAX_DIGITS + 1];
    for (int p = 1; p <= MAX_DIGITS; p++) {
      c[p] = new MathContext(p, mode);
    }
    return c;
  }
}
