package coop.lattice.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.MemberId;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.CollectiveSecret;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PseudonymsTest {
  static CollectiveKey key(int b) {
    byte[] seed = new byte[32];
    seed[0] = (byte) b;
    return CollectiveKey.fromSeed(seed);
  }

  final Pseudonyms food = Pseudonyms.of(CollectiveSecret.of(key(1)));
  final Pseudonyms repair = Pseudonyms.of(CollectiveSecret.of(key(2)));
  final MemberId ana = MemberId.of("ana");

  @Test
  void oneMemberHasAStableHandleInACollectiveAndUnrelatedOnesInTwo() {
    assertThat(food.handle(ana)).isEqualTo(Pseudonyms.of(CollectiveSecret.of(key(1))).handle(ana));
    assertThat(food.handle(ana)).isNotEqualTo(repair.handle(ana)).isNotEqualTo(food.handle(MemberId.of("bo")));
    assertThat(food.handle(ana).value()).matches("h-[a-z2-7]{16}").doesNotContain("ana");
    assertThat(Pseudonyms.isHandle(food.handle(ana))).isTrue();
    assertThat(Pseudonyms.isHandle(ana)).isFalse();
  }

  @Test
  void aTagIsDifferentInEveryEntryAndOpensOnlyForItsOwnEntryAndCollective() {
    Set<MemberId> tags = new HashSet<>();
    for (long seq = 0; seq < 1000; seq++) {
      MemberId tag = food.tag(7, seq);
      assertThat(tag.value()).matches("t-[a-z2-7]{26}");
      assertThat(tags.add(tag)).isTrue();
      assertThat(food.number(tag, seq)).hasValue(7);
      assertThat(food.number(tag, seq + 1)).isEmpty(); // copied to another entry: not a tag of that entry
      assertThat(repair.number(tag, seq)).isNotEqualTo(food.number(tag, seq)); // another collective's key
    }
    assertThat(food.tag(8, 5)).isNotEqualTo(food.tag(7, 5));
    assertThat(food.number(food.handle(ana), 3)).isEmpty();
    assertThat(food.number(MemberId.of("t-rex"), 3)).isEmpty();
  }

  @Test
  void anAppearanceIsSealedWithASaltOnlyTheCollectiveDerives() {
    Appearance bo = Appearance.byName("Bo");
    assertThat(food.seal(bo, 4)).isEqualTo(Pseudonyms.of(CollectiveSecret.of(key(1))).seal(bo, 4));
    assertThat(food.seal(bo, 4)).isNotEqualTo(food.seal(bo, 5)).isNotEqualTo(repair.seal(bo, 4))
        .isNotEqualTo(food.seal(Appearance.byName("Bo B."), 4));
    assertThat(food.salt(4)).matches("[0-9a-f]{32}").isNotEqualTo(repair.salt(4));
  }
}
