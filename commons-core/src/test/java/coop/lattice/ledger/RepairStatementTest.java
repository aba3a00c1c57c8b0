package coop.lattice.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RepairStatementTest {
  static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);

  static Collective food() {
    return Collective.found(CollectiveId.of("food"), "Food", MemberId.of("ana"), Appearance.byName("Ana"),
        LedgerStore.inMemory(), KEY, SteppingClock.startingAt("2026-11-30T12:00:00Z", Duration.ofSeconds(1)));
  }

  @Test
  void aDeclaredRepairVerifiesWithTheCollectivesKeyAndSurvivesJson() {
    Collective food = food();
    RepairStatement r = food.declareRepair("restore", "restored from the backup of 2026-11-29");
    assertThat(r.verify(KEY.verificationKey())).isTrue();
    assertThat(r.lastGood().checkpoint().size()).isEqualTo(food.ledger().size());
    RepairStatement again = RepairStatement.parse(r.toBytes());
    assertThat(again).isEqualTo(r);
    assertThat(again.verify(KEY.verificationKey())).isTrue();
  }

  @Test
  void aChangedReasonOrAnotherKeyDoesNotVerify() {
    RepairStatement r = food().declareRepair("truncation", "cut after a bad import");
    RepairStatement changed = new RepairStatement(r.collective(), r.lastGood(), r.kind(), "nothing happened", r.time(),
        r.signature());
    assertThat(changed.verify(KEY.verificationKey())).isFalse();
    byte[] other = new byte[32];
    other[0] = 7;
    assertThat(r.verify(CollectiveKey.fromSeed(other).verificationKey())).isFalse();
  }

  @Test
  void onlyTheThreeKindsAreDeclared() {
    assertThatThrownBy(() -> food().declareRepair("oops", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncation, a restore or a migration");
  }
}
