package coop.lattice.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records read into one array are the records read one by one, across segments, in any store. */
class ReadIntoTest {
  @TempDir Path dir;

  private static List<byte[]> records(int n) {
    SplittableRandom random = new SplittableRandom(21);
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] r = new byte[random.nextInt(0, 700)];
      for (int k = 0; k < r.length; k++) {
        r[k] = (byte) random.nextInt(256);
      }
      out.add(r);
    }
    return out;
  }

  private static void readsAsOneByOne(LedgerStore store) {
    for (long[] range : new long[][] {{0, 300}, {0, 0}, {17, 18}, {5, 250}, {120, 300}}) {
      long from = range[0];
      long to = range[1];
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      int[] expectedEnds = new int[(int) (to - from)];
      for (long i = from; i < to; i++) {
        expected.writeBytes(store.read(i));
        expectedEnds[(int) (i - from)] = expected.size();
      }
      for (byte[] into : List.of(new byte[0], new byte[100], new byte[1 << 20])) {
        int[] ends = new int[(int) (to - from) + 3];
        byte[] out = store.readInto(from, to, into, ends);
        int total = expected.size();
        assertThat(Arrays.copyOf(out, total)).isEqualTo(expected.toByteArray());
        assertThat(Arrays.copyOf(ends, expectedEnds.length)).isEqualTo(expectedEnds);
        if (into.length >= total) {
          assertThat(out).isSameAs(into);
        }
      }
    }
  }

  @Test
  void aFileJournalAcrossSegments() {
    List<byte[]> records = records(300);
    try (FileJournal j = FileJournal.open(dir, 4096)) {
      for (int i = 0; i < records.size(); i += 5) {
        j.append(records.subList(i, i + 5)); // a segment rolls after about 4 KiB
      }
    }
    try (FileJournal j = FileJournal.open(dir, 4096)) {
      assertThat(j.size()).isEqualTo(300);
      assertThat(JournalFixture.segments(dir)).hasSizeGreaterThan(10);
      readsAsOneByOne(j);
    }
  }

  @Test
  void aStoreInTheHeapByDefault() {
    LedgerStore store = LedgerStore.inMemory();
    store.append(records(300));
    readsAsOneByOne(store);
  }
}
