package coop.lattice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.LedgerDamagedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Flipping any single byte of any stored record is detected on open, with the record's index. */
class TamperProperties {
  private static Path pristine;
  private static List<long[]> frames;

  @BeforeContainer
  static void writeOnce() throws IOException {
    pristine = Files.createTempDirectory("lattice-tamper");
    try (FileJournal j = FileJournal.open(pristine)) {
      JournalFixture.build(j, 8, true);
    }
    frames = JournalFixture.frames(JournalFixture.segments(pristine).get(0));
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (var s = Files.walk(pristine)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 400, seed = "20261152")
  void anyFlippedByteIsFoundAtItsRecord(
      @ForAll @IntRange(min = 0, max = 18) int record, @ForAll @IntRange(min = 0, max = 5000) int at,
      @ForAll @IntRange(min = 1, max = 255) int mask) throws IOException {
    long[] frame = frames.get(record);
    long frameBytes = 12 + frame[1];
    long offset = frame[0] + at % frameBytes;

    Path copy = Files.createTempDirectory("lattice-tamper-case");
    try {
      for (Path p : Files.list(pristine).toList()) {
        Files.copy(p, copy.resolve(p.getFileName()));
      }
      Path seg = JournalFixture.segments(copy).get(0);
      byte[] bytes = Files.readAllBytes(seg);
      bytes[(int) offset] ^= (byte) mask;
      Files.write(seg, bytes);

      try (FileJournal j = FileJournal.open(copy)) {
        long before = j.size();
        assertThatThrownBy(() -> JournalFixture.open(j))
            .isInstanceOf(LedgerDamagedException.class)
            .satisfies(e -> assertThat(((LedgerDamagedException) e).firstBadIndex()).isEqualTo(record));
        assertThat(j.size()).isEqualTo(before);
      }
    } finally {
      try (var s = Files.walk(copy)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
