package coop.lattice.federation.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

/**
 * The fediverse corpus ({@code src/test/resources/fediverse-corpus}): activities shaped as
 * Mastodon, Pleroma, Lemmy, Misskey, Mitra, GoToSocial, PeerTube, Funkwhale and Mobilizon send
 * them, and an {@code edge/} folder of JSON-LD corner cases seen in real traffic. Its {@code
 * expected.tsv} says which documents read as JSON-LD with the bundled contexts ({@code accepted})
 * and which do not ({@code refused}, with why). Every document the fast path reads must give a
 * graph isomorphic to Jena's; the edge cases where they disagree today are listed by one test of
 * their own, {@link #theFastPathAgreesWithJenaOnTheEdgeCases()}.
 */
class FediverseCorpusTest {
  static final Path ROOT = Path.of("src/test/resources/fediverse-corpus");
  static final ObjectMapper JSON = new ObjectMapper();
  /** The bundled contexts' URLs, read from the index the code reads ({@code jsonld/contexts.tsv}). */
  static final List<String> BUNDLED = bundled();

  static List<String> bundled() {
    try (var in = FediverseCorpusTest.class.getResourceAsStream("/coop/lattice/federation/jsonld/contexts.tsv")) {
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip().split("\t")[0]);
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A corpus document: its path under the corpus root ({@code family/file.json}), bytes and tree. */
  record Doc(String path, byte[] bytes, JsonNode node) {}

  /** A line of expected.tsv. */
  record Expected(boolean accepted, String reason) {}

  static Map<String, Doc> corpus() throws IOException {
    Map<String, Doc> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = ROOT.relativize(f).toString().replace('\\', '/');
        if (!name.endsWith(".json")) {
          continue; // README.md, expected.tsv
        }
        byte[] bytes = Files.readAllBytes(f);
        out.put(name, new Doc(name, bytes, JSON.readTree(bytes)));
      }
    }
    return out;
  }

  static Map<String, Expected> expected() throws IOException {
    Map<String, Expected> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(ROOT.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t", -1);
      assertThat(parts).as("expected.tsv: not \"path<TAB>accepted|refused<TAB>reason\": %s", line).hasSize(3);
      assertThat(parts[1]).as("expected.tsv: %s", line).isIn("accepted", "refused");
      assertThat(out.put(parts[0], new Expected(parts[1].equals("accepted"), parts[2])))
          .as("expected.tsv lists %s twice", parts[0]).isNull();
    }
    return out;
  }

  /** The remote contexts a document names, at any depth (a trailing "#" dropped, as the loader does). */
  static List<String> remoteContexts(JsonNode node) {
    List<String> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isObject()) {
      JsonNode ctx = node.get("@context");
      if (ctx != null) {
        for (JsonNode c : ctx.isArray() ? ctx : List.of(ctx)) {
          if (c.isTextual()) {
            String url = c.asText();
            out.add(url.endsWith("#") ? url.substring(0, url.length() - 1) : url);
          }
        }
      }
      node.properties().forEach(e -> {
        if (!e.getKey().equals("@context")) {
          collect(e.getValue(), out);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    }
  }

  @Test
  void expectedTsvListsEveryDocumentOfTheCorpusAndNothingElse() throws Exception {
    assertThat(new TreeSet<>(expected().keySet())).isEqualTo(new TreeSet<>(corpus().keySet()));
    assertThat(corpus().keySet().stream().map(p -> p.substring(0, p.indexOf('/'))).distinct()
        .filter(f -> !f.equals("edge"))).as("server families in the corpus").hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void everyBundledContextReadsWithJenasJsonLdReader() throws Exception {
    List<String> unreadable = new ArrayList<>();
    for (String url : BUNDLED) {
      String doc = "{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"" + url
          + "\"],\"id\":\"https://x.example/1\",\"type\":\"Note\",\"content\":\"hi\"}";
      try {
        LinkedData.toGraph(doc.getBytes(StandardCharsets.UTF_8));
      } catch (LinkedData.Unreadable e) {
        unreadable.add(url + ": " + e.getMessage());
      }
    }
    assertThat(unreadable).as("bundled contexts Jena cannot use").isEmpty();
  }

  /**
   * Why {@code doc} does not read as JSON-LD with the bundled contexts, or empty when it reads: it
   * names an unbundled context (and Jena refuses it), Jena's reader refuses it, or what Jena reads
   * has lost the document's own node (an id that is not an IRI is dropped, as the standard says).
   */
  static Optional<String> whyNotRead(Doc doc) {
    List<String> unbundled = remoteContexts(doc.node()).stream().filter(u -> !BUNDLED.contains(u)).toList();
    try {
      Graph jena = LinkedData.toGraph(doc.bytes());
      if (!unbundled.isEmpty()) {
        return Optional.of("names contexts that are not bundled " + unbundled + ", yet Jena reads it");
      }
      Graph read = LinkedData.read(doc.node(), doc.bytes());
      if (jena.isEmpty() || read.isEmpty()) {
        return Optional.of("reads as an empty graph");
      }
      JsonNode id = doc.node().get("id");
      if (id != null && id.isTextual() && !jena.contains(NodeFactory.createURI(id.asText()), Node.ANY, Node.ANY)) {
        return Optional.of("its id " + id.asText() + " is not a subject of the graph");
      }
      return Optional.empty();
    } catch (LinkedData.Unreadable e) {
      return Optional.of(e.getMessage());
    }
  }

  @Test
  void theDocumentsExpectedToBeAcceptedReadAndTheRefusedOnesDoNot() throws Exception {
    Map<String, Expected> expected = expected();
    List<String> wrong = new ArrayList<>();
    for (Doc doc : corpus().values()) {
      Expected e = expected.get(doc.path());
      if (e == null) {
        continue; // the listing test says so
      }
      Optional<String> why = whyNotRead(doc);
      if (e.accepted() && why.isPresent()) {
        wrong.add(doc.path() + ": listed accepted, but " + why.get());
      } else if (!e.accepted() && why.isEmpty()) {
        wrong.add(doc.path() + ": listed refused (" + e.reason() + "), but it reads");
      }
    }
    assertThat(wrong).as("documents that do not read as expected.tsv says").isEmpty();
  }

  /** Where the fast path and Jena disagree on {@code doc}, why; empty when they agree or the fast path declines. */
  static Optional<String> disagreement(Doc doc) {
    Optional<Graph> fast = FastPath.toGraph(doc.node());
    assertThat(FastPath.readable(doc.node())).as("%s: FastPath.readable agrees with FastPath.toGraph", doc.path())
        .isEqualTo(fast.isPresent());
    if (fast.isEmpty()) {
      return Optional.empty();
    }
    Graph jena;
    try {
      jena = LinkedData.toGraph(doc.bytes());
    } catch (LinkedData.Unreadable e) {
      return Optional.of(doc.path() + ": the fast path reads what Jena refuses (" + e.getMessage() + ")");
    }
    if (!fast.get().isIsomorphicWith(jena)) {
      return Optional.of(doc.path() + ": fast path " + fast.get() + "\n  Jena " + jena);
    }
    return Optional.empty();
  }

  @Test
  void wheneverTheFastPathReadsAServersDocumentItsGraphIsIsomorphicToJenas() throws Exception {
    List<String> fast = new ArrayList<>();
    List<String> disagree = new ArrayList<>();
    for (Doc doc : corpus().values()) {
      if (doc.path().startsWith("edge/")) {
        continue;
      }
      if (FastPath.readable(doc.node())) {
        fast.add(doc.path());
      }
      disagreement(doc).ifPresent(disagree::add);
    }
    System.out.printf("Fediverse corpus: %d servers' documents through the fast path: %s%n", fast.size(), fast);
    assertThat(disagree).as("servers' documents where the fast path and Jena disagree").isEmpty();
  }

  /**
   * The known gaps of the fast path: the {@code edge/} documents (an id with a second {@code #},
   * {@code {{...}}} in IRIs, ill-formed language tags, relative IRIs, fractions) on which its graph
   * and Jena's differ. This test fails, naming them, until FastPath declines or reads them as Jena
   * does.
   */
  @Test
  void theFastPathAgreesWithJenaOnTheEdgeCases() throws Exception {
    List<String> disagree = new ArrayList<>();
    for (Doc doc : corpus().values()) {
      if (doc.path().startsWith("edge/")) {
        disagreement(doc).ifPresent(disagree::add);
      }
    }
    System.out.printf("Fediverse corpus, edge cases where the fast path and Jena disagree: %s%n",
        disagree.stream().map(d -> d.substring(0, d.indexOf(':'))).toList());
    assertThat(disagree).as("edge cases where the fast path and Jena disagree").isEmpty();
  }
}
