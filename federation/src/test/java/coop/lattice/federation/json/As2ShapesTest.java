package coop.lattice.federation.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class As2ShapesTest {
  static ObjectNode activity(String extra) throws IOException {
    return Json.parseObject(("{\"@context\":\"https://www.w3.org/ns/activitystreams\","
        + "\"id\":\"https://a.example/1\",\"type\":\"Create\",\"actor\":\"https://a.example/u\"" + extra + "}")
        .getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      ",\"object\":\"https://a.example/n\"",
      ",\"object\":{\"type\":\"Note\",\"content\":\"hi\",\"published\":\"2026-11-30T12:00:00Z\"}",
      ",\"object\":{\"id\":\"https://a.example/n\",\"type\":[\"Note\",\"ex:Thing\"],\"contentMap\":{\"en\":\"hi\"}}",
      ",\"object\":[\"https://a.example/n\",{\"type\":\"Note\"}],\"to\":[\"as:Public\",\"Public\"]",
      ",\"object\":\"https://a.example/n\",\"to\":\"https://www.w3.org/ns/activitystreams#Public\",\"cc\":[]",
      ",\"object\":\"https://a.example/n\",\"published\":\"2026-11-30T12:00:00.123+01:00\",\"inReplyTo\":null",
      ",\"object\":\"https://a.example/n\",\"_misskey_content\":42,\"sensitive\":false"})
  void wellShapedActivitiesPass(String extra) throws IOException {
    assertThat(As2Shapes.problem(activity(extra))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      ",\"object\":23 | object must be an IRI, an object, or an array of them, not the number 23",
      ",\"object\":\"https://a.example/n\",\"to\":[true] | to must be an IRI",
      ",\"object\":\"https://a.example/n\",\"target\":\"just words\" | target must be an IRI",
      ",\"object\":\"https://a.example/n\",\"published\":\"yesterday\" | published must be an xsd:dateTime",
      ",\"object\":{\"type\":\"Note\",\"content\":[\"a\"]} | its object's content must be a string",
      ",\"object\":{\"type\":\"Note\",\"contentMap\":{\"en\":1}} | its object's contentMap must be an object",
      ",\"object\":{\"type\":3} | its object's type must be a string",
      ",\"object\":{\"id\":\"https://a.example/n\\nX-Forged: 1\"} | its object's id must be an absolute http(s) IRI",
      "| a Create needs an object"})
  void malformedShapesAreNamed(String extra, String message) throws IOException {
    assertThat(As2Shapes.problem(activity(extra == null ? "" : extra))).hasValueSatisfying(p ->
        assertThat(p).contains(message.strip()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://a.example/1\n", "https://a.example/a b", "urn:x:1", "ftp://a.example/1"})
  void anIdIsAnHttpIriWithNothingThatBreaksALogLine(String id) throws IOException {
    ObjectNode a = activity(",\"object\":\"https://a.example/n\"");
    a.put("id", id);
    assertThat(As2Shapes.problem(a)).hasValueSatisfying(p -> assertThat(p).startsWith("the activity's id must be"));
  }
}
