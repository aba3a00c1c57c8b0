package coop.lattice.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.store.LedgerStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Work on each entry done ahead while a ledger opens ({@link PreparingVisitor}): it reaches the
 * visitor with its own entry, in order; a preparation that fails is done again in the entry's
 * turn, which reports it in order; and the collective's members resolved ahead are resolved again
 * when an older entry taught the profiles something in between.
 */
class PreparingVisitorTest {
  /** More than two chunks of 4,096 entries: opened on the verifying threads, not on this one. */
  static final int N = 13_000;

  @Test
  void whatWasPreparedOfAnEntryReachesItsVisitInOrderAndWasPreparedOnTheVerifyingThreads() {
    LedgerStore store = OpenProgressProperties.ledgerOf(N);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Long> visited = new ArrayList<>();
    Ledger l = Ledger.open(store, OpenProgressProperties.KEY.verificationKey(), new PreparingVisitor<Long>() {
      @Override
      public Long prepare(Entry entry) {
        threads.add(Thread.currentThread().getName());
        return entry.sequence();
      }

      @Override
      public void visit(Entry entry, Long prepared) {
        assertThat(prepared).isEqualTo(entry.sequence());
        visited.add(prepared);
      }
    });

    assertThat(l.damage()).isEmpty();
    assertThat(visited).hasSize(N);
    for (int i = 0; i < N; i++) {
      assertThat(visited.get(i)).isEqualTo(i);
    }
    assertThat(threads).containsOnly("lattice-verify");
  }

  @Test
  void aPreparationThatFailsIsDoneAgainInItsTurnAndReportedThereInOrder() {
    LedgerStore store = OpenProgressProperties.ledgerOf(N);
    List<Long> visited = new ArrayList<>();
    Ledger l = Ledger.open(store, OpenProgressProperties.KEY.verificationKey(), new PreparingVisitor<Long>() {
      @Override
      public Long prepare(Entry entry) {
        if (entry.sequence() == 9_000) {
          throw new IllegalArgumentException("entry 9000 names nobody the profiles know");
        }
        return entry.sequence();
      }

      @Override
      public void visit(Entry entry, Long prepared) {
        visited.add(prepared);
      }
    });

    assertThat(l.damage()).hasValueSatisfying(d -> {
      assertThat(d.firstBadIndex()).isEqualTo(9_000);
      assertThat(d.reason()).contains("breaks the collective's rules: entry 9000 names nobody the profiles know");
    });
    assertThat(visited).hasSize(9_000).endsWith(8_999L);
    assertThat(l.size()).isEqualTo(9_000);
  }

  /**
   * A ledger from before handles, continued by today's code, whose profiles were never saved:
   * opening it learns each member from the old entries in order, and only then can the newer
   * entries' handles be resolved. Resolved ahead, before the learning, they would name nobody.
   */
  @Test
  void handlesResolvedAheadOfWhatAnOlderEntryTeachesAreResolvedAgainInTheirTurn() throws IOException {
    LedgerStore store = MigrationTest.legacy();
    Collective coop = Collective.open(store, MigrationTest.key(), MigrationTest.CLOCK);
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    long given = coop.submit(bo, new Event.ContributionRecorded(Contribution.toMember(bo, ana, ContributionKind.CARE,
        Quantity.hours("2")))).sequence();
    assertThat(new String(coop.ledger().entryBytes(given), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("\"bo\"").contains("\"h-");

    Collective reopened = Collective.open(store, MigrationTest.key(), MigrationTest.CLOCK);

    assertThat(reopened.state()).isEqualTo(coop.state());
    assertThat(reopened.state().contributions().get(given).contribution().giver()).isEqualTo(bo);
  }
}
