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
import coop.lattice.ledger.Event;
import coop.lattice.ledger.Ledger;
import coop.lattice.merkle.Hash;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalTest {
  @TempDir Path dir;

  @Test
  void reopensWithTheSameEntriesRootAndState() {
    Hash root;
    Object state;
    try (FileJournal j = FileJournal.open(dir)) {
      Collective c = build(j, 20, true);
      root = c.ledger().root();
      state = c.state();
    }
    try (FileJournal j = FileJournal.open(dir)) {
      Collective c = open(j);
      assertThat(c.ledger().size()).isEqualTo(43);
      assertThat(c.ledger().root()).isEqualTo(root);
      assertThat(c.state()).isEqualTo(state);
      assertThat(j.tornBytesCut()).isZero();
    }
  }

  @Test
  void rollsOverSegmentsAndReadsAcrossThem() {
    try (FileJournal j = FileJournal.open(dir, 4096)) {
      build(j, 60, true);
    }
    assertThat(segments(dir)).hasSizeGreaterThan(3);
    try (FileJournal j = FileJournal.open(dir, 4096)) {
      Collective c = open(j);
      assertThat(c.ledger().size()).isEqualTo(123);
      assertThat(c.ledger().entries(0, 123)).hasSize(123);
      c.admit(MemberId.of("ana"), MemberId.of("cy"), Appearance.byName("Cy"));
    }
    try (FileJournal j = FileJournal.open(dir, 4096)) {
      assertThat(open(j).ledger().size()).isEqualTo(124);
    }
  }

  @Test
  void aTornTailBeyondTheCheckpointIsCutAndTheJournalGoesOn() throws IOException {
    try (FileJournal j = FileJournal.open(dir)) {
      Collective c = build(j, 5, true); // checkpoint at 13
      JournalFixture.appendUnacknowledged(c); // entry 13: neither checkpointed nor synced
    }
    Path seg = segments(dir).get(0);
    long[] last = frames(seg).get(13);
    try (var ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
      ch.truncate(last[0] + 12 + last[1] / 2); // a crash in the middle of writing entry 13
    }
    try (FileJournal j = FileJournal.open(dir)) {
      assertThat(j.damage()).isEmpty();
      assertThat(j.tornBytesCut()).isEqualTo(12 + last[1] / 2);
      assertThat(j.acknowledgedSize()).isEqualTo(13);
      Collective c = open(j);
      assertThat(c.ledger().size()).isEqualTo(13);
      c.admit(MemberId.of("ana"), MemberId.of("cy"), Appearance.byName("Cy"));
    }
    long[] next = frames(seg).get(13);
    assertThat(next[0]).as("written where the torn one began").isEqualTo(last[0]);
    assertThat(Files.size(seg)).isEqualTo(next[0] + 12 + next[1]);
    try (FileJournal j = FileJournal.open(dir)) {
      assertThat(j.acknowledgedSize()).isEqualTo(14);
      assertThat(open(j).ledger().size()).isEqualTo(14);
    }
  }

  @Test
  void trailingZerosFromACrashAreATornTail() throws IOException {
    try (FileJournal j = FileJournal.open(dir)) {
      build(j, 2, true);
    }
    Path seg = segments(dir).get(0);
    Files.write(seg, new byte[100], StandardOpenOption.APPEND);
    try (FileJournal j = FileJournal.open(dir)) {
      assertThat(j.damage()).isEmpty();
      assertThat(j.tornBytesCut()).isEqualTo(100);
      assertThat(open(j).ledger().size()).isEqualTo(7);
    }
  }

  @Test
  void aFlippedByteIsReportedWithItsIndexAndNothingCanBeAppended() throws IOException {
    try (FileJournal j = FileJournal.open(dir)) {
      build(j, 5, true);
    }
    Path seg = segments(dir).get(0);
    long[] frame = frames(seg).get(6);
    flip(seg, frame[0] + 12 + 5);

    try (FileJournal j = FileJournal.open(dir)) {
      assertThat(j.damage()).get().extracting(LedgerStore.Damage::firstBadIndex).isEqualTo(6L);
      assertThatThrownBy(() -> open(j))
          .isInstanceOf(LedgerDamagedException.class)
          .hasMessageContaining("entry 6")
          .satisfies(e -> assertThat(((LedgerDamagedException) e).firstBadIndex()).isEqualTo(6));
      Ledger ledger = Ledger.open(j, JournalFixture.KEY.verificationKey(), e -> {});
      long size = ledger.size();
      Hash root = ledger.root();
      assertThat(size).isEqualTo(6);
      assertThatThrownBy(() -> ledger.append(Instant.EPOCH, MemberId.of("ana"),
              new Event.MemberLeft(MemberId.of("bo"))))
          .isInstanceOf(LedgerDamagedException.class)
          .hasMessageContaining("refuses to append")
          .hasMessageContaining("truncate the store to 6 entries");
      assertThatThrownBy(() -> j.append(List.of(new byte[] {1})))
          .isInstanceOf(LedgerDamagedException.class);
      assertThat(ledger.size()).isEqualTo(size);
      assertThat(ledger.root()).isEqualTo(root);
      assertThat(j.size()).isEqualTo(6);
    }
  }

  @Test
  void theOperatorCanTruncateToTheLastGoodEntryAndCarryOn() throws IOException {
    try (FileJournal j = FileJournal.open(dir)) {
      build(j, 5, true);
    }
    Path seg = segments(dir).get(0);
    flip(seg, frames(seg).get(9)[0] + 20);
    try (FileJournal j = FileJournal.open(dir)) {
      j.truncate(j.damage().orElseThrow().firstBadIndex());
    }
    try (FileJournal j = FileJournal.open(dir)) {
      assertThat(j.damage()).isEmpty();
      Collective c = open(j);
      assertThat(c.ledger().size()).isEqualTo(9);
      c.checkpoint();
      c.admit(MemberId.of("ana"), MemberId.of("cy"), Appearance.byName("Cy"));
    }
    try (FileJournal j = FileJournal.open(dir)) {
      assertThat(open(j).ledger().size()).isEqualTo(10);
    }
  }

  @Test
  void aMissingEntryIsReportedAtItsIndex() throws IOException {
    try (FileJournal j = FileJournal.open(dir)) {
      build(j, 5, true);
    }
    Path seg = segments(dir).get(0);
    byte[] bytes = Files.readAllBytes(seg);
    long[] f = frames(seg).get(4);
    int start = (int) f[0];
    int end = (int) (f[0] + 12 + f[1]);
    byte[] without = new byte[bytes.length - (end - start)];
    System.arraycopy(bytes, 0, without, 0, start);
    System.arraycopy(bytes, end, without, start, bytes.length - end);
    Files.write(seg, without);
    assertDamagedAt(4, "sequence number 5");
  }

  @Test
  void reorderedEntriesAreReportedAtTheFirstMovedOne() throws IOException {
    try (FileJournal j = FileJournal.open(dir)) {
      build(j, 5, true);
    }
    Path seg = segments(dir).get(0);
    byte[] bytes = Files.readAllBytes(seg);
    List<long[]> frames = frames(seg);
    long[] a = frames.get(5);
    long[] b = frames.get(6);
    byte[] fa = Arrays.copyOfRange(bytes, (int) a[0], (int) (a[0] + 12 + a[1]));
    byte[] fb = Arrays.copyOfRange(bytes, (int) b[0], (int) (b[0] + 12 + b[1]));
    byte[] swapped = bytes.clone();
    System.arraycopy(fb, 0, swapped, (int) a[0], fb.length);
    System.arraycopy(fa, 0, swapped, (int) a[0] + fb.length, fa.length);
    Files.write(seg, swapped);
    assertDamagedAt(5, "out of order");
  }

  @Test
  void aMissingSegmentIsReportedAtTheFirstRecordItHeld() throws IOException {
    try (FileJournal j = FileJournal.open(dir, 4096)) {
      build(j, 60, true);
    }
    List<Path> segs = segments(dir);
    assertThat(segs).hasSizeGreaterThan(2);
    String name = segs.get(1).getFileName().toString();
    long first = Long.parseLong(name.substring("journal-".length(), name.length() - ".seg".length()));
    Files.delete(segs.get(1));
    try (FileJournal j = FileJournal.open(dir, 4096)) {
      assertThat(j.damage()).get().satisfies(d -> {
        assertThat(d.firstBadIndex()).isEqualTo(first);
        assertThat(d.reason()).contains("a segment is missing");
      });
      assertThat(j.size()).isEqualTo(first);
    }
  }

  @Test
  void aTruncatedJournalFallsShortOfItsCheckpoint() throws IOException {
    try (FileJournal j = FileJournal.open(dir)) {
      build(j, 5, true);
    }
    Path seg = segments(dir).get(0);
    long[] f = frames(seg).get(10);
    try (var ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
      ch.truncate(f[0]); // cleanly cut: entries 10..12 gone
    }
    assertDamagedAt(10, "the checkpoint covers 13");
  }

  @Test
  void aRewrittenButSelfConsistentHistoryDoesNotMatchTheSignedCheckpoint() throws IOException {
    Path other = dir.resolve("other");
    try (FileJournal j = FileJournal.open(dir.resolve("real"))) {
      build(j, 5, true);
    }
    try (FileJournal j = FileJournal.open(other)) {
      build(j, 6, false, "2026-05-02T10:00:00Z"); // a different, internally valid history by the same key
    }
    Files.copy(dir.resolve("real/checkpoint"), other.resolve("checkpoint"));
    try (FileJournal j = FileJournal.open(other)) {
      assertThatThrownBy(() -> open(j)).isInstanceOf(LedgerDamagedException.class)
          .hasMessageContaining("do not match the signed checkpoint");
    }
  }

  @Test
  void concurrentCommandsShareFlushesAndAllArrive() throws Exception {
    try (FileJournal j = FileJournal.open(dir)) {
      Collective c = build(j, 0, false);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int id = t;
        fs.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            c.changeAppearance(MemberId.of("bo"), Appearance.pseudonym("bo-" + id + "-" + i));
          }
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
      pool.shutdown();
      assertThat(c.ledger().size()).isEqualTo(103);
    }
    try (FileJournal j = FileJournal.open(dir)) {
      assertThat(open(j).ledger().size()).isEqualTo(103);
    }
  }

  private void assertDamagedAt(long index, String says) {
    try (FileJournal j = FileJournal.open(dir)) {
      assertThatThrownBy(() -> open(j))
          .isInstanceOf(LedgerDamagedException.class)
          .hasMessageContaining(says)
          .satisfies(e -> assertThat(((LedgerDamagedException) e).firstBadIndex()).isEqualTo(index));
    }
  }

  static void flip(Path file, long offset) throws IOException {
    byte[] b = Files.readAllBytes(file);
    b[(int) offset] ^= 0x01;
    Files.write(file, b);
  }
}
