package coop.lattice.store;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static coop.lattice.store.SegmentFormat.FRAME_HEADER;
import static coop.lattice.store.SegmentFormat.SEGMENT_HEADER;
import static coop.lattice.store.SegmentFormat.isAllZeroOrShort;

import coop.lattice.LedgerDamagedException;
import coop.lattice.Progress;
import coop.lattice.StoreFailedException;
import coop.lattice.StoreLockedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable embedded store: an append-only journal of segment files in one directory.
 *
 * <h2>On disk</h2>
 *
 * <ul>
 *   <li>{@code journal-<first index>.seg}: a 16-byte header (magic {@code LATJ}, format version,
 *       index of its first record) and then records, each framed as {@code length (4) |
 *       CRC32C(length) (4) | CRC32C(payload) (4) | payload}. A new segment starts when the
 *       current one passes {@link #DEFAULT_SEGMENT_BYTES}. Format 2 says the journal keeps the
 *       file {@code acknowledged}; format 1 segments, from before that file, still open ({@link
 *       SegmentFormat}).
 *   <li>{@code acknowledged}: how many records {@link #sync} has acknowledged as durable ({@link
 *       AcknowledgedSize}).
 *   <li>{@code checkpoint}: the latest checkpoint with its size and its own CRC32C, replaced by
 *       writing {@code checkpoint.tmp}, fsync, atomic rename, fsync of the directory ({@link
 *       CheckpointFile}).
 * </ul>
 *
 * <h2>Durability</h2>
 *
 * <p>{@link #append} writes; {@link #sync} makes it durable with {@code FileChannel.force}, then
 * records how many records are now acknowledged in the file {@code acknowledged} and forces that
 * too. Concurrent {@code sync} calls share one force (group commit): a caller whose records
 * another caller's force already covered returns without touching the disk. An I/O error while
 * writing or forcing is fatal for this instance ({@link StoreFailedException}): after a failed
 * fsync the kernel may have dropped the dirty pages, so retrying could report success for lost
 * data.
 *
 * <h2>Opening</h2>
 *
 * <p>Opening scans every frame. A frame cut short at the very end of the last segment is a torn
 * write from a crash; it is cut off, provided neither the checkpoint nor the acknowledged size
 * covers it (nobody was told it was durable). Anything else (a checksum that does not match, a
 * missing segment, fewer records than the checkpoint covers or than {@code sync} acknowledged) is
 * {@linkplain #damage() damage}: the journal still reads the good prefix but refuses to append
 * until an operator calls {@link #truncate}, and an open that finds damage changes no file. So a
 * journal that lost acknowledged records (its last segment cut at a record boundary or deleted)
 * says so, with both numbers, instead of opening smaller. Because the length has its own checksum,
 * a flipped byte is never mistaken for a torn write.
 *
 * <p>What opening cannot see: a rollback of the whole directory (segments, {@code acknowledged}
 * and {@code checkpoint} together) to an older copy, or a directory emptied of every file, looks
 * like a journal that never grew further; only a record kept elsewhere, such as checkpoints a
 * witness or peer holds, can tell. Nor can it see a journal begun before the {@code acknowledged}
 * file lose its format-2 segments together with that file.
 *
 * <h2>One writer</h2>
 *
 * <p>{@link #open} takes an exclusive lock on the directory ({@code journal.lock}, a {@link
 * DirectoryLock} that names the holder's process id) until {@link #close}. A second writer, in
 * another process or this one, is refused with {@link StoreLockedException} before it reads or
 * writes anything: two writers appending at once would interleave their frames, and the next
 * open would find records that "do not match their checksum". {@link #openReadOnly} takes no lock
 * and never writes, so an operator can verify, back up or export the journal of a running node:
 *
 * <pre>{@code
 * try (FileJournal journal = FileJournal.openReadOnly(Path.of("riverside-ledger"))) {
 *   Ledger ledger = Ledger.open(journal, key, e -> {});   // verifies every record it can see
 * }
 * }</pre>
 */
public final class FileJournal implements LedgerStore {
  /** Segments roll over after this many bytes. */
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
  /** Largest record accepted: 16 MiB. */
  public static final int MAX_RECORD_BYTES = 16 << 20;

  private static final String LOCK = "journal.lock";
  private static final Logger LOG = LoggerFactory.getLogger(FileJournal.class);
  /** Opening reports its progress every this many bytes scanned, and after each segment. */
  private static final long REPORT_BYTES = 8L << 20;

  private final Path dir;
  private final long segmentBytes;
  private final boolean readOnly;
  private final JournalFiles files;
  private @Nullable DirectoryLock lock;
  private final Object writeLock = new Object();
  private final Object syncLock = new Object();

  private final List<Segment> segments = new ArrayList<>();
  /** Per record: its segment (high 24 bits) and the offset of its payload (low 40 bits). */
  private volatile long[] locations = new long[4096];
  private volatile int[] lengths = new int[4096];
  private volatile long size;
  private volatile long durable;
  /** Records {@link #sync} has acknowledged, as the file {@code acknowledged} says. */
  private volatile long acknowledged;
  private @Nullable AcknowledgedSize acknowledgedFile;
  private volatile @Nullable StoredCheckpoint checkpoint;
  private volatile @Nullable Damage damage;
  private volatile @Nullable String failure;
  private boolean closed;
  private long tornBytesCut;

  private FileJournal(Path dir, long segmentBytes, boolean readOnly, JournalFiles files) {
    this.dir = dir;
    this.segmentBytes = segmentBytes;
    this.readOnly = readOnly;
    this.files = files;
  }

  /**
   * Opens (or creates) the journal in {@code directory} for writing, re-checking every frame.
   *
   * @throws StoreLockedException if another writer holds the directory; nothing was written
   */
  public static FileJournal open(Path directory) {
    return open(directory, DEFAULT_SEGMENT_BYTES);
  }

  /** As {@link #open(Path)}, with segments that roll after {@code segmentBytes}. */
  public static FileJournal open(Path directory, long segmentBytes) {
    return open(directory, segmentBytes, Progress.none());
  }

  /**
   * As {@link #open(Path)}, telling {@code progress} how many bytes of the segment files have
   * been scanned and checked, of all of them (every few megabytes, and once at the end). The
   * ledger on top verifies the entries afterwards, with progress of its own: see {@link
   * coop.lattice.collective.Collective#open(LedgerStore, coop.lattice.ledger.CollectiveKey,
   * java.time.Clock, Progress)}.
   */
  public static FileJournal open(Path directory, Progress progress) {
    return open(directory, DEFAULT_SEGMENT_BYTES, progress);
  }

  private static FileJournal open(Path directory, long segmentBytes, Progress progress) {
    return open(directory, segmentBytes, progress, JournalFiles.DISK);
  }

  /** As {@link #open(Path, long)}, over {@code files} (a simulated disk, in tests). */
  static FileJournal open(Path directory, long segmentBytes, Progress progress, JournalFiles files) {
    checkArgument(segmentBytes >= 4096 && segmentBytes <= (1L << 30),
        "segmentBytes outside 4 KiB..1 GiB: %s", segmentBytes);
    FileJournal j = new FileJournal(directory, segmentBytes, false, files);
    j.lock = DirectoryLock.acquire(directory, LOCK, "the journal in " + directory);
    return j.loaded(progress);
  }

  /**
   * Opens the journal in {@code directory} to read only: no lock is taken, nothing is written or
   * cut, and a live writer may go on appending meanwhile. Every frame read is checked as on
   * {@link #open}; a frame cut short at the end (one the writer is still writing, or a torn tail
   * of a crash) is left out and left alone. Appending, checkpoints and truncation are refused.
   * What it shows is the journal as it stood when it was opened.
   */
  public static FileJournal openReadOnly(Path directory) {
    return new FileJournal(directory, DEFAULT_SEGMENT_BYTES, true, JournalFiles.DISK).loaded(Progress.none());
  }

  private FileJournal loaded(Progress progress) {
    try {
      load(progress);
    } catch (IOException e) {
      closeQuietly();
      throw new UncheckedIOException("cannot open the journal in " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(); // and the lock with it
      throw e;
    }
    return this;
  }

  /** Whether this instance was opened with {@link #openReadOnly}. */
  public boolean readOnly() {
    return readOnly;
  }

  public Path directory() {
    return dir;
  }

  /** The journal's private files, in {@code private/} of its directory: see {@link JournalPrivateArea}. */
  @Override
  public PrivateArea privateArea() {
    return new JournalPrivateArea(dir, files, readOnly);
  }

  /** Bytes of a torn tail that opening cut off (0 if the journal closed cleanly). */
  public long tornBytesCut() {
    return tornBytesCut;
  }

  /**
   * Records that {@link #sync} has acknowledged as durable, as recorded on disk: when opened, what
   * the last writer's syncs recorded (0 for a journal from before the {@code acknowledged} file);
   * then each sync's. Never more than {@link #size()} in a journal opened without damage.
   */
  public long acknowledgedSize() {
    return acknowledged;
  }

  // ---------------------------------------------------------------------------------- opening

  private void load(Progress progress) throws IOException {
    if (!readOnly) {
      files.createDirectories(dir);
      files.deleteIfExists(dir.resolve(CheckpointFile.NAME + ".tmp")); // an interrupted checkpoint write
      files.deleteIfExists(dir.resolve(AcknowledgedSize.NAME + ".tmp")); // an interrupted creation of the file
    }
    // Read before the segments: a live writer raises it only once its records are durable, so the
    // segments read afterwards hold at least what it says.
    AcknowledgedSize ack = AcknowledgedSize.read(files, dir);
    acknowledged = ack.records();
    acknowledgedFile = ack;
    CheckpointFile checkpointFile = CheckpointFile.read(files, dir);
    checkpoint = checkpointFile.checkpoint();

    List<Path> segmentFiles = files.list(dir, SegmentFormat.GLOB);
    segmentFiles.sort(null); // zero-padded names sort by first index
    long totalBytes = 0;
    for (Path file : segmentFiles) {
      totalBytes += files.size(file);
    }
    long scannedBefore = 0; // bytes of the segments before the one being scanned

    long count = 0;
    boolean keepsAcknowledged = false; // a format-2 segment was found
    @Nullable Path emptyLast = null; // a segment created just before a crash, deleted if all is well
    @Nullable Damage found = null;
    for (int s = 0; s < segmentFiles.size() && found == null; s++) {
      Path file = segmentFiles.get(s);
      boolean last = s == segmentFiles.size() - 1;
      long first = SegmentFormat.firstIndexOf(file);
      if (first != count) {
        found = new Damage(count, "segment " + file.getFileName() + " starts at record " + first
            + " but " + count + " records come before it: a segment is missing or misplaced");
        break;
      }
      FileChannel ch = readOnly ? files.open(file, StandardOpenOption.READ)
          : files.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      Segment seg = new Segment(file, first, ch);
      long fileSize = ch.size();
      if (fileSize < SEGMENT_HEADER) {
        if (last && SegmentFormat.isUnfinishedHeader(ch, fileSize, first)) {
          // A segment whose creation a crash cut short (or being created now): it holds no record.
          // If acknowledged records should be in it, the check below reports them lost.
          ch.close();
          emptyLast = first >= acknowledged ? file : null;
          break;
        }
        found = new Damage(count, "segment " + file.getFileName() + " has a damaged header");
        ch.close();
        break;
      }
      ByteBuffer map = files.map(ch, 0, fileSize).order(ByteOrder.BIG_ENDIAN);
      int version = map.getInt(4);
      if (map.getInt(0) != SegmentFormat.MAGIC || map.getLong(8) != first
          || (version != SegmentFormat.VERSION && version != SegmentFormat.VERSION_WITHOUT_ACKNOWLEDGED)) {
        found = new Damage(count, "segment " + file.getFileName() + " has a damaged header");
        ch.close();
        break;
      }
      keepsAcknowledged |= version == SegmentFormat.VERSION;
      segments.add(seg);
      int segIndex = segments.size() - 1;
      long pos = SEGMENT_HEADER;
      long nextReport = REPORT_BYTES;
      CRC32C crc = new CRC32C();
      while (pos < fileSize) {
        if (pos >= nextReport) {
          progress.update(Math.min(totalBytes, scannedBefore + pos), totalBytes);
          nextReport = pos + REPORT_BYTES;
        }
        long remaining = fileSize - pos;
        if (remaining < FRAME_HEADER) {
          found = tornOrDamaged(last, pos, count, "the frame header of record " + count + " is cut short");
          break;
        }
        int len = map.getInt((int) pos);
        if (SegmentFormat.crc32c(crc, map, pos, 4) != map.getInt((int) pos + 4) || len < 0 || len > MAX_RECORD_BYTES) {
          found = isAllZeroOrShort(ch, pos, fileSize) && last
              ? tornOrDamaged(true, pos, count, "zeros stand where record " + count + " begins")
              : new Damage(count, "record " + count + " has a damaged length field (in "
                  + file.getFileName() + " at byte " + pos + ")");
          break;
        }
        if (remaining - FRAME_HEADER < len) {
          found = tornOrDamaged(last, pos, count, "record " + count + " is cut short");
          break;
        }
        if (SegmentFormat.crc32c(crc, map, pos + FRAME_HEADER, len) != map.getInt((int) pos + 8)) {
          found = new Damage(count, "record " + count + " does not match its checksum (in "
              + file.getFileName() + " at byte " + pos + "): its bytes were changed");
          break;
        }
        addLocation(count, segIndex, pos + FRAME_HEADER, len);
        count++;
        pos += FRAME_HEADER + len;
      }
      seg.end = pos; // the end of the last good record, before any torn tail
      scannedBefore += fileSize;
      if (found == null && s < segmentFiles.size() - 1) {
        progress.update(Math.min(totalBytes, scannedBefore), totalBytes);
      }
    }
    progress.update(totalBytes, totalBytes);
    StoredCheckpoint cp = checkpoint;
    if (found == null && checkpointFile.damaged()) {
      found = new Damage(0, "the checkpoint file is damaged; restore it from a backup or a peer,"
          + " or truncate the journal to drop it");
    }
    if (found == null && cp != null && cp.size() > count) {
      found = new Damage(count, "the checkpoint covers " + cp.size() + " records but only " + count
          + " are stored: record " + count + " onwards is missing");
    }
    if (found == null && !ack.exists() && keepsAcknowledged) {
      ack = AcknowledgedSize.read(files, dir); // a reader that read just before a new journal made it
      acknowledgedFile = ack;
    }
    if (found == null) {
      found = ack.check(count, keepsAcknowledged);
    }
    size = count;
    damage = found;
    if (found == null && !readOnly) { // repairs only an open without damage makes
      Segment seg = segments.isEmpty() ? null : segments.get(segments.size() - 1);
      if (seg != null && seg.end < seg.channel.size()) { // a torn tail nobody was told was durable
        tornBytesCut = seg.channel.size() - seg.end;
        seg.channel.truncate(seg.end);
        seg.channel.force(true);
      }
      if (emptyLast != null) {
        files.deleteIfExists(emptyLast);
        files.syncDirectory(dir);
      }
      if (!ack.exists()) {
        ack.record(0); // a new journal, or one from before the file: from here on, losses show
      }
    }
    acknowledged = ack.records();
    durable = Math.min(count, acknowledged); // what was there but never acknowledged, the next sync forces
  }

  /**
   * A bad frame at {@code pos} of record {@code index}. At the end of the last segment, beyond the
   * checkpoint and beyond what was acknowledged, it is a torn write, cut off once opening found no
   * damage, and null is returned. Anywhere else it is damage.
   */
  private @Nullable Damage tornOrDamaged(boolean last, long pos, long index, String what) {
    StoredCheckpoint cp = checkpoint;
    if (!last) {
      return new Damage(index, what + " in the middle of the journal");
    }
    if (cp != null && cp.size() > index) {
      return new Damage(index, what + ", but the checkpoint covers " + cp.size() + " records");
    }
    if (acknowledged > index) {
      return new Damage(index, Objects.requireNonNull(acknowledgedFile).lost(index, what + " (at byte " + pos
          + " of the last segment)"));
    }
    return null;
  }

  // ---------------------------------------------------------------------------------- writing

  @Override
  public void append(List<byte[]> records) {
    if (records.isEmpty()) {
      return;
    }
    synchronized (writeLock) {
      checkWritable();
      int bytes = 0;
      for (byte[] r : records) {
        checkArgument(r.length <= MAX_RECORD_BYTES, "record of %s bytes exceeds %s", r.length, MAX_RECORD_BYTES);
        bytes += FRAME_HEADER + r.length;
      }
      try {
        Segment seg = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (seg == null || (seg.end + bytes > segmentBytes && seg.end > SEGMENT_HEADER)) {
          seg = roll();
        }
        ByteBuffer buf = SegmentFormat.frames(records, bytes);
        long pos = seg.end;
        while (buf.hasRemaining()) {
          pos += seg.channel.write(buf, pos);
        }
        long n = size;
        long p = seg.end;
        int segIndex = segments.size() - 1;
        for (byte[] r : records) {
          addLocation(n++, segIndex, p + FRAME_HEADER, r.length);
          p += FRAME_HEADER + r.length;
        }
        seg.end = p;
        size = n;
      } catch (IOException e) {
        throw fail("writing records", e);
      }
    }
  }

  private Segment roll() throws IOException {
    if (!segments.isEmpty()) {
      segments.get(segments.size() - 1).channel.force(false);
    }
    long first = size;
    Path file = dir.resolve(SegmentFormat.name(first));
    FileChannel ch = files.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    ByteBuffer h = SegmentFormat.header(first);
    while (h.hasRemaining()) {
      ch.write(h, h.position());
    }
    ch.force(true);
    files.syncDirectory(dir);
    Segment seg = new Segment(file, first, ch);
    seg.end = SEGMENT_HEADER;
    segments.add(seg);
    durable = size; // the previous segment was forced above
    return seg;
  }

  @Override
  public void sync() {
    long target = size;
    if (acknowledged >= target) {
      return;
    }
    synchronized (syncLock) {
      if (acknowledged >= target) {
        return; // another caller's force covered us: group commit
      }
      long upTo;
      FileChannel ch;
      synchronized (writeLock) {
        checkNotFailed();
        upTo = size;
        ch = segments.get(segments.size() - 1).channel;
      }
      String doing = "forcing records to disk";
      try {
        if (durable < upTo) { // a roll or a checkpoint may have forced them already
          ch.force(false);
          durable = upTo;
        }
        doing = "recording the acknowledged size";
        // Only now that the records are durable: the file must never claim what the disk may not hold.
        Objects.requireNonNull(acknowledgedFile).record(upTo);
      } catch (IOException e) {
        synchronized (writeLock) {
          throw fail(doing, e);
        }
      }
      acknowledged = upTo;
    }
  }

  @Override
  public void writeCheckpoint(long cpSize, byte[] signedCheckpoint) {
    synchronized (writeLock) {
      checkNotReadOnly();
      checkNotFailed();
      checkArgument(cpSize >= 0 && cpSize <= size, "checkpoint size %s outside 0..%s", cpSize, size);
      try {
        // The records it covers must be durable before the checkpoint that vouches for them.
        if (!segments.isEmpty()) {
          segments.get(segments.size() - 1).channel.force(false);
          durable = size;
        }
        CheckpointFile.write(files, dir, cpSize, signedCheckpoint);
      } catch (IOException e) {
        throw fail("writing the checkpoint", e);
      }
      checkpoint = new StoredCheckpoint(cpSize, signedCheckpoint);
    }
  }

  @Override
  public void truncate(long newSize) {
    synchronized (syncLock) { // no sync may record a size meanwhile
      synchronized (writeLock) {
        truncateHeld(newSize);
      }
    }
  }

  private void truncateHeld(long newSize) {
    checkNotReadOnly();
    checkNotFailed();
    checkArgument(newSize >= 0 && newSize <= size, "cannot truncate %s records to %s", size, newSize);
    try {
      // The operator accepts the loss. Lowered first: a crash midway leaves records the journal
      // does not claim (and keeps), never a claim it cannot keep.
      Objects.requireNonNull(acknowledgedFile).record(Math.min(newSize, acknowledged));
      acknowledged = Math.min(newSize, acknowledged);
      StoredCheckpoint cp = checkpoint;
      if (cp != null && cp.size() > newSize) {
        files.deleteIfExists(dir.resolve(CheckpointFile.NAME));
        checkpoint = null;
      }
      // Drop whole segments past the cut, then cut inside the one that holds it.
      while (!segments.isEmpty() && segments.get(segments.size() - 1).first >= newSize) {
        Segment s = segments.remove(segments.size() - 1);
        s.channel.close();
        files.deleteIfExists(s.file);
      }
      // Also remove segment files beyond a damaged point that were never loaded.
      for (Path p : files.list(dir, SegmentFormat.GLOB)) {
        if (segments.stream().noneMatch(s -> s.file.equals(p))) {
          files.deleteIfExists(p);
        }
      }
      if (!segments.isEmpty()) {
        Segment last = segments.get(segments.size() - 1);
        long cut = locationOffset(newSize - 1) + lengths[(int) (newSize - 1)];
        last.channel.truncate(cut);
        last.channel.force(true);
        last.end = cut;
      }
      files.syncDirectory(dir);
    } catch (IOException e) {
      throw fail("truncating", e);
    }
    size = newSize;
    durable = newSize;
    damage = null;
  }

  private void checkWritable() {
    checkNotReadOnly();
    checkNotFailed();
    checkState(!closed, "the journal in %s is closed", dir);
    Damage d = damage;
    if (d != null) {
      throw new LedgerDamagedException(d.firstBadIndex(), "the journal in " + dir + " refuses to append: "
          + d.reason() + ". Restore it, or truncate it to " + d.firstBadIndex() + " records once you accept the loss.");
    }
  }

  private void checkNotReadOnly() {
    checkState(!readOnly, "the journal in %s is open read-only (to verify, back up or export it) and writes"
        + " nothing; open it with FileJournal.open to write, once no other process holds it", dir);
  }

  private void checkNotFailed() {
    String f = failure;
    if (f != null) {
      throw new StoreFailedException("the journal in " + dir + " has stopped after " + f
          + "; reopen it from disk, which re-verifies everything");
    }
  }

  private StoreFailedException fail(String what, IOException e) {
    failure = "an I/O error while " + what + " (" + e.getMessage() + ")";
    LOG.error("The journal in {} has stopped after an I/O error while {}; it takes no appends until it is reopened"
        + " from disk, which re-verifies everything", dir, what, e);
    return new StoreFailedException("the journal in " + dir + " failed while " + what
        + "; it accepts nothing more. Reopen it from disk.", e);
  }

  // ---------------------------------------------------------------------------------- reading

  @Override
  public long size() {
    return size;
  }

  @Override
  public byte[] read(long index) {
    Objects.checkIndex(index, size);
    long loc = locations[(int) index];
    byte[] out = new byte[lengths[(int) index]];
    ByteBuffer b = ByteBuffer.wrap(out);
    FileChannel ch = segments.get((int) (loc >>> 40)).channel;
    long pos = loc & ((1L << 40) - 1);
    try {
      while (b.hasRemaining()) {
        int n = ch.read(b, pos + b.position());
        if (n < 0) {
          throw new IOException("unexpected end of segment");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading record " + index + " from " + dir, e);
    }
    return out;
  }

  @Override
  public List<byte[]> read(long from, long to) {
    checkArgument(0 <= from && from <= to && to <= size, "range %s..%s outside 0..%s", from, to, size);
    List<byte[]> out = new ArrayList<>((int) (to - from));
    scan(from, to, (i, r) -> out.add(r));
    return out;
  }

  /** Streams records {@code from..to}, mapping each segment's part of them once. */
  @Override
  public void scan(long from, long to, RecordVisitor visitor) {
    mapped(from, to, (i, map, offset, len) -> {
      byte[] r = new byte[len];
      map.get(offset, r);
      visitor.visit(i, r);
    });
  }

  /** Copies records {@code from..to} into one array, mapping each segment's part of them once: how opening reads. */
  @Override
  public byte[] readInto(long from, long to, byte[] into, int[] ends) {
    checkArgument(0 <= from && from <= to && to <= size, "range %s..%s outside 0..%s", from, to, size);
    int total = 0;
    for (long i = from; i < to; i++) {
      total += lengths[(int) i];
      ends[(int) (i - from)] = total;
    }
    byte[] out = into.length >= total ? into : new byte[Math.max(total, 2 * into.length)];
    mapped(from, to, (i, map, offset, len) -> map.get(offset, out, ends[(int) (i - from)] - len, len));
    return out;
  }

  private void mapped(long from, long to, Segment.MappedRecord visitor) {
    checkArgument(0 <= from && from <= to && to <= size, "range %s..%s outside 0..%s", from, to, size);
    long i = from;
    try {
      while (i < to) {
        int segIndex = (int) (locations[(int) i] >>> 40);
        Segment seg = segments.get(segIndex);
        long segLast = segIndex + 1 < segments.size() ? Math.min(to, segments.get(segIndex + 1).first) : to;
        long start = locationOffset(i);
        long end = locationOffset(segLast - 1) + lengths[(int) (segLast - 1)];
        ByteBuffer map = files.map(seg.channel, start, end - start);
        for (; i < segLast; i++) {
          visitor.visit(i, map, (int) (locationOffset(i) - start), lengths[(int) i]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading records from " + dir, e);
    }
  }

  private long locationOffset(long index) {
    return locations[(int) index] & ((1L << 40) - 1);
  }

  private void addLocation(long index, int segIndex, long payloadOffset, int len) {
    long[] loc = locations;
    int[] lens = lengths;
    if (index >= loc.length) {
      loc = Arrays.copyOf(loc, loc.length * 2);
      lens = Arrays.copyOf(lens, lens.length * 2);
    }
    loc[(int) index] = ((long) segIndex << 40) | payloadOffset;
    lens[(int) index] = len;
    lengths = lens;
    locations = loc;
  }

  @Override
  public Optional<StoredCheckpoint> checkpoint() {
    return Optional.ofNullable(checkpoint);
  }

  @Override
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public Optional<Damage> damage() {
    return Optional.ofNullable(damage);
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      if (closed) {
        return;
      }
      closed = true;
      closeQuietly();
    }
  }

  private void closeQuietly() {
    AcknowledgedSize a = acknowledgedFile;
    if (a != null) {
      a.close();
    }
    for (Segment s : segments) {
      try {
        s.channel.close();
      } catch (IOException ignored) {
        // closing a read-write channel after force has nothing left to lose
      }
    }
    DirectoryLock l = lock;
    if (l != null) {
      lock = null;
      l.close(); // after the channels: the next writer must not find them still open
    }
  }

  @Override
  public String toString() {
    return "FileJournal[" + dir + ", " + size + " records" + (readOnly ? ", read-only" : "") + "]";
  }
}
