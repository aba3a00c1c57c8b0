package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.federation.hosting.Documents;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.json.ActivityStreams;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.keys.ObjectProofs;
import coop.lattice.federation.rdf.FastPath;
import coop.lattice.federation.rdf.LinkedData;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.store.LedgerStore;
import coop.lattice.testkit.SteppingClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON-LD fast path against Jena's own reader on a corpus: the examples of the ActivityStreams
 * 2.0 specifications, real payloads of Fedify, and Lattice's own activities. Every graph the fast
 * path gives must be isomorphic to Jena's; where it declines, Jena reads the document. Lattice's
 * own activities must all take the fast path.
 */
class FastPathIsomorphismTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyGraphTheFastPathGivesIsIsomorphicToJenasAndLatticesOwnActivitiesAllTakeIt(@TempDir Path dir)
      throws Exception {
    Map<String, byte[]> corpus = new LinkedHashMap<>();
    for (String folder : List.of("as2", "fedify")) {
      Path p = Path.of("src/test/resources/jsonld-corpus", folder);
      try (Stream<Path> files = Files.list(p)) {
        for (Path f : files.sorted().toList()) {
          corpus.put(folder + "/" + f.getFileName(), Files.readAllBytes(f));
        }
      }
    }
    List<String> lattice = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : latticeActivities(dir).entrySet()) {
      corpus.put(e.getKey(), e.getValue());
      lattice.add(e.getKey());
    }

    List<String> fast = new ArrayList<>();
    List<String> declined = new ArrayList<>();
    for (Map.Entry<String, byte[]> doc : corpus.entrySet()) {
      Graph jena = LinkedData.toGraph(doc.getValue());
      var ours = FastPath.toGraph(JSON.readTree(doc.getValue()));
      assertThat(FastPath.readable(JSON.readTree(doc.getValue()))).isEqualTo(ours.isPresent());
      if (ours.isEmpty()) {
        declined.add(doc.getKey());
        continue;
      }
      fast.add(doc.getKey());
      assertThat(ours.get().isIsomorphicWith(jena)).as("%s: fast path %s%nJena %s", doc.getKey(), ours.get(), jena)
          .isTrue();
    }
    System.out.printf("JSON-LD corpus: %d documents, %d through the fast path (isomorphic to Jena), %d declined: %s%n",
        corpus.size(), fast.size(), declined.size(), declined);
    assertThat(fast).containsAll(lattice);
    assertThat(fast.size()).isGreaterThan(corpus.size() / 2);
  }

  /** Every activity a node sends for a small ledger: entries (with and without proofs), a checkpoint, follows. */
  static Map<String, byte[]> latticeActivities(Path dir) {
    SteppingClock clock = SteppingClock.startingAt(Instant.parse("2026-11-27T10:00:00Z"), Duration.ofSeconds(1));
    MemberId ana = MemberId.of("ana");
    Collective coop = Collective.found(CollectiveId.of("food"), "Food Co-op <b>&", ana, Appearance.byName("Ana"),
        LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), clock);
    coop.admit(ana, MemberId.of("bo"), Appearance.pseudonym("bo"));
    coop.acknowledge(ana, coop.record(Contribution.toMember(MemberId.of("bo"), ana, ContributionKind.CARE,
        Quantity.hours("1.5"))));
    var node = FederationNode.builder(io.vertx.core.Vertx.vertx(), URI.create("https://food.example"), dir)
        .collective(coop).build();
    HostedCollective h = node.hostedForTests(coop.id());
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (long i = 0; i < coop.ledger().size(); i++) {
      ObjectNode create = Documents.create(h, coop.ledger().entry(i));
      out.put("lattice/entry-" + i + ".json", Json.bytes(create));
      out.put("lattice/entry-" + i + "-proof.json", Json.bytes(ObjectProofs.sign(create, h.ed25519KeyId(),
          h.keys().ed25519Private(), clock.instant())));
    }
    out.put("lattice/checkpoint.json", Json.bytes(Documents.checkpoint(h, coop.checkpoint())));
    ObjectNode follow = Json.object();
    follow.put("@context", ActivityStreams.CONTEXT);
    follow.put("id", h.actor() + "/follows/1");
    follow.put("type", "Follow");
    follow.put("actor", h.actor().toString());
    follow.put("object", "https://repair.example/collectives/fixit");
    out.put("lattice/follow.json", Json.bytes(follow));
    ObjectNode byUrl = Documents.create(h, coop.ledger().entry(2));
    byUrl.putArray("@context").add(ActivityStreams.CONTEXT).add("https://lattice.coop/ns");
    out.put("lattice/entry-2-context-url.json", Json.bytes(byUrl));
    return out;
  }
}
