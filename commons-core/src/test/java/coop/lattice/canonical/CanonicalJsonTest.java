package coop.lattice.canonical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
