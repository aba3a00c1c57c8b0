package coop.lattice.store;

import coop.lattice.store.LedgerStore.StoredCheckpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FileJournal}'s file {@code checkpoint}: magic {@code LATC} (4), the number of records
 * it covers (8), the length of the signed checkpoint (4), its bytes, and a CRC32C of all that
 * (4). It is replaced whole ({@link JournalFiles#replace}: a temporary file, forced, renamed, the
 * directory forced), so a crash leaves the old one or the new one.
 *
 * @param checkpoint what the file holds, or null when there is none or it is damaged
 * @param damaged whether a file is there but does not read
 */
record CheckpointFile(@Nullable StoredCheckpoint checkpoint, boolean damaged) {
  static final String NAME = "checkpoint";
  private static final int MAGIC = 0x4c415443; // "LATC"

  /** Reads the checkpoint file of {@code dir}; writes nothing. */
  static CheckpointFile read(JournalFiles files, Path dir) throws IOException {
    Path file = dir.resolve(NAME);
    if (!files.exists(file)) {
      return new CheckpointFile(null, false);
    }
    ByteBuffer b = ByteBuffer.wrap(files.readAll(file)).order(ByteOrder.BIG_ENDIAN);
    if (b.remaining() >= 20 && b.getInt(0) == MAGIC) {
      long size = b.getLong(4);
      int len = b.getInt(12);
      if (len >= 0 && len == b.remaining() - 20 && size >= 0) {
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 16 + len);
        if ((int) crc.getValue() == b.getInt(16 + len)) {
          return new CheckpointFile(new StoredCheckpoint(size, Arrays.copyOfRange(b.array(), 16, 16 + len)), false);
        }
      }
    }
    return new CheckpointFile(null, true);
  }

  /** Durably replaces the checkpoint file of {@code dir}. The records it covers must be durable already. */
  static void write(JournalFiles files, Path dir, long size, byte[] signedCheckpoint) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(20 + signedCheckpoint.length).order(ByteOrder.BIG_ENDIAN);
    b.putInt(MAGIC).putLong(size).putInt(signedCheckpoint.length).put(signedCheckpoint);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, 16 + signedCheckpoint.length);
    b.putInt((int) crc.getValue());
    files.replace(dir.resolve(NAME), b.array());
  }
}
