package coop.lattice.collective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.merkle.Hash;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The one assertion every bad-input test makes: a clear error, and nothing appended. */
final class Rejections {
  private Rejections() {}

  /** {@code command} throws {@code type} saying {@code says}; the ledger's size, root and the state are unchanged. */
  static void rejected(Collective coop, ThrowingCallable command, Class<? extends RuntimeException> type, String says) {
    long size = coop.ledger().size();
    Hash root = coop.ledger().root();
    CollectiveState state = coop.state();
    assertThatThrownBy(command).isInstanceOf(type).hasMessageContaining(says);
    assertThat(coop.ledger().size()).isEqualTo(size);
    assertThat(coop.ledger().root()).isEqualTo(root);
    assertThat(coop.state()).isEqualTo(state);
  }
}
