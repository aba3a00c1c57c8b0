package coop.lattice.federation.hosting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A log of lines, none of which may hold a line break, kept to its live lines by its compaction. */
public final class NodeLog {
  private static final Logger LOG = LoggerFactory.getLogger(NodeLog.class);
  private final Path file;
  private final Path tmp;
  private final NodeStore.Compaction compaction;
  private final long compactFrom;
  /** Lines waiting for the next flush, and their writers; guarded by this, swapped out whole by the flusher. */
  private List<String> pending = new ArrayList<>();
  private List<CompletableFuture<Void>> waiting = new ArrayList<>();
  private final Executor flusher;
  private boolean flushing;
  /** Guards the file: every write, and compaction, which replaces it. */
  private final Object io = new Object();
  private FileChannel channel;
  private long bytes;
  private long liveBytes;
  private int compactions;
  private @Nullable String broken;

  NodeLog(Path file, NodeStore.Compaction compaction, long compactFrom, Executor flusher) {
    this.file = file;
    this.tmp = file.resolveSibling(file.getFileName() + ".tmp");
    this.compaction = compaction;
    this.compactFrom = compactFrom;
    this.flusher = flusher;
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(tmp); // a compaction a crash interrupted: the log itself is whole
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      bytes = cutTornLine(channel);
      liveBytes = bytes;
      synchronized (io) {
        compactLocked(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }

  /** Cuts a last line that has no line break (a write a crash interrupted); returns the size. */
  private static long cutTornLine(FileChannel ch) throws IOException {
    long size = ch.size();
    long end = size;
    ByteBuffer b = ByteBuffer.allocate(4096);
    while (end > 0) {
      int n = (int) Math.min(b.capacity(), end);
      b.clear().limit(n);
      ch.read(b, end - n);
      int i = n - 1;
      while (i >= 0 && b.get(i) != '\n') {
        i--;
      }
      if (i >= 0) {
        end = end - n + i + 1;
        break;
      }
      end -= n;
    }
    if (end < size) {
      ch.truncate(end);
      ch.force(true);
    }
    return end;
  }

  /** Appends {@code line} and returns once it is on disk. */
  public synchronized void append(String line) {
    check(line);
    write(List.of(line));
  }

  /**
   * Appends {@code line} and completes once it is on disk. Lines that arrive while a flush is
   * under way share the next one (group commit), on the store's flusher thread.
   */
  public CompletableFuture<Void> appendDurably(String line) {
    check(line);
    CompletableFuture<Void> done = new CompletableFuture<>();
    boolean start;
    synchronized (this) {
      pending.add(line);
      waiting.add(done);
      start = !flushing;
      flushing = true;
    }
    if (start) {
      flusher.execute(this::flush);
    }
    return done;
  }

  private static void check(String line) {
    if (line.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a log line cannot hold a line break");
    }
  }

  private void flush() {
    boolean drained = false;
    try {
      while (true) {
        List<String> lines;
        List<CompletableFuture<Void>> done;
        synchronized (this) {
          if (pending.isEmpty()) {
            flushing = false;
            drained = true;
            return;
          }
          lines = pending;
          done = waiting;
          pending = new ArrayList<>();
          waiting = new ArrayList<>();
        }
        try {
          write(lines);
          done.forEach(f -> f.complete(null));
        } catch (Throwable e) {
          // An I/O failure, or an Error (out of memory, say): every writer of the batch hears of it
          // first, and the loop goes on with the next batch, so that no writer waits forever.
          done.forEach(f -> f.completeExceptionally(e));
          if (!(e instanceof UncheckedIOException)) {
            LOG.error("Writing {} failed; the {} lines of this flush were refused", file, lines.size(), e);
          }
        }
      }
    } finally {
      if (!drained) {
        synchronized (this) {
          flushing = false; // a flusher that ends abnormally leaves the next writer to start another
        }
      }
    }
  }

  private void write(List<String> lines) {
    synchronized (io) {
      if (broken != null) {
        throw new UncheckedIOException(new IOException(broken));
      }
      try {
        ByteBuffer buf = ByteBuffer.wrap(encode(lines));
        while (buf.hasRemaining()) {
          bytes += channel.write(buf, bytes);
        }
        channel.force(false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
      if (bytes > Math.max(compactFrom, NodeStore.GROWTH * liveBytes)) {
        compactQuietly();
      }
    }
  }

  /** Rewrites the log to its live lines now. */
  public void compact() {
    synchronized (io) {
      try {
        compactLocked(false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot compact " + file, e);
      }
    }
  }

  /** Holding {@code io}, by the writer that took the log past its threshold: the lines it wrote are durable already. */
  private void compactQuietly() {
    try {
      compactLocked(false);
    } catch (Throwable e) {
      // The lines written are durable, so their writers are not told otherwise, whatever failed:
      // the log (the old one, whole, unless it is marked broken) goes on growing, and the next
      // threshold, or the next open, tries again. What the compaction held is garbage by now.
      liveBytes = bytes;
      LOG.warn("Compacting {} failed; the log stays as it is until the next try", file, e);
    }
  }

  /** Holding {@code io}: folds the file's lines and replaces it if that drops anything (or always, if not on open). */
  private void compactLocked(boolean onOpen) throws IOException {
    if (broken != null) {
      return;
    }
    if (onOpen && liveSize() >= bytes) {
      liveBytes = bytes; // nothing to drop: the log is left as it is, and nothing is written
      return;
    }
    long live;
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      try (BufferedLines.Writer w = new BufferedLines.Writer(out)) {
        NodeStore.Compaction.Pass pass = compaction.pass(w::line);
        BufferedLines.each(channel, bytes, pass::line);
        pass.end();
        live = w.bytes();
      }
      out.force(true);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(tmp); // a copy cut short; the log itself is untouched
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try {
      try (FileChannel d = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
        d.force(true);
      }
      channel.close();
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException | RuntimeException | Error e) {
      // The file is replaced: writing on through the old channel would write to a file nobody reads.
      broken = "the log " + file + " was compacted but could not be reopened (" + e + ")";
      throw e;
    }
    bytes = live;
    liveBytes = live;
    compactions++;
  }

  /** The bytes compaction would keep, counted without writing them (on open, most logs have nothing to drop). */
  private long liveSize() throws IOException {
    long[] live = {0};
    NodeStore.Compaction.Pass pass = compaction.pass(l -> live[0] += l.getBytes(StandardCharsets.UTF_8).length + 1);
    BufferedLines.each(channel, bytes, pass::line);
    pass.end();
    return live[0];
  }

  private static byte[] encode(List<String> lines) {
    StringBuilder b = new StringBuilder();
    lines.forEach(l -> b.append(l).append('\n'));
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Each line in the order written (on open, before new lines are appended), read a buffer at a
   * time; writes to this log wait until it is done.
   */
  public void replay(Consumer<String> each) {
    synchronized (io) {
      try {
        BufferedLines.each(channel, bytes, each);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
  }

  /** Bytes in the log now. */
  public long size() {
    synchronized (io) {
      return bytes;
    }
  }

  /** How many times the log was compacted since it was opened (not counting the one on open). */
  public int compactions() {
    synchronized (io) {
      return compactions;
    }
  }

  void close() {
    synchronized (io) {
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
