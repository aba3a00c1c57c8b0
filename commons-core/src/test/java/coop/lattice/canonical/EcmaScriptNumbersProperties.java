package coop.lattice.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The laws of ECMAScript's Number::toString, checked with exact decimal arithmetic: the text reads
 * back as the same double, no text with fewer significant digits does, no text with as many is
 * closer, and the notation is the one ECMA-262 prescribes for the exponent. (EcmaScriptNumbersIT
 * compares the texts themselves with Node's JSON.stringify.)
 */
class EcmaScriptNumbersProperties {

  /** ECMAScript's shapes: plain integer, plain fraction, or d[.ddd]e(+|-)x; no leading zeros, no trailing ones. */
  private static final Pattern SHAPE =
      Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*[1-9])?(?:e[+-][1-9][0-9]*)?");

  @Provide
  Arbitrary<Double> doubles() {
    Arbitrary<Double> anyBits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
    Arbitrary<Double> subnormal = Arbitraries.longs().between(1, (1L << 52) - 1).map(Double::longBitsToDouble);
    Arbitrary<Double> shortDecimal = Arbitraries.longs().between(1, 99_999_999L)
        .flatMap(m -> Arbitraries.integers().between(-330, 300).map(e -> Double.parseDouble(m + "e" + e)));
    Arbitrary<Double> sumOfTenths = Arbitraries.integers().between(1, 999).list().ofSize(2)
        .map(l -> l.get(0) / 10.0 + l.get(1) / 100.0);
    Arbitrary<Double> nearBoundary = Arbitraries.of(1e21, 1e-7, 1e-6, 0x1p53, 1e23, Double.MIN_NORMAL, Double.MAX_VALUE)
        .flatMap(b -> Arbitraries.integers().between(-500, 500).map(k -> step(b, k)));
    Arbitrary<Double> unsigned = Arbitraries.frequencyOf(
        Tuple.of(4, anyBits), Tuple.of(1, subnormal), Tuple.of(2, shortDecimal),
        Tuple.of(1, sumOfTenths), Tuple.of(2, nearBoundary));
    return unsigned.filter(Double::isFinite);
  }

  @Property(tries = 4000, seed = "20261201")
  void theTextIsTheShortestClosestOneInEcmaScriptNotation(@ForAll("doubles") double d) {
    String text = EcmaScriptNumbers.format(d);
    assertThat(text).matches(SHAPE);
    double back = Double.parseDouble(text);
    assertThat(back).as("%s read back", text).isEqualTo(d == 0 ? 0.0 : d);
    if (d == 0) {
      assertThat(text).isEqualTo("0");
      return;
    }

    Matcher m = Pattern.compile("-?([0-9.]+)(?:e([+-][0-9]+))?").matcher(text);
    assertThat(m.matches()).isTrue();
    BigDecimal value = new BigDecimal(text).abs();
    BigDecimal digits = value.stripTrailingZeros();
    int k = digits.precision();
    int n = k - digits.scale(); // the value is 0.digits * 10^n
    boolean exponentForm = m.group(2) != null;
    assertThat(exponentForm).as("exponent form for n = %s", n).isEqualTo(n > 21 || n <= -6);

    double a = Math.abs(d);
    BigDecimal exact = new BigDecimal(a);
    if (k > 1) {
      // Any decimal of k - 1 digits that read back would make one of these two read back too.
      MathContext fewer = new MathContext(k - 1, RoundingMode.FLOOR);
      MathContext fewerUp = new MathContext(k - 1, RoundingMode.CEILING);
      assertThat(Double.parseDouble(exact.round(fewer).toString())).as("%s is not shortest", text).isNotEqualTo(a);
      assertThat(Double.parseDouble(exact.round(fewerUp).toString())).as("%s is not shortest", text).isNotEqualTo(a);
    }
    // The other k-digit neighbour of the exact value, if it reads back, is not closer (nor as close and even).
    BigDecimal down = exact.round(new MathContext(k, RoundingMode.FLOOR));
    BigDecimal up = exact.round(new MathContext(k, RoundingMode.CEILING));
    assertThat(value.compareTo(down) == 0 || value.compareTo(up) == 0)
        .as("%s is a neighbour of the exact value", text).isTrue();
    BigDecimal other = value.compareTo(down) == 0 ? up : down;
    if (other.compareTo(value) != 0 && Double.parseDouble(other.toString()) == a) {
      int c = other.subtract(exact).abs().compareTo(value.subtract(exact).abs());
      assertThat(c).as("%s is closer than %s to %s", other, text, exact).isGreaterThanOrEqualTo(0);
      if (c == 0) {
        assertThat(digits.unscaledValue().testBit(0)).as("a tie goes to the even digit").isFalse();
      }
    }
  }

  @Property(tries = 1000, seed = "20261202")
  void theSignIsTheOnlyDifferenceBetweenXAndMinusX(@ForAll("doubles") double d) {
    String text = EcmaScriptNumbers.format(Math.abs(d));
    assertThat(EcmaScriptNumbers.format(-Math.abs(d))).isEqualTo(d == 0 ? "0" : "-" + text);
  }

  /** The formatter's short stand-in for a double's exact value rounds as the exact value does. */
  @Property(tries = 1000, seed = "20261203")
  void theGuardedValueRoundsAsTheExactValue(@ForAll("doubles") double d) {
    double a = Math.abs(d);
    if (a == 0) {
      return;
    }
    BigDecimal exact = new BigDecimal(a);
    BigDecimal guarded = EcmaScriptNumbers.guarded(a);
    assertThat(guarded.precision()).isLessThanOrEqualTo(27);
    for (int p = 1; p <= 17; p++) {
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING, RoundingMode.HALF_EVEN}) {
        MathContext mc = new MathContext(p, mode);
        assertThat(guarded.round(mc)).as("%s at %s digits, %s", exact, p, mode).isEqualByComparingTo(exact.round(mc));
      }
    }
  }

  private static double step(double from, int ulps) {
    double d = from;
    for (int i = 0; i < Math.abs(ulps); i++) {
      d = ulps < 0 ? Math.nextDown(d) : Math.nextUp(d);
    }
    return d;
  }
}
