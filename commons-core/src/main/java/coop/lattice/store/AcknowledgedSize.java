package coop.lattice.store;

import coop.lattice.store.LedgerStore.Damage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * How many records a {@link FileJournal} has acknowledged as durable: its file {@code
 * acknowledged}. It is what lets opening tell a journal that lost records a {@code sync} had
 * promised (a segment cut at a record boundary or deleted) from one that only lost a torn tail
 * nobody was promised: the segments alone look the same either way.
 *
 * <p>Each {@code sync} forces the records first, then writes their number here and forces this
 * file, and only then returns. So the number never claims a record the disk may not hold, and
 * every record a caller was told is durable is claimed. A journal found shorter than the number
 * has lost acknowledged records: {@link #check} reports it as damage with both numbers, and the
 * journal refuses to append until an operator restores the files or truncates ({@link #record}
 * then lowers the number).
 *
 * <h2>On disk</h2>
 *
 * <p>1,024 bytes: two slots of 24 bytes, at offsets 0 and 512 (different sectors), each {@code
 * magic LATA (4) | sequence (8) | records (8) | CRC32C of the 20 before (4)}. The slot with the
 * higher sequence that checks out holds the number. A write goes in place to the other slot, so a
 * write torn by a power cut leaves the number before it, which is all an unfinished sync may
 * claim. The file is created whole (temporary file, force, rename, directory force) before the
 * journal's first segment, and replaced whole when it is damaged or missing and an operator
 * truncates.
 */
final class AcknowledgedSize implements Closeable {
  static final String NAME = "acknowledged";
  private static final int MAGIC = 0x4c415441; // "LATA"
  private static final int SLOT = 24;
  private static final int SLOT_SPACING = 512;

  private final JournalFiles files;
  private final Path file;
  private boolean exists;
  private boolean damaged;
  private long records;
  private long sequence;
  private @Nullable FileChannel channel;

  private AcknowledgedSize(JournalFiles files, Path file) {
    this.files = files;
    this.file = file;
  }

  /** Reads the number in {@code dir}; writes nothing. */
  static AcknowledgedSize read(JournalFiles files, Path dir) throws IOException {
    AcknowledgedSize a = new AcknowledgedSize(files, dir.resolve(NAME));
    a.exists = files.exists(a.file);
    if (a.exists) {
      ByteBuffer b = ByteBuffer.wrap(files.readAll(a.file)).order(ByteOrder.BIG_ENDIAN);
      a.damaged = true;
      for (int at = 0; at + SLOT <= b.limit() && at <= SLOT_SPACING; at += SLOT_SPACING) {
        CRC32C crc = new CRC32C();
        crc.update(b.array(), at, SLOT - 4);
        long seq = b.getLong(at + 4);
        if (b.getInt(at) == MAGIC && (int) crc.getValue() == b.getInt(at + SLOT - 4) && seq > 0
            && b.getLong(at + 12) >= 0 && (a.damaged || seq > a.sequence)) {
          a.damaged = false;
          a.sequence = seq;
          a.records = b.getLong(at + 12);
        }
      }
    }
    return a;
  }

  /** Whether the file was there when it was read. */
  boolean exists() {
    return exists;
  }

  /** The records acknowledged as durable: 0 when the file is missing or damaged. */
  long records() {
    return damaged ? 0 : records;
  }

  /**
   * Damage, if the journal holds fewer than the acknowledged {@code found} records, or the file
   * is damaged, or it is missing although the journal's segments say it keeps one ({@code
   * required}); null if all is well.
   */
  @Nullable Damage check(long found, boolean required) {
    if (damaged) {
      return new Damage(found, "the file " + NAME + ", which says how many records were acknowledged as durable, is"
          + " damaged, so whether acknowledged records were lost cannot be told (" + found + " records are stored)."
          + " Restore the journal's directory from a backup, or truncate it to " + found + " records to accept it as it is");
    }
    if (!exists && required) {
      return new Damage(found, "the file " + NAME + ", which says how many records were acknowledged as durable, is"
          + " missing, so whether acknowledged records were lost cannot be told (" + found + " records are stored)."
          + " Restore the journal's directory from a backup, or truncate it to " + found + " records to accept it as it is");
    }
    return records > found ? new Damage(found, lost(found, "only " + found + " are stored")) : null;
  }

  /**
   * Why losing records from {@code firstLost} on is damage: the numbers, what they mean and what
   * to do, after {@code what} was found.
   */
  String lost(long firstLost, String what) {
    String which = firstLost == records - 1 ? "record " + firstLost + " was lost after a sync had promised it"
        : "records " + firstLost + " to " + (records - 1) + " were lost after a sync had promised them";
    return "the journal acknowledged " + records + " records as durable (its file " + NAME + " says so) but " + what
        + ": " + which + " (a segment cut short or deleted, or files restored from an older copy). Restore the"
        + " journal from a backup that holds all " + records + ", or truncate it to " + firstLost + " records, which"
        + " accepts the loss, and fetch the lost entries again from a peer";
  }

  /**
   * Durably records that the first {@code n} records are acknowledged. Call it only once they are
   * durable: after the force that covers them. A missing or damaged file is made anew, whole.
   */
  void record(long n) throws IOException {
    if (!exists || damaged) {
      ByteBuffer b = ByteBuffer.allocate(2 * SLOT_SPACING);
      sequence = 1;
      slot(n, sequence).get(b.array(), SLOT_SPACING, SLOT);
      files.replace(file, b.array());
      exists = true;
      damaged = false;
      records = n;
      return;
    }
    FileChannel ch = channel;
    if (ch == null) {
      ch = files.open(file, StandardOpenOption.WRITE);
      channel = ch;
    }
    ByteBuffer b = slot(n, sequence + 1);
    long at = ((sequence + 1) % 2) * SLOT_SPACING;
    while (b.hasRemaining()) {
      ch.write(b, at + b.position());
    }
    ch.force(false);
    sequence++;
    records = n;
  }

  private static ByteBuffer slot(long n, long seq) {
    ByteBuffer b = ByteBuffer.allocate(SLOT).order(ByteOrder.BIG_ENDIAN);
    b.putInt(MAGIC).putLong(seq).putLong(n);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, SLOT - 4);
    b.putInt((int) crc.getValue()).flip();
    return b;
  }

  @Override
  public void close() {
    FileChannel ch = channel;
    channel = null;
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // every number written was forced before record returned
      }
    }
  }
}
