package coop.lattice.store;

import static coop.lattice.store.JournalFixture.build;
import static coop.lattice.store.JournalFixture.frames;
import static coop.lattice.store.JournalFixture.open;
import static coop.lattice.store.JournalFixture.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.LedgerDamagedException;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Ledger;
import coop.lattice.merkle.Hash;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records a sync acknowledged never vanish silently: a journal found shorter than what it
 * acknowledged (its last segment cut at a record boundary, or deleted) opens damaged, with both
 * numbers, refuses appends, and changes no file; a torn tail nobody was promised is still cut
 * without a word.
 */
class AcknowledgedLossTest {
  private static final long SEGMENT = 4096;

  @TempDir Path dir;
  private long size;
  private Hash root;

  /** 123 entries, every one acknowledged by a sync, over several segments, and no checkpoint. */
  @BeforeEach
  void acknowledgedEntries() {
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      Collective c = build(j, 60, false);
      size = c.ledger().size();
      root = c.ledger().root();
      assertThat(j.acknowledgedSize()).isEqualTo(size);
    }
    assertThat(size).isEqualTo(123);
    assertThat(segments(dir)).hasSizeGreaterThan(3);
  }

  @Test
  void theLastSegmentCutAtARecordBoundaryIsReportedNotAccepted() throws IOException {
    Path last = lastSegment();
    byte[] whole = Files.readAllBytes(last);
    List<long[]> frames = frames(last);
    long firstOfLast = first(last);
    long keep = frames.size() - 2; // the last two records go, cleanly, frame and all
    try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
      ch.truncate(frames.get((int) keep)[0]);
    }
    long found = firstOfLast + keep;

    assertLossReported(found);

    Files.write(last, whole); // the operator puts the segment back from a backup
    assertOpensWhole();
  }

  @Test
  void theLastSegmentDeletedIsReportedNotAccepted() throws IOException {
    Path last = lastSegment();
    byte[] whole = Files.readAllBytes(last);
    long found = first(last);
    Files.delete(last);

    assertLossReported(found);

    Files.write(last, whole);
    assertOpensWhole();
  }

  @Test
  void anAcknowledgedRecordCutInTheMiddleIsReportedNotCut() throws IOException {
    Path last = lastSegment();
    byte[] whole = Files.readAllBytes(last);
    List<long[]> frames = frames(last);
    long[] f = frames.get(frames.size() - 1);
    try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
      ch.truncate(f[0] + 12 + f[1] / 2);
    }

    assertLossReported(size - 1);
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      assertThat(j.tornBytesCut()).as("an acknowledged record is not a torn tail").isZero();
      assertThat(j.damage().orElseThrow().reason()).contains("record " + (size - 1) + " was lost")
          .contains("is cut short");
    }

    Files.write(last, whole);
    assertOpensWhole();
  }

  @Test
  void aTornUnacknowledgedTailIsStillCutSilently() throws IOException {
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      JournalFixture.appendUnacknowledged(open(j)); // written, never synced: nobody was told
    }
    Path last = lastSegment();
    List<long[]> frames = frames(last);
    long[] f = frames.get(frames.size() - 1);
    try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
      ch.truncate(f[0] + 12 + f[1] / 3); // the crash tore it
    }
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      assertThat(j.damage()).isEmpty();
      assertThat(j.tornBytesCut()).isEqualTo(12 + f[1] / 3);
      assertThat(j.size()).isEqualTo(size);
      assertThat(j.acknowledgedSize()).isEqualTo(size);
      Collective c = open(j);
      assertThat(c.ledger().root()).isEqualTo(root);
      c.admit(MemberId.of("ana"), MemberId.of("cy"), Appearance.byName("Cy"));
    }
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      assertThat(j.tornBytesCut()).isZero();
      assertThat(j.acknowledgedSize()).isEqualTo(size + 1);
      assertThat(open(j).ledger().size()).isEqualTo(size + 1);
    }
  }

  @Test
  void unacknowledgedRecordsThatSurvivedAreKeptAndAcknowledgedByTheNextSync() {
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      JournalFixture.appendUnacknowledged(open(j));
      assertThat(j.acknowledgedSize()).isEqualTo(size);
    }
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      assertThat(j.damage()).isEmpty();
      assertThat(j.size()).isEqualTo(size + 1);
      assertThat(j.acknowledgedSize()).isEqualTo(size);
      j.sync(); // forces what a killed writer may have left in the page cache only, then claims it
      assertThat(j.acknowledgedSize()).isEqualTo(size + 1);
    }
  }

  @Test
  void theOperatorAcceptsTheLossByTruncating() throws IOException {
    Path last = lastSegment();
    long found = first(last);
    Files.delete(last);
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      assertThat(j.damage()).isPresent();
      j.truncate(found);
      assertThat(j.acknowledgedSize()).isEqualTo(found);
    }
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      assertThat(j.damage()).isEmpty();
      Collective c = open(j);
      assertThat(c.ledger().size()).isEqualTo(found);
      c.admit(MemberId.of("ana"), MemberId.of("cy"), Appearance.byName("Cy"));
      assertThat(j.acknowledgedSize()).isEqualTo(found + 1);
    }
  }

  @Test
  void aMissingAcknowledgedFileIsReportedInAJournalThatKeepsOne() throws IOException {
    Files.delete(dir.resolve(AcknowledgedSize.NAME));
    Map<String, byte[]> before = JournalLockTest.files(dir);
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      assertThat(j.damage()).hasValueSatisfying(d -> {
        assertThat(d.firstBadIndex()).isEqualTo(size);
        assertThat(d.reason()).contains("the file acknowledged").contains("is missing");
      });
    }
    assertThat(JournalLockTest.files(dir)).containsExactlyInAnyOrderEntriesOf(before);
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      j.truncate(j.size()); // accepted as it is: the file is made anew
    }
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      assertThat(j.damage()).isEmpty();
      assertThat(open(j).ledger().root()).isEqualTo(root);
    }
  }

  @Test
  void aDamagedAcknowledgedFileIsReported() throws IOException {
    Path file = dir.resolve(AcknowledgedSize.NAME);
    byte[] b = Files.readAllBytes(file);
    b[13] ^= 1; // both slots: the one written last and the one before
    b[512 + 13] ^= 1;
    Files.write(file, b);
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      assertThat(j.damage()).hasValueSatisfying(d -> assertThat(d.reason()).contains("is damaged"));
    }
  }

  @Test
  void aTornWriteOfTheLatestSlotFallsBackToTheOneBefore() throws IOException {
    Path file = dir.resolve(AcknowledgedSize.NAME);
    byte[] b = Files.readAllBytes(file);
    long latest = java.nio.ByteBuffer.wrap(b).getLong(4) > java.nio.ByteBuffer.wrap(b).getLong(512 + 4) ? 0 : 512;
    b[(int) latest + 20] ^= 1; // its checksum no longer matches
    Files.write(file, b);
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      assertThat(j.damage()).isEmpty();
      assertThat(j.acknowledgedSize()).as("the number before the last sync").isLessThan(size).isPositive();
    }
  }

  @Test
  void aJournalFromBeforeTheFileOpensAndStartsKeepingIt() throws IOException {
    Files.delete(dir.resolve(AcknowledgedSize.NAME));
    for (Path seg : segments(dir)) { // format 1: written before the acknowledged file existed
      byte[] b = Files.readAllBytes(seg);
      b[7] = 1;
      Files.write(seg, b);
    }
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      assertThat(j.damage()).isEmpty();
      assertThat(j.acknowledgedSize()).isZero();
      Collective c = open(j);
      assertThat(c.ledger().root()).isEqualTo(root);
      c.admit(MemberId.of("ana"), MemberId.of("cy"), Appearance.byName("Cy"));
      assertThat(j.acknowledgedSize()).isEqualTo(size + 1);
    }
    Files.delete(lastSegment());
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      assertThat(j.damage()).as("from its first sync on, a loss shows").isPresent();
    }
  }

  /**
   * The open reports the loss with both numbers, the ledger refuses to open or append, and the
   * rejected opens change no file.
   */
  private void assertLossReported(long found) throws IOException {
    Map<String, byte[]> before = JournalLockTest.files(dir);
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      assertThat(j.size()).isEqualTo(found);
      assertThat(j.damage()).hasValueSatisfying(d -> {
        assertThat(d.firstBadIndex()).isEqualTo(found);
        assertThat(d.reason()).contains("the journal acknowledged " + size + " records as durable")
            .contains("truncate it to " + found + " records");
      });
      assertThat(j.acknowledgedSize()).isEqualTo(size);
      assertThatThrownBy(() -> open(j)).isInstanceOf(LedgerDamagedException.class)
          .hasMessageContaining("acknowledged " + size)
          .satisfies(e -> assertThat(((LedgerDamagedException) e).firstBadIndex()).isEqualTo(found));
      assertThatThrownBy(() -> j.append(List.of(new byte[] {1}))).isInstanceOf(LedgerDamagedException.class)
          .hasMessageContaining("refuses to append");
      j.sync(); // nothing to acknowledge: it must not lower the number either
    }
    try (FileJournal j = FileJournal.openReadOnly(dir)) {
      Ledger ledger = Ledger.open(j, JournalFixture.KEY.verificationKey(), e -> {});
      assertThat(ledger.damage()).hasValueSatisfying(d -> assertThat(d.firstBadIndex()).isEqualTo(found));
    }
    assertThat(JournalLockTest.files(dir)).as("a rejected open changes no file").containsExactlyInAnyOrderEntriesOf(before);
  }

  private void assertOpensWhole() {
    try (FileJournal j = FileJournal.open(dir, SEGMENT)) {
      assertThat(j.damage()).isEmpty();
      Collective c = open(j);
      assertThat(c.ledger().size()).isEqualTo(size);
      assertThat(c.ledger().root()).isEqualTo(root);
    }
  }

  private Path lastSegment() {
    List<Path> segs = segments(dir);
    return segs.get(segs.size() - 1);
  }

  private static long first(Path segment) {
    String name = segment.getFileName().toString();
    return Long.parseLong(name.substring("journal-".length(), name.length() - ".seg".length()));
  }
}
