package coop.lattice.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.merkle.Hash;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CosignatureTest {
  static final CollectiveKey FOOD = CollectiveKey.fromSeed(new byte[32]);
  static final CollectiveKey WITNESS = CollectiveKey.fromSeed(seed(3));
  static final Instant T = Instant.parse("2026-11-30T12:00:00Z");

  static byte[] seed(int b) {
    byte[] s = new byte[32];
    s[0] = (byte) b;
    return s;
  }

  static SignedCheckpoint checkpoint(long size, int rootByte) {
    return new Checkpoint(CollectiveId.of("food"), size, Hash.sha256(new byte[] {(byte) rootByte}), T).sign(FOOD);
  }

  @Test
  void aCosignatureVerifiesForItsCheckpointWithItsWitnessesKeyAndSurvivesJson() {
    SignedCheckpoint cp = checkpoint(12, 1);
    Cosignature c = Cosignature.sign(cp, "https://cafe.example/collectives/cafe", WITNESS, T.plusSeconds(5));
    assertThat(c.verify(cp)).isTrue();
    assertThat(c.verify(cp, WITNESS.verificationKey())).isTrue();
    Cosignature again = Cosignature.parse(c.toBytes());
    assertThat(again).isEqualTo(c);
    assertThat(again.verify(cp)).isTrue();
  }

  @Test
  void itDoesNotVerifyForAnotherCheckpointAnotherKeyOrAChangedWitness() {
    SignedCheckpoint cp = checkpoint(12, 1);
    Cosignature c = Cosignature.sign(cp, "https://cafe.example/collectives/cafe", WITNESS, T);
    assertThat(c.verify(checkpoint(12, 2))).isFalse();
    assertThat(c.verify(checkpoint(13, 1))).isFalse();
    assertThat(c.verify(cp, FOOD.verificationKey())).isFalse();
    Cosignature renamed = new Cosignature(c.collective(), c.size(), c.root(), "https://evil.example/x", c.witnessKey(),
        c.time(), c.signature());
    assertThat(renamed.verify(cp)).isFalse();
  }
}
