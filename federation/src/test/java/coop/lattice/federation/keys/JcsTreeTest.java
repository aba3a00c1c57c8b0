package coop.lattice.federation.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.canonical.CanonicalJson;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tree writer against the canonical writer of maps and lists, which the RFC 8785 tests cover. */
class JcsTreeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] NAMES = {"id", "type", "é", "\u20ac", "a", "A", "b1", "\ud83d\ude00", "@context", "10", "1"};

  @Test
  void writesWhatTheMapWriterWritesForTheSameValues() throws Exception {
    SplittableRandom random = new SplittableRandom(8785);
    for (int i = 0; i < 2_000; i++) {
      ObjectNode doc = object(random, 3);
      // the same document read as maps, lists and Java numbers, through its text
      Object plain = JSON.readValue(JSON.writeValueAsString(doc), Object.class);
      assertThat(new String(JcsTree.canonical(JcsTree.members(doc)), StandardCharsets.UTF_8))
          .isEqualTo(new String(CanonicalJson.encodeForeign(plain), StandardCharsets.UTF_8));
    }
  }

  @Test
  void membersLeftOutOrSetAreWrittenSoAndTheTreeIsUntouched() throws Exception {
    ObjectNode doc = (ObjectNode) JSON.readTree("{\"z\":1,\"proof\":{\"b\":2,\"a\":[true,null]},\"m\":\"x\"}");
    String before = doc.toString();
    SortedMap<String, JsonNode> m = JcsTree.members(doc);
    m.remove("proof");
    m.put("@context", NODES.textNode("https://www.w3.org/ns/activitystreams"));
    assertThat(new String(JcsTree.canonical(m), StandardCharsets.UTF_8))
        .isEqualTo("{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"m\":\"x\",\"z\":1}");
    assertThat(doc.toString()).isEqualTo(before);
  }

  /** Numbers as RFC 8785 writes them, whatever node Jackson made for them. */
  @Test
  void numbersOfEveryKind() {
    ObjectNode doc = NODES.objectNode();
    doc.put("a", 9007199254740991L); // the largest safe integer, as it is
    doc.put("b", 9007199254740993L); // beyond: the nearest double
    doc.put("c", -0.0);
    doc.put("d", new java.math.BigDecimal("1.50"));
    doc.put("e", 0.1f); // widened exactly
    doc.put("f", 1e21);
    doc.put("g", new java.math.BigDecimal("-9007199254740991"));
    doc.put("h", 5e-7);
    assertThat(new String(JcsTree.canonical(JcsTree.members(doc)), StandardCharsets.UTF_8)).isEqualTo(
        "{\"a\":9007199254740991,\"b\":9007199254740992,\"c\":0,\"d\":1.5,\"e\":0.10000000149011612,"
            + "\"f\":1e+21,\"g\":-9007199254740991,\"h\":5e-7}");
    assertThatThrownBy(() -> JcsTree.canonical(JcsTree.members(NODES.objectNode().put("n", Double.NaN))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNumberBeyondTheDoublesIsRefusedWithItsText() throws Exception {
    JsonNode doc = JSON.readTree("{\"n\":1e400}");
    assertThatThrownBy(() -> JcsTree.canonical(JcsTree.members(doc))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beyond the range of IEEE 754 doubles");
  }

  private static ObjectNode object(SplittableRandom r, int depth) {
    ObjectNode o = NODES.objectNode();
    for (int n = r.nextInt(0, 6); n > 0; n--) {
      o.set(NAMES[r.nextInt(NAMES.length)], value(r, depth - 1));
    }
    return o;
  }

  private static JsonNode value(SplittableRandom r, int depth) {
    switch (depth <= 0 ? r.nextInt(4) : r.nextInt(6)) {
      case 0:
        return NODES.textNode(NAMES[r.nextInt(NAMES.length)] + "\"\\\n\u0001" + r.nextInt());
      case 1:
        switch (r.nextInt(5)) {
          case 0: return NODES.numberNode(r.nextLong());
          case 1: return NODES.numberNode(r.nextInt(-1000, 1000));
          case 2: return NODES.numberNode(Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL) * (r.nextBoolean() ? 1 : -1));
          case 3: return NODES.numberNode(r.nextDouble() * 1e6);
          default: return NODES.numberNode(BigInteger.ONE.shiftLeft(r.nextInt(54, 200)));
        }
      case 2:
        return NODES.booleanNode(r.nextBoolean());
      case 3:
        return NODES.nullNode();
      case 4: {
        ArrayNode a = NODES.arrayNode();
        for (int n = r.nextInt(0, 4); n > 0; n--) {
          a.add(value(r, depth - 1));
        }
        return a;
      }
      default:
        return object(r, depth - 1);
    }
  }
}
