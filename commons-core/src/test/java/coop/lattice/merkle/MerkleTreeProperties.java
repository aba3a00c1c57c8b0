package coop.lattice.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of the Merkle tree, checked against a direct transcription of RFC 9162's MTH definition. */
class MerkleTreeProperties {

  @Provide
  Arbitrary<List<byte[]>> leaves() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(40).list().ofMinSize(1).ofMaxSize(70);
  }

  static MerkleTree treeOf(List<byte[]> leaves) {
    MerkleTree t = new MerkleTree();
    leaves.forEach(t::append);
    return t;
  }

  /** RFC 9162 section 2.1.1, written as the RFC reads. */
  static byte[] referenceRoot(List<byte[]> d) {
    if (d.isEmpty()) {
      return Hash.sha256(new byte[0]).toByteArray();
    }
    if (d.size() == 1) {
      return Hashing.leaf(d.get(0), 0, d.get(0).length);
    }
    int k = Integer.highestOneBit(d.size() - 1);
    return Hashing.node(referenceRoot(d.subList(0, k)), referenceRoot(d.subList(k, d.size())));
  }

  @Group
  class Roots {
    @Property(tries = 300, seed = "20261138")
    void everyPrefixRootEqualsTheDefinition(@ForAll("leaves") List<byte[]> leaves) {
      MerkleTree t = treeOf(leaves);
      for (int n = 0; n <= leaves.size(); n++) {
        assertThat(t.root(n).toByteArray()).isEqualTo(referenceRoot(leaves.subList(0, n)));
      }
    }
  }

  @Group
  class Inclusion {
    @Property(tries = 300, seed = "20261139")
    void everyInclusionProofVerifies(@ForAll("leaves") List<byte[]> leaves) {
      MerkleTree t = treeOf(leaves);
      for (long size = 1; size <= leaves.size(); size++) {
        Hash root = t.root(size);
        for (long i = 0; i < size; i++) {
          assertThat(t.inclusionProof(i, size).verify(t.leafHashAt(i), root)).isTrue();
        }
      }
    }

    @Property(tries = 300, seed = "20261140")
    void aProofNeverVerifiesAnotherLeafOrSize(@ForAll("leaves") List<byte[]> leaves,
        @ForAll @IntRange(min = 0, max = 1000) int a, @ForAll @IntRange(min = 0, max = 1000) int b) {
      MerkleTree t = treeOf(leaves);
      long size = 1 + a % leaves.size();
      long i = b % size;
      InclusionProof p = t.inclusionProof(i, size);
      for (long j = 0; j < size; j++) {
        if (!Arrays.equals(leaves.get((int) j), leaves.get((int) i))) {
          assertThat(p.verify(t.leafHashAt(j), t.root(size))).as("leaf %s with proof for %s", j, i).isFalse();
        }
      }
      for (long other = 1; other <= leaves.size(); other++) {
        if (other != size) {
          InclusionProof moved = new InclusionProof(i, other, p.path());
          boolean sameRoot = t.root(other).equals(t.root(size));
          if (!sameRoot && i < other) {
            assertThat(moved.verify(t.leafHashAt(i), t.root(other))).as("size %s with proof for %s", other, size).isFalse();
          }
        }
      }
    }
  }

  @Group
  class Consistency {
    @Property(tries = 300, seed = "20261141")
    void everyConsistencyProofVerifies(@ForAll("leaves") List<byte[]> leaves) {
      MerkleTree t = treeOf(leaves);
      for (long m = 1; m <= leaves.size(); m++) {
        for (long n = m; n <= leaves.size(); n++) {
          assertThat(t.consistencyProof(m, n).verify(t.root(m), t.root(n))).as("%s -> %s", m, n).isTrue();
        }
      }
    }

    @Property(tries = 300, seed = "20261142")
    void aRewrittenHistoryNeverVerifies(@ForAll("leaves") List<byte[]> leaves,
        @ForAll @IntRange(min = 0, max = 10_000) int pick, @ForAll byte flip) {
      Assume.that(leaves.size() >= 2 && flip != 0);
      long n = leaves.size();
      long m = 1 + pick % (n - 1);
      int victim = (int) (pick % m);
      MerkleTree honest = treeOf(leaves);
      byte[] changed = Arrays.copyOf(leaves.get(victim), leaves.get(victim).length + 1);
      changed[changed.length - 1] ^= flip;
      List<byte[]> forged = new ArrayList<>(leaves);
      forged.set(victim, changed);
      MerkleTree liar = treeOf(forged);
      // The liar's proof from the honest old root to its own new root must fail.
      ConsistencyProof p = liar.consistencyProof(m, n);
      assertThat(p.verify(honest.root(m), liar.root(n))).isFalse();
      // And a proof for other sizes never verifies.
      ConsistencyProof q = honest.consistencyProof(m, n);
      if (m + 1 < n) {
        assertThat(new ConsistencyProof(m + 1, n, q.path()).verify(honest.root(m + 1), honest.root(n))
            && !q.path().equals(honest.consistencyProof(m + 1, n).path())).isFalse();
      }
    }
  }

  @Example
  void theEmptyTreeHasTheRootOfTheEmptyString() {
    assertThat(new MerkleTree().root().hex())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
