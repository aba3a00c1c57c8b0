package coop.lattice.merkle;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.io.BaseEncoding;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The transparency-dev/merkle conformance vectors: a verifier must say "valid" exactly when the
 * vector's {@code wantErr} is false.
 */
class MerkleVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The vectors ship with the tests (test resources, Apache-2.0; provenance in their README). */
  static Path vectors() {
    URL readme = MerkleVectorsTest.class.getResource("/vectors/merkle/README.md");
    if (readme == null) {
      throw new IllegalStateException("the Merkle vectors are missing from the test resources"
          + " (commons-core/src/test/resources/vectors/merkle)");
    }
    try {
      return Path.of(readme.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> cases(String kind) throws IOException {
    try (Stream<Path> s = Files.walk(vectors().resolve(kind))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static byte[] b64(JsonNode n) {
    return n == null || n.isNull() ? new byte[0] : Base64.getDecoder().decode(n.asText());
  }

  private static List<byte[]> proof(JsonNode n) {
    List<byte[]> out = new ArrayList<>();
    if (n != null && !n.isNull()) {
      n.forEach(x -> out.add(Base64.getDecoder().decode(x.asText())));
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> inclusionVectors() throws IOException {
    List<Path> files = cases("inclusion");
    assertTrue(files.size() > 80, "expected the full inclusion corpus, found " + files.size());
    return files.stream().map(f -> DynamicTest.dynamicTest(vectors().relativize(f).toString(), () -> {
      JsonNode v = JSON.readTree(f.toFile());
      boolean valid = MerkleVerifier.verifyInclusion(v.get("leafIdx").asLong(), v.get("treeSize").asLong(),
          b64(v.get("leafHash")), b64(v.get("root")), proof(v.get("proof")));
      assertEquals(!v.get("wantErr").asBoolean(), valid, v.get("desc").asText());
    }));
  }

  @TestFactory
  Stream<DynamicTest> consistencyVectors() throws IOException {
    List<Path> files = cases("consistency");
    assertTrue(files.size() > 80, "expected the full consistency corpus, found " + files.size());
    return files.stream().map(f -> DynamicTest.dynamicTest(vectors().relativize(f).toString(), () -> {
      JsonNode v = JSON.readTree(f.toFile());
      boolean valid = MerkleVerifier.verifyConsistency(v.get("size1").asLong(), v.get("size2").asLong(),
          b64(v.get("root1")), b64(v.get("root2")), proof(v.get("proof")));
      assertEquals(!v.get("wantErr").asBoolean(), valid, v.get("desc").asText());
    }));
  }

  /** The happy-path vectors were made from the classic 8 leaves: our tree must produce the very same proofs. */
  @TestFactory
  Stream<DynamicTest> ourProofsEqualTheHappyPaths() throws IOException {
    MerkleTree tree = classicEight();
    return cases("inclusion").stream().filter(f -> f.endsWith("happy-path.json"))
        .map(f -> DynamicTest.dynamicTest(vectors().relativize(f).toString(), () -> {
          JsonNode v = JSON.readTree(f.toFile());
          InclusionProof p = tree.inclusionProof(v.get("leafIdx").asLong(), v.get("treeSize").asLong());
          assertEquals(encode(proof(v.get("proof"))), encode(InclusionProof.raw(p.path())));
          assertEquals(Base64.getEncoder().encodeToString(tree.root(v.get("treeSize").asLong()).toByteArray()),
              v.get("root").asText());
        }));
  }

  @TestFactory
  Stream<DynamicTest> ourConsistencyProofsEqualTheHappyPaths() throws IOException {
    MerkleTree tree = classicEight();
    return cases("consistency").stream().filter(f -> f.endsWith("happy-path.json"))
        .map(f -> DynamicTest.dynamicTest(vectors().relativize(f).toString(), () -> {
          JsonNode v = JSON.readTree(f.toFile());
          long size1 = v.get("size1").asLong();
          long size2 = v.get("size2").asLong();
          ConsistencyProof p = tree.consistencyProof(size1, size2);
          assertEquals(encode(proof(v.get("proof"))), encode(InclusionProof.raw(p.path())));
          assertTrue(p.verify(tree.root(size1), tree.root(size2)));
        }));
  }

  private static List<String> encode(List<byte[]> hashes) {
    return hashes.stream().map(h -> Base64.getEncoder().encodeToString(h)).toList();
  }

  static MerkleTree classicEight() {
    MerkleTree tree = new MerkleTree();
    for (String hex : new String[] {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f"}) {
      tree.append(BaseEncoding.base16().lowerCase().decode(hex));
    }
    return tree;
  }

  @Test
  void rootsOfTheClassicEightLeaves() {
    MerkleTree tree = classicEight();
    assertEquals("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328", tree.root().hex());
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", tree.root(0).hex());
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Hash.sha256("".getBytes(US_ASCII)).hex());
    // Intermediate roots from RFC 6962's reference test data (certificate-transparency-go).
    assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", tree.root(1).hex());
    assertEquals("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125", tree.root(2).hex());
    assertEquals("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77", tree.root(3).hex());
    assertEquals("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7", tree.root(4).hex());
    assertEquals("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4", tree.root(5).hex());
    assertEquals("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef", tree.root(6).hex());
    assertEquals("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c", tree.root(7).hex());
  }
}
