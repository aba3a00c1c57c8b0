package coop.lattice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.StoreFailedException;
import java.lang.reflect.Field;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An I/O error while forcing or writing is fatal for the journal: after a failed fsync the kernel
 * may have dropped the dirty pages, so a retry could report success for lost data. The fault is
 * injected by closing the segment's channel underneath the journal, so the real {@code force}
 * and {@code write} calls fail.
 */
class FileJournalFailureTest {
  @TempDir Path dir;

  private static void breakTheDisk(FileJournal journal) throws Exception {
    Field segments = FileJournal.class.getDeclaredField("segments");
    segments.setAccessible(true);
    List<?> list = (List<?>) segments.get(journal);
    Object last = list.get(list.size() - 1);
    Field channel = last.getClass().getDeclaredField("channel");
    channel.setAccessible(true);
    ((FileChannel) channel.get(last)).close();
  }

  @Test
  void aFailedForceStopsTheStoreForGood() throws Exception {
    try (FileJournal j = FileJournal.open(dir)) {
      j.append(List.of(new byte[] {1}, new byte[] {2}));
      j.sync();
      j.append(List.of(new byte[] {3}));
      assertThat(j.failure()).isEmpty();
      breakTheDisk(j);
      assertThatThrownBy(j::sync).isInstanceOf(StoreFailedException.class)
          .hasMessageContaining("failed while forcing records to disk");
      // What a health check reads, without touching the store.
      assertThat(j.failure()).hasValueSatisfying(f -> assertThat(f).contains("forcing records to disk"));
      // No retry-and-continue: everything after the failure is refused.
      assertThatThrownBy(j::sync).isInstanceOf(StoreFailedException.class).hasMessageContaining("has stopped");
      assertThatThrownBy(() -> j.append(List.of(new byte[] {4}))).isInstanceOf(StoreFailedException.class)
          .hasMessageContaining("reopen it from disk");
      assertThatThrownBy(() -> j.writeCheckpoint(2, new byte[] {9})).isInstanceOf(StoreFailedException.class);
    }
    try (FileJournal j = FileJournal.open(dir)) {
      assertThat(j.failure()).isEmpty();
      assertThat(j.damage()).isEmpty();
      assertThat(j.size()).isGreaterThanOrEqualTo(2); // what was forced before the failure is there
      j.append(List.of(new byte[] {5}));
      j.sync();
    }
  }

  @Test
  void aFailedWriteStopsTheStoreAndChangesNothingVisible() throws Exception {
    try (FileJournal j = FileJournal.open(dir)) {
      j.append(List.of(new byte[] {1}));
      j.sync();
      breakTheDisk(j);
      assertThatThrownBy(() -> j.append(List.of(new byte[] {2}))).isInstanceOf(StoreFailedException.class)
          .hasMessageContaining("failed while writing records");
      assertThat(j.size()).isEqualTo(1);
      assertThatThrownBy(() -> j.append(List.of(new byte[] {3}))).isInstanceOf(StoreFailedException.class);
    }
    try (FileJournal j = FileJournal.open(dir)) {
      assertThat(j.size()).isEqualTo(1);
      assertThat(j.read(0)).containsExactly(1);
    }
  }
}
