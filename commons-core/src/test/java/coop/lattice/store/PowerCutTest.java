package coop.lattice.store;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.MemberId;
import coop.lattice.Progress;
import coop.lattice.ledger.Ledger;
import coop.lattice.store.PowerCutDisk.PowerCut;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal over a disk that loses every byte not forced when the power fails ({@link
 * PowerCutDisk}): a writer appends, syncs and checkpoints at random until the power is cut at a
 * random operation (inside a write, between a force and the next, while a segment rolls or a
 * checkpoint is renamed, while a recovering open cuts a torn tail), then the journal is opened
 * again. Every time: every entry a sync acknowledged is there, the checkpoint is at least the
 * last one written, the acknowledged size on disk claims all of them and nothing that is not
 * there, nothing is reported damaged, and every entry that is there is the one written.
 *
 * <p>A force missing from the journal (of the records before a sync returns, of the acknowledged
 * size, of a segment before the next one starts, of a new segment's directory entry, of a
 * checkpoint before or after its rename) makes this test fail. Deterministic: one seed, no
 * threads, no clocks, no sleeps. {@code -Dlattice.powercut.cuts=N} sets the cuts per journal.
 */
class PowerCutTest {
  /** Journals, each on a fresh disk, so that each reopen verifies hundreds of entries, not thousands. */
  static final int JOURNALS = 8;
  static final int CUTS = Integer.getInteger("lattice.powercut.cuts", 40);
  private static final long SEGMENT = 4096;
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  @TempDir Path dir;
  private int tornTailsCut;
  private int beyondAcknowledged;
  private int tornWrites;
  private long acknowledgedInAll;

  @Test
  void everyAcknowledgedEntrySurvivesAPowerCutAndNothingElseIsClaimed() {
    Random random = new Random(20261201L);
    for (int journal = 0; journal < JOURNALS; journal++) {
      PowerCutDisk disk = new PowerCutDisk(random);
      cutAndReopen(dir.resolve("journal-" + journal), disk, random);
      assertThat(disk.cuts()).isGreaterThanOrEqualTo(CUTS);
      tornWrites += disk.tornWrites();
    }
    // The cuts landed everywhere: writes torn, torn tails cut, unacknowledged entries that survived anyway.
    int cuts = JOURNALS * CUTS;
    assertThat(tornWrites).as("writes torn by a cut").isGreaterThan(cuts / 20);
    assertThat(tornTailsCut).as("opens that cut a torn tail").isGreaterThan(cuts / 40);
    assertThat(beyondAcknowledged).as("opens with unacknowledged entries that survived").isGreaterThan(cuts / 10);
    assertThat(acknowledgedInAll).isGreaterThan(cuts);
  }

  private void cutAndReopen(Path journal, PowerCutDisk disk, Random random) {
    try (FileJournal j = open(journal, disk)) {
      JournalFixture.build(j, 0, false); // 3 entries, each command synced
    }
    long acknowledged = 3; // what the last sync that returned covered
    long checkpointed = 0; // the size of the last checkpoint written
    for (int round = 0; round <= CUTS; round++) {
      FileJournal j = open(journal, disk); // the boot after a cut: check it, then write on it until the next
      try {
        String when = "after cut " + disk.cuts() + " of " + journal.getFileName();
        assertThat(j.damage()).as("damage " + when).isEmpty();
        assertThat(j.size()).as("entries " + when).isGreaterThanOrEqualTo(acknowledged);
        assertThat(j.acknowledgedSize()).as("the acknowledged size on disk " + when)
            .isGreaterThanOrEqualTo(acknowledged).isLessThanOrEqualTo(j.size());
        assertThat(j.checkpoint().map(LedgerStore.StoredCheckpoint::size).orElse(0L)).as("checkpoint " + when)
            .isGreaterThanOrEqualTo(checkpointed);
        Ledger ledger = Ledger.open(j, JournalFixture.KEY.verificationKey(), e -> {
          if (e.sequence() >= 3) {
            assertThat(e.event()).isEqualTo(CrashWriter.expected(e.sequence()));
            assertThat(e.time()).isEqualTo(T0.plusSeconds(e.sequence()));
          }
        });
        assertThat(ledger.damage()).as("ledger " + when).isEmpty(); // the chain, and the checkpoint's root
        assertThat(ledger.size()).isEqualTo(j.size());
        beyondAcknowledged += j.size() > acknowledged ? 1 : 0;
        tornTailsCut += j.tornBytesCut() > 0 ? 1 : 0;
        if (round == CUTS) {
          break;
        }

        disk.cutPowerAfter(1 + random.nextInt(40));
        while (true) { // until the power fails
          int action = random.nextInt(10);
          if (action < 6) {
            append(ledger, 1 + random.nextInt(6));
          } else if (action < 9) {
            ledger.sync();
            acknowledged = ledger.size();
          } else {
            long size = ledger.size();
            ledger.checkpoint(JournalFixture.KEY, T0.plusSeconds(size));
            checkpointed = size;
          }
        }
      } catch (PowerCut expected) {
        // the machine is off; what follows is the next boot
      } finally {
        j.close(); // dead channels: this releases the process's lock and writes nothing
      }

      if (random.nextInt(3) == 0) { // the power fails again while the journal recovers
        disk.cutPowerAfter(1 + random.nextInt(4));
        try (FileJournal again = open(journal, disk)) {
          assertThat(again.damage()).isEmpty();
        } catch (PowerCut expected) {
          // and once more the next boot
        }
        disk.disarm();
      }
    }
    acknowledgedInAll += acknowledged;
  }

  private static FileJournal open(Path journal, PowerCutDisk disk) {
    return FileJournal.open(journal, SEGMENT, Progress.none(), disk);
  }

  private static void append(Ledger ledger, int n) {
    List<Ledger.Draft> drafts = new ArrayList<>(n);
    long next = ledger.size();
    for (int k = 0; k < n; k++) {
      drafts.add(new Ledger.Draft(T0.plusSeconds(next + k), MemberId.of("bo"), CrashWriter.expected(next + k)));
    }
    ledger.appendAll(drafts);
  }
}
