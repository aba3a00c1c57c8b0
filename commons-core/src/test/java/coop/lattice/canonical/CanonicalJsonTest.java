package coop.lattice.canonical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  /** RFC 8785 section 3.2.3: members sorted by UTF-16 code units, not by code points or UTF-8. */
  @Test
  void sortsMembersByUtf16CodeUnitsAsInRfc8785() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("\u20ac", "Euro Sign");
    m.put("\r", "Carriage Return");
    m.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
    m.put("1", "One");
    m.put("\ud83d\ude00", "Emoji: Grinning Face");
    m.put("\u0080", "Control");
    m.put("\u00f6", "Latin Small Letter O With Diaeresis");
    String json = new String(CanonicalJson.encode(m), UTF_8);
    assertThat(json).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  /** RFC 8785 section 3.2.2.2: only the mandatory escapes, lowercase hex, everything else literal UTF-8. */
  @Test
  void escapesExactlyWhatRfc8785Requires() {
    String s = "\u20ac$\u000f\nA'B\"\\\\\"/\b\f\r\t\u001f\u2028";
    assertThat(new String(CanonicalJson.encode(s), UTF_8))
        .isEqualTo("\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\\b\\f\\r\\t\\u001f\u2028\"");
  }

  @Test
  void nestedValuesAndLiterals() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", List.of(1, true, false, "x"));
    m.put("a", Map.of("z", -9007199254740991L, "y", BigInteger.TEN));
    m.put("c", null);
    assertThat(new String(CanonicalJson.encode(m), UTF_8))
        .isEqualTo("{\"a\":{\"y\":10,\"z\":-9007199254740991},\"b\":[1,true,false,\"x\"],\"c\":null}");
  }

  /**
   * RFC 8785 section 3.2.2's example, parsed (here by Jackson: fractions as doubles, integers as
   * ints) and canonicalized, is section 3.2.3's expected text.
   */
  @Test
  void rfc8785ExampleFromElsewhere() throws Exception {
    String input = """
        {
          "numbers": [333333333.33333329, 1E30, 4.50,
                      2e-3, 0.000000000000000000000000001],
          "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
          "literals": [null, true, false]
        }
        """;
    Object parsed = new ObjectMapper().readValue(input, Object.class);
    assertThat(new String(CanonicalJson.encodeForeign(parsed), UTF_8)).isEqualTo(
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    assertThatThrownBy(() -> CanonicalJson.encode(parsed)).hasMessageContaining("no canonical JSON form");
  }

  /** Numbers from elsewhere are IEEE 754 doubles, written as JSON.stringify writes them (Node 20). */
  @Test
  void foreignNumbersAreWrittenAsEcmaScriptWritesThem() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("double", 21.5);
    m.put("negativeZero", -0.0);
    m.put("float", 0.1f); // widened exactly, as a JavaScript engine would hold it
    m.put("decimal", new BigDecimal("21.50"));
    m.put("tiny", new BigDecimal("1E-7"));
    m.put("huge", new BigDecimal("1e21"));
    m.put("safe", 9007199254740991L);
    m.put("twoTo60", 1L << 60);
    m.put("minLong", Long.MIN_VALUE);
    m.put("twoTo68", BigInteger.TWO.pow(68));
    m.put("unsafeSmallBig", BigInteger.valueOf(9007199254740993L));
    m.put("integral", 3.0);
    assertThat(new String(CanonicalJson.encodeForeign(m), UTF_8)).isEqualTo("{\"decimal\":21.5,\"double\":21.5,"
        + "\"float\":0.10000000149011612,\"huge\":1e+21,\"integral\":3,\"minLong\":-9223372036854776000,"
        + "\"negativeZero\":0,\"safe\":9007199254740991,\"tiny\":1e-7,\"twoTo60\":1152921504606847000,"
        + "\"twoTo68\":295147905179352830000,\"unsafeSmallBig\":9007199254740992}");
  }

  @Test
  void foreignNumbersWithNoJsonFormAreRefused() {
    assertThatThrownBy(() -> CanonicalJson.encodeForeign(List.of(Double.NaN))).hasMessageContaining("RFC 8785");
    assertThatThrownBy(() -> CanonicalJson.encodeForeign(Map.of("x", Float.NEGATIVE_INFINITY)))
        .hasMessageContaining("-Infinity has no JSON form");
    assertThatThrownBy(() -> CanonicalJson.encodeForeign(new BigDecimal("1e400")))
        .hasMessageContaining("beyond the range of IEEE 754 doubles").hasMessageContaining("1E+400");
    assertThatThrownBy(() -> CanonicalJson.encodeForeign(BigInteger.TEN.pow(400)))
        .hasMessageContaining("beyond the range of IEEE 754 doubles");
    assertThatThrownBy(() -> CanonicalJson.encodeForeign(new Object())).hasMessageContaining("no canonical JSON form");
  }

  /** The ledger's own entries keep their bytes: the strict entry point takes no more than before. */
  @Test
  void theStrictEntryPointStillTakesIntegersOnly() {
    assertThatThrownBy(() -> CanonicalJson.encode(21.5)).hasMessageContaining("no canonical JSON form");
    assertThatThrownBy(() -> CanonicalJson.encode(2.0f)).hasMessageContaining("no canonical JSON form");
    assertThatThrownBy(() -> CanonicalJson.encode(new BigDecimal("2"))).hasMessageContaining("no canonical JSON form");
    assertThatThrownBy(() -> CanonicalJson.encode(BigInteger.TWO.pow(68))).hasMessageContaining("too large");
    assertThatThrownBy(() -> CanonicalJson.encode(Long.MIN_VALUE)).hasMessageContaining("safe range");
    Map<String, Object> m = Map.of("n", 9007199254740991L, "s", "1.5");
    assertThat(CanonicalJson.encodeForeign(m)).isEqualTo(CanonicalJson.encode(m));
  }

  @Test
  void refusesWhatCouldNotBeCanonical() {
    assertThatThrownBy(() -> CanonicalJson.encode(1.5)).hasMessageContaining("no canonical JSON form");
    assertThatThrownBy(() -> CanonicalJson.encode(1L << 53)).hasMessageContaining("safe range");
    assertThatThrownBy(() -> CanonicalJson.encode("\ud800x")).hasMessageContaining("lone surrogate");
    assertThatThrownBy(() -> new CanonicalWriter().beginObject().name("b").value(1).name("a"))
        .hasMessageContaining("out of canonical order");
    assertThatThrownBy(() -> new CanonicalWriter().beginObject().toByteArray()).hasMessageContaining("not complete");
  }
}
