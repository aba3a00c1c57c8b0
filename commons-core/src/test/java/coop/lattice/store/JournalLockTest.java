package coop.lattice.store;

import static coop.lattice.store.JournalFixture.build;
import static coop.lattice.store.JournalFixture.frames;
import static coop.lattice.store.JournalFixture.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.MemberId;
import coop.lattice.StoreLockedException;
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
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per journal, and a read-only open beside it. The other-process case is {@code JournalLockIT}. */
class JournalLockTest {
  @TempDir Path dir;

  @Test
  void aSecondWriterInTheSameProcessIsRefusedAndWritesNothing() throws IOException {
    try (FileJournal writer = FileJournal.open(dir)) {
      Collective c = build(writer, 3, true);
      Hash root = c.ledger().root();
      Map<String, byte[]> before = files(dir);

      assertThatThrownBy(() -> FileJournal.open(dir))
          .isInstanceOfSatisfying(StoreLockedException.class, e -> {
            assertThat(e.directory()).isEqualTo(dir);
            assertThat(e.holderPid()).hasValue(ProcessHandle.current().pid());
          })
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("pid " + ProcessHandle.current().pid())
          .hasMessageContaining("open it read-only to verify, back up or export");

      assertThat(files(dir)).as("the refused opener wrote nothing").containsExactlyInAnyOrderEntriesOf(before);
      assertThat(c.ledger().root()).isEqualTo(root);
      c.admit(MemberId.of("ana"), MemberId.of("cy"), Appearance.byName("Cy")); // the holder goes on
    }
    try (FileJournal again = FileJournal.open(dir)) { // released on close
      assertThat(again.size()).isEqualTo(3 + 2 * 3 + 1); // founding, three acknowledged contributions, Cy
    }
  }

  @Test
  void aReadOnlyOpenSeesTheCommittedRecordsWhileTheWriterHoldsTheLockAndRefusesToWrite() {
    try (FileJournal writer = FileJournal.open(dir)) {
      Collective c = build(writer, 4, true);
      try (FileJournal reader = FileJournal.openReadOnly(dir)) {
        assertThat(reader.readOnly()).isTrue();
        assertThat(reader.size()).isEqualTo(writer.size());
        Ledger seen = Ledger.open(reader, JournalFixture.KEY.verificationKey(), e -> {});
        assertThat(seen.damage()).isEmpty();
        assertThat(seen.root()).isEqualTo(c.ledger().root());
        assertThat(reader.checkpoint()).isPresent();

        assertThatThrownBy(() -> reader.append(List.of(new byte[] {1})))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("read-only");
        assertThatThrownBy(() -> reader.writeCheckpoint(1, new byte[] {1})).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> reader.truncate(1)).isInstanceOf(IllegalStateException.class);
        assertThat(reader.size()).isEqualTo(writer.size());

        c.admit(MemberId.of("ana"), MemberId.of("cy"), Appearance.byName("Cy"));
        assertThat(reader.size()).as("a snapshot as of its opening").isEqualTo(writer.size() - 1);
      }
      try (FileJournal later = FileJournal.openReadOnly(dir)) {
        assertThat(later.size()).isEqualTo(writer.size());
      }
    }
  }

  @Test
  void aReadOnlyOpenLeavesATornTailAlone() throws IOException {
    try (FileJournal j = FileJournal.open(dir)) {
      Collective c = build(j, 2, true);
      JournalFixture.appendUnacknowledged(c); // beyond the checkpoint, and a writer has not synced it yet
    }
    Path seg = segments(dir).get(0);
    long[] last = frames(seg).get(7);
    try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
      ch.truncate(last[0] + 12 + last[1] / 2); // a writer caught in the middle of record 7
    }
    long torn = Files.size(seg);
    try (FileJournal reader = FileJournal.openReadOnly(dir)) {
      assertThat(reader.damage()).isEmpty();
      assertThat(reader.size()).isEqualTo(7);
      assertThat(reader.tornBytesCut()).isZero();
    }
    assertThat(Files.size(seg)).as("nothing cut").isEqualTo(torn);
  }

  @Test
  void aReadOnlyOpenReportsDamageItReads() throws IOException {
    try (FileJournal j = FileJournal.open(dir)) {
      build(j, 2, true);
    }
    Path seg = segments(dir).get(0);
    long[] third = frames(seg).get(3);
    byte[] bytes = Files.readAllBytes(seg);
    bytes[(int) third[0] + 12 + 5] ^= 0x20;
    Files.write(seg, bytes);
    try (FileJournal reader = FileJournal.openReadOnly(dir)) {
      assertThat(reader.damage()).hasValueSatisfying(d -> assertThat(d.firstBadIndex()).isEqualTo(3));
      assertThat(reader.size()).isEqualTo(3);
    }
    assertThat(Files.readAllBytes(seg)).isEqualTo(bytes);
  }

  @Test
  void aReadOnlyOpenOfNoJournalFails() {
    assertThatThrownBy(() -> FileJournal.openReadOnly(dir.resolve("absent")))
        .hasMessageContaining("absent");
    assertThat(dir.resolve("absent")).doesNotExist();
  }

  @Test
  void theDirectoryLockIsReusableAndNamesWhatItGuards() {
    try (DirectoryLock lock = DirectoryLock.acquire(dir, "node.lock", "the node directory " + dir)) {
      assertThat(lock.directory()).isEqualTo(dir);
      assertThatThrownBy(() -> DirectoryLock.acquire(dir, "node.lock", "the node directory " + dir))
          .isInstanceOf(StoreLockedException.class)
          .hasMessageStartingWith("The node directory " + dir);
      // another lock file in the same directory is another lock
      DirectoryLock.acquire(dir, "journal.lock", "the journal in " + dir).close();
    }
    DirectoryLock.acquire(dir, "node.lock", "the node directory " + dir).close();
  }

  static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
