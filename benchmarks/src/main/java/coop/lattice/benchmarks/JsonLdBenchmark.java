package coop.lattice.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.lattice.federation.rdf.FastPath;
import coop.lattice.federation.rdf.LinkedData;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JSON-LD to RDF for a small activity, as an inbox sees them: Jena's general JSON-LD 1.1 reader
 * (with the bundled contexts, offline) against the fast path. Both include parsing the bytes.
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class JsonLdBenchmark {
  static final ObjectMapper JSON = new ObjectMapper();
  /** A Create of a Note, as Mastodon-like servers and Lattice send them. */
  final byte[] doc = ("{\"@context\":[\"https://www.w3.org/ns/activitystreams\",{\"lattice\":\"https://lattice.coop/ns#\","
      + "\"sequence\":\"lattice:sequence\"}],\"id\":\"https://food.example/collectives/food/entries/42/activity\","
      + "\"type\":\"Create\",\"actor\":\"https://food.example/collectives/food\",\"published\":\"2026-11-27T10:00:00Z\","
      + "\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"],\"cc\":[\"https://food.example/collectives/food/followers\"],"
      + "\"object\":{\"id\":\"https://food.example/collectives/food/entries/42\",\"type\":\"Note\",\"attributedTo\":"
      + "\"https://food.example/collectives/food\",\"content\":\"<p>Food Co-op: ledger entry 42</p>\",\"sequence\":42}}")
      .getBytes(StandardCharsets.UTF_8);

  @Benchmark
  public Graph jena() throws Exception {
    return LinkedData.toGraph(doc);
  }

  @Benchmark
  public Graph fastPath() throws Exception {
    return FastPath.toGraph(JSON.readTree(doc)).orElseThrow();
  }
}
