package coop.lattice.wall;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.collective.Replica;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.wall.seed.WallSeed;
import org.junit.jupiter.api.Test;

/**
 * The wall's seed holds a little of every practice (plans and swaps, lotteries, circles, trade,
 * polls): its copies' state digest (issue 14, item 6) covers every kind of record a state holds,
 * and two copies folded apart agree on it.
 */
class SeedDigestTest {
  @Test
  void everyKindOfRecordInAStateHasACanonicalFormAndCopiesAgree() {
    Ledger ledger = WallSeed.of("riverside", "Riverside Food Co-op", "plain").collective().ledger();
    Replica fromEntries = Replica.of(ledger);
    Replica fromBytes = new Replica();
    for (long i = 0; i < ledger.size(); i++) {
      fromBytes.apply(LedgerJson.decode(ledger.entryBytes(i), Entry.class));
    }
    assertThat(fromEntries.state().plan()).isNotNull();
    assertThat(fromEntries.state().lotteries()).isNotEmpty();
    assertThat(fromEntries.state().exchanges().trades()).isNotEmpty();
    assertThat(fromBytes.state().digest()).isEqualTo(fromEntries.state().digest());
  }
}
