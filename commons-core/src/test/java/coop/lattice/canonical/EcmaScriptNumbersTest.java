package coop.lattice.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcmaScriptNumbersTest {

  /** RFC 8785 Appendix B: the IEEE 754 bit patterns and their canonical JSON text. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "0000000000000000, 0",
      "8000000000000000, 0",
      "0000000000000001, 5e-324",
      "8000000000000001, -5e-324",
      "7fefffffffffffff, 1.7976931348623157e+308",
      "ffefffffffffffff, -1.7976931348623157e+308",
      "4340000000000000, 9007199254740992",
      "c340000000000000, -9007199254740992",
      "4430000000000000, 295147905179352830000",
      "44b52d02c7e14af5, 9.999999999999997e+22",
      "44b52d02c7e14af6, 1e+23",
      "44b52d02c7e14af7, 1.0000000000000001e+23",
      "444b1ae4d6e2ef4e, 999999999999999700000",
      "444b1ae4d6e2ef4f, 999999999999999900000",
      "444b1ae4d6e2ef50, 1e+21",
      "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
      "3eb0c6f7a0b5ed8d, 0.000001",
      "41b3de4355555553, 333333333.3333332",
      "41b3de4355555554, 333333333.33333325",
      "41b3de4355555555, 333333333.3333333",
      "41b3de4355555556, 333333333.3333334",
      "41b3de4355555557, 333333333.33333343",
      "becbf647612f3696, -0.0000033333333333333333",
      "43143ff3c1cb0959, 1424953923781206.2", // round to even
  })
  void rfc8785AppendixB(String bits, String expected) {
    double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    assertThat(EcmaScriptNumbers.format(d)).isEqualTo(expected);
  }

  /** RFC 8785 Appendix B's NaN and Infinity rows, and the other NaNs and infinity. */
  @ParameterizedTest
  @CsvSource({"7fffffffffffffff", "7ff0000000000000", "fff0000000000000", "7ff8000000000000", "fff0000000000001"})
  void nanAndTheInfinitiesAreRefused(String bits) {
    double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    assertThatThrownBy(() -> EcmaScriptNumbers.format(d))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Double.toString(d))
        .hasMessageContaining("RFC 8785")
        .hasMessageContaining("finite numbers only");
  }

  /** Where ECMAScript changes notation: n = 21 and n = -6 (the value being 0.digits * 10^n). */
  @Test
  void notationChangesWhereEcmaScriptChangesIt() {
    assertThat(EcmaScriptNumbers.format(1e20)).isEqualTo("100000000000000000000");
    assertThat(EcmaScriptNumbers.format(1.5e20)).isEqualTo("150000000000000000000");
    assertThat(EcmaScriptNumbers.format(1e21)).isEqualTo("1e+21");
    assertThat(EcmaScriptNumbers.format(1.5e21)).isEqualTo("1.5e+21");
    assertThat(EcmaScriptNumbers.format(123456789012345680000.0)).isEqualTo("123456789012345680000");
    assertThat(EcmaScriptNumbers.format(1e-6)).isEqualTo("0.000001");
    assertThat(EcmaScriptNumbers.format(1.5e-6)).isEqualTo("0.0000015");
    assertThat(EcmaScriptNumbers.format(1e-7)).isEqualTo("1e-7");
    assertThat(EcmaScriptNumbers.format(1.5e-7)).isEqualTo("1.5e-7");
    assertThat(EcmaScriptNumbers.format(-1.5e-7)).isEqualTo("-1.5e-7");
    assertThat(EcmaScriptNumbers.format(21.5)).isEqualTo("21.5");
    assertThat(EcmaScriptNumbers.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(EcmaScriptNumbers.format(-0.0)).isEqualTo("0");
    assertThat(EcmaScriptNumbers.format(Double.MIN_NORMAL)).isEqualTo("2.2250738585072014e-308");
    assertThat(EcmaScriptNumbers.format(0x1p60)).isEqualTo("1152921504606847000"); // as JSON.stringify
    assertThat(EcmaScriptNumbers.format(0x1p53 + 2)).isEqualTo("9007199254740994");
  }

  /**
   * Values where Java 17's Double.toString gives more digits than the shortest (fixed in JDK 19):
   * 5.6843418860808015E-14, 9.999999999999999E22, 8.409999999999999E21, 1.9999999999999998E23,
   * 4.8726570056999995E288, 4.9E-324, 3.1607015940265421E17, 2.2770711729136488E16. The expected
   * texts are JSON.stringify's (Node 20).
   */
  @Test
  void shorterThanJava17DoubleToStringWhereThatIsNotShortest() {
    assertThat(EcmaScriptNumbers.format(0x1p-44)).isEqualTo("5.684341886080802e-14");
    assertThat(EcmaScriptNumbers.format(1e23)).isEqualTo("1e+23");
    assertThat(EcmaScriptNumbers.format(8.41e21)).isEqualTo("8.41e+21");
    assertThat(EcmaScriptNumbers.format(2e23)).isEqualTo("2e+23");
    assertThat(EcmaScriptNumbers.format(4.8726570057e288)).isEqualTo("4.8726570057e+288");
    assertThat(EcmaScriptNumbers.format(Double.MIN_VALUE)).isEqualTo("5e-324");
    assertThat(EcmaScriptNumbers.format(Double.longBitsToDouble(0x43918ba08a9d2f68L))).isEqualTo("316070159402654200");
    assertThat(EcmaScriptNumbers.format(Double.longBitsToDouble(0x43543975ddf978daL))).isEqualTo("22770711729136490");
  }
}
