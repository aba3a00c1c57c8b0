package coop.lattice.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.merkle.Hash;
import coop.lattice.merkle.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EquivocationTest {
  static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);
  static final CollectiveId FOOD = CollectiveId.of("food");
  static final Instant T = Instant.parse("2026-11-30T12:00:00Z");

  static MerkleTree tree(String prefix, int n) {
    MerkleTree t = new MerkleTree();
    for (int i = 0; i < n; i++) {
      t.append((prefix + i).getBytes(StandardCharsets.UTF_8));
    }
    return t;
  }

  static SignedCheckpoint signed(MerkleTree t, long size) {
    return new Checkpoint(FOOD, size, t.root(size), T).sign(KEY);
  }

  /** A fork: the same first 9 entries, then two different entry 9s, and more after. */
  static MerkleTree fork(int n) {
    MerkleTree t = tree("e", 9);
    for (int i = 9; i < n; i++) {
      t.append(("forked" + i).getBytes(StandardCharsets.UTF_8));
    }
    return t;
  }

  @Test
  void aLaterCheckpointWhosePrefixDiffersIsProvenAndTheProofSurvivesJson() {
    MerkleTree honest = tree("e", 11);
    MerkleTree forked = fork(14);
    Equivocation e = Equivocation.between(signed(honest, 11), signed(forked, 14), forked);
    assertThat(e).isNotNull();
    assertThat(e.verify(KEY.verificationKey())).isTrue();
    Equivocation again = Equivocation.parse(e.toBytes());
    assertThat(again.verify(KEY.verificationKey())).isTrue();
    assertThat(again.toBytes()).isEqualTo(e.toBytes());
  }

  @Test
  void consistentCheckpointsAreNoEquivocation() {
    MerkleTree t = tree("e", 20);
    assertThat(Equivocation.between(signed(t, 11), signed(t, 20), t)).isNull();
    assertThat(Equivocation.between(signed(t, 20), signed(t, 20), t)).isNull();
  }

  @Test
  void twoRootsAtOneSizeAreProvenWithoutAPath() {
    Equivocation e = Equivocation.between(signed(tree("e", 11), 11), signed(fork(11), 11), fork(11));
    assertThat(e).isNotNull();
    assertThat(e.laterRootAtEarlierSize()).isNull();
    assertThat(e.verify(KEY.verificationKey())).isTrue();
  }

  @Test
  void aForgedProofDoesNotVerify() {
    MerkleTree honest = tree("e", 11);
    MerkleTree forked = fork(14);
    Equivocation e = Equivocation.between(signed(honest, 11), signed(forked, 14), forked);
    // Another key, a claimed prefix root that is the honest one, a path from another tree: all refused.
    assertThat(e.verify(CollectiveKey.fromSeed(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32}).verificationKey())).isFalse();
    assertThat(new Equivocation(e.earlier(), e.later(), honest.root(11), e.path()).verify(KEY.verificationKey()))
        .isFalse();
    Hash elsewhere = tree("x", 11).root(11);
    assertThat(new Equivocation(e.earlier(), e.later(), elsewhere, e.path()).verify(KEY.verificationKey())).isFalse();
    assertThat(new Equivocation(e.earlier(), e.later(), e.laterRootAtEarlierSize(), List.of())
        .verify(KEY.verificationKey())).isFalse();
  }
}
