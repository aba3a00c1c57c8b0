package coop.lattice.federation.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the standard algorithm drops a node or a literal (ill-formed IRIs, ill-formed language
 * tags), the fast path must not keep it: it declines, and Jena's graph is the graph.
 */
class FastPathEdgeTest {
  static final String HEAD = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",";

  @ParameterizedTest
  @ValueSource(strings = {
      "\"id\":\"https://x.example/a#b#c\",\"type\":\"Note\",\"content\":\"x\",\"attributedTo\":\"https://x.example/u\"}",
      "\"id\":\"https://x.example/{{id}}\",\"type\":\"Note\",\"content\":\"x\"}",
      "\"id\":\"https://x.example/n\",\"type\":\"Note\",\"url\":\"https://x.example/{{id}}\",\"content\":\"x\"}",
      "\"id\":\"https://x.example/n\",\"type\":\"Note\",\"url\":\"https://x.example/a|b\"}",
      "\"id\":\"https://x.example/n\",\"type\":\"Note\",\"url\":\"https://x.example/%zz\"}",
      "\"id\":\"https://x.example/n\",\"type\":\"Note\",\"url\":\"https://x.example/a b\"}",
      "\"id\":\"https://x.example/n\",\"type\":\"Note\",\"contentMap\":{\"en_US\":\"a\",\"en\":\"c\"}}",
      "\"id\":\"https://x.example/n\",\"type\":\"Note\",\"contentMap\":{\"x\":\"b\"}}",
      "\"id\":\"https://x.example/n\",\"type\":\"Note\",\"contentMap\":{\"i-klingon\":\"e\",\"en-ab1\":\"d\"}}"})
  void theFastPathGivesJenasGraphOrDeclines(String rest) throws Exception {
    byte[] json = (HEAD + rest).getBytes(StandardCharsets.UTF_8);
    Graph jena = LinkedData.toGraph(json);
    assertThat(FastPath.toGraph(new ObjectMapper().readTree(json))).isEmpty();
    assertThat(LinkedData.read(new ObjectMapper().readTree(json), json).isIsomorphicWith(jena)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://x.example/a", "https://x.example/a?b=c&d=e#f", "https://x.example/%41%7e",
      "https://x.example/@alice", "urn:uuid:0b7c9d4e-0000-4000-8000-000000000000", "https://x.example/(x);y=z*"})
  void plainIrisStayOnTheFastPath(String iri) {
    assertThat(Iris.plainIri(iri)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://x.example/a#b#c", "https://x.example/{{id}}", "https://x.example/%4",
      "https://x.example/a\"b", "https://[::1]/a", "https://x.example/caf\u00e9", "https://x.example/a\nb"})
  void anythingElseGoesToTheGeneralReader(String iri) {
    assertThat(Iris.plainIri(iri)).isFalse();
  }

  /**
   * An inline context is read once and kept by its JSON: a document changed after it was read
   * (its context given another term) is read with what it says now, and the context as it first
   * was still reads as it did.
   */
  @Test
  void anInlineContextIsKeptByWhatItSaysNotByTheDocumentThatBroughtIt() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String text = "{\"@context\":[\"https://www.w3.org/ns/activitystreams\",{\"mood\":\"https://x.example/ns#mood\"}],"
        + "\"id\":\"https://x.example/n\",\"type\":\"Note\",\"mood\":\"calm\"}";
    ObjectNode first = (ObjectNode) json.readTree(text);
    assertThat(predicates(first)).contains("https://x.example/ns#mood");
    ((ObjectNode) first.withArray("@context").get(1)).put("mood", "https://y.example/ns#mood");
    assertThat(predicates(first)).contains("https://y.example/ns#mood").doesNotContain("https://x.example/ns#mood");
    assertThat(predicates(json.readTree(text))).contains("https://x.example/ns#mood");
    assertThat(FastPath.toGraph(first).orElseThrow().isIsomorphicWith(
        LinkedData.toGraph(first.toString().getBytes(StandardCharsets.UTF_8)))).isTrue();
  }

  /**
   * JSON-LD reads a context object's members in no order: a term used as a prefix by a member
   * written before it reads the same as when written after it. The fast path reads the object in
   * the order written, so it declines the first form, and its cache (by JSON, which ignores member
   * order) gives either form what the general reader gives, whichever arrives first.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aContextObjectReadsAsJsonLdReadsItInAnyOrderOfItsMembers(boolean laterPrefixFirst) throws Exception {
    ObjectMapper json = new ObjectMapper();
    String ns = "https://x.example/" + laterPrefixFirst + "/ns#";
    String defined = "{\"ex\":\"" + ns + "\",\"m\":\"ex:\"}";
    String usedFirst = "{\"m\":\"ex:\",\"ex\":\"" + ns + "\"}";
    List<String> arriving = laterPrefixFirst ? List.of(usedFirst, defined) : List.of(defined, usedFirst);
    for (String context : arriving) {
      byte[] doc = ("{\"@context\":[\"https://www.w3.org/ns/activitystreams\"," + context + "],"
          + "\"id\":\"https://x.example/n\",\"type\":\"Note\",\"m:mood\":\"calm\"}").getBytes(StandardCharsets.UTF_8);
      Graph jena = LinkedData.toGraph(doc);
      assertThat(jena.find().mapWith(t -> t.getPredicate().getURI()).toList()).contains(ns + "mood");
      java.util.Optional<Graph> fast = FastPath.toGraph(json.readTree(doc));
      if (context.equals(defined) || !laterPrefixFirst) {
        assertThat(fast).isPresent(); // read, or given the reading of the same context read before
      }
      fast.ifPresent(g -> assertThat(g.isIsomorphicWith(jena)).isTrue());
    }
  }

  @Test
  void aSmallContextIsReadOnceAndAHugeOneEachTime() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode small = json.readTree("[\"https://www.w3.org/ns/activitystreams\",{\"hue\":\"https://x.example/ns#hue\"}]");
    assertThat(FastContext.of(small)).isSameAs(FastContext.of(small.deepCopy()));
    ObjectNode terms = json.createObjectNode();
    for (int i = 0; i < 100; i++) {
      terms.put("t" + i, "https://x.example/huge#t" + i);
    }
    JsonNode huge = json.createArrayNode().add("https://www.w3.org/ns/activitystreams").add(terms);
    assertThat(FastContext.of(huge).terms()).containsKey("t99");
    assertThat(FastContext.of(huge)).isNotSameAs(FastContext.of(huge));
  }

  /** Documents that each bring new compact IRIs (as keys and as types) do not grow a shared context without end. */
  @Test
  void theNodesAContextKeepsAreBounded() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < FastContext.REMEMBERED + 500; i++) {
      String doc = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"https://x.example/n" + i + "\","
          + "\"type\":\"https://x.example/types#T" + i + "\",\"https://x.example/p#k" + i + "\":\"v\"}";
      assertThat(predicates(json.readTree(doc))).contains("https://x.example/p#k" + i);
    }
    FastContext as = FastContext.of(json.readTree("\"https://www.w3.org/ns/activitystreams\""));
    assertThat(as.predicates()).hasSizeLessThanOrEqualTo(FastContext.REMEMBERED);
    assertThat(as.types()).hasSizeLessThanOrEqualTo(FastContext.REMEMBERED);
  }

  private static java.util.List<String> predicates(JsonNode doc) {
    return FastPath.toGraph(doc).orElseThrow().find().mapWith(t -> t.getPredicate().getURI()).toList();
  }
}
