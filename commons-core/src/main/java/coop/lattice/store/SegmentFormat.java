package coop.lattice.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * The bytes of a {@link FileJournal}'s segment files, and what a crash can leave of them.
 *
 * <p>A segment is named {@code journal-<index of its first record, 20 digits>.seg}, starts with a
 * 16-byte header ({@code magic LATJ (4) | format (4) | index of its first record (8)}) and holds
 * records framed as {@code length (4) | CRC32C(length) (4) | CRC32C(payload) (4) | payload}, big
 * endian. Format 2 says the journal keeps the file {@code acknowledged} ({@link AcknowledgedSize});
 * format 1 segments, written before that file existed, are still read.
 */
final class SegmentFormat {
  static final int MAGIC = 0x4c41544a; // "LATJ"
  /** Written now: the journal keeps the file {@code acknowledged}. */
  static final int VERSION = 2;
  /** Read still: a segment from before the file {@code acknowledged}. */
  static final int VERSION_WITHOUT_ACKNOWLEDGED = 1;
  static final int SEGMENT_HEADER = 16;
  static final int FRAME_HEADER = 12;
  static final String GLOB = "journal-*.seg";

  private SegmentFormat() {}

  /** The file name of the segment whose first record is {@code first}. */
  static String name(long first) {
    return String.format(Locale.ROOT, "journal-%020d.seg", first);
  }

  /** The first record's index a segment's name gives, or -1 if the name does not read. */
  static long firstIndexOf(Path file) {
    String name = file.getFileName().toString();
    try {
      return Long.parseLong(name.substring("journal-".length(), name.length() - ".seg".length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The header of the segment whose first record is {@code first}, ready to write. */
  static ByteBuffer header(long first) {
    ByteBuffer h = ByteBuffer.allocate(SEGMENT_HEADER).order(ByteOrder.BIG_ENDIAN);
    h.putInt(MAGIC).putInt(VERSION).putLong(first).flip();
    return h;
  }

  /**
   * The CRC32C of bytes {@code from..from + len} of {@code map}, with {@code crc} (reset here),
   * without a slice per frame: moves {@code map}'s position and limit, and leaves them cleared
   * (the whole buffer), as absolute reads need.
   */
  static int crc32c(CRC32C crc, ByteBuffer map, long from, int len) {
    crc.reset();
    crc.update(map.clear().position((int) from).limit((int) from + len));
    map.clear();
    return (int) crc.getValue();
  }

  /** {@code records}, framed, ready to write; {@code bytes} is their framed size. */
  static ByteBuffer frames(List<byte[]> records, int bytes) {
    ByteBuffer buf = ByteBuffer.allocate(bytes).order(ByteOrder.BIG_ENDIAN);
    CRC32C crc = new CRC32C();
    for (byte[] r : records) {
      buf.putInt(r.length);
      crc.reset();
      crc.update(buf.array(), buf.position() - 4, 4);
      buf.putInt((int) crc.getValue());
      crc.reset();
      crc.update(r);
      buf.putInt((int) crc.getValue());
      buf.put(r);
    }
    return buf.flip();
  }

  /**
   * Whether the {@code n} (under 16) bytes of a segment are what a crash leaves of its header while
   * it was written: each byte the header's own, or zero (the size reached the disk, the data not).
   */
  static boolean isUnfinishedHeader(FileChannel ch, long n, long first) throws IOException {
    ByteBuffer got = ByteBuffer.allocate((int) n);
    while (got.hasRemaining() && ch.read(got, got.position()) > 0) {
      // the few bytes there are
    }
    ByteBuffer want = header(first);
    for (int i = 0; i < got.position(); i++) {
      if (got.get(i) != 0 && got.get(i) != want.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether bytes {@code from} to {@code to} of {@code ch} are all zero (or not there). */
  static boolean isAllZeroOrShort(FileChannel ch, long from, long to) throws IOException {
    ByteBuffer b = ByteBuffer.allocate((int) Math.min(to - from, 1 << 16));
    long p = from;
    while (p < to) {
      b.clear();
      int n = ch.read(b, p);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (b.get(i) != 0) {
          return false;
        }
      }
      p += n;
    }
    return true;
  }
}
