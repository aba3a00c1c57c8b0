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
  private final List<String> pending = new ArrayList<>();
  private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
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
    while (true) {
      List<String> lines;
      List<CompletableFuture<Void>> done;
      synchronized (this) {
        if (pending.isEmpty()) {
          flushing = false;
          return;
        }
        lines = new ArrayList<>(pending);
        done = new ArrayList<>(waiting);
        pending.clear();
        waiting.clear();
      }
      try {
        write(lines);
        done.forEach(f -> f.complete(null));
      } catch (Throwable e) {
        // An I/O failure, or an Error (out of memory, say): every writer of the batch hears of it,
        // and the loop goes on with the next batch, so that no writer waits for an answer forever.
        if (!(e instanceof UncheckedIOException)) {
          LOG.error("Writing {} failed; the {} lines of this flush are refused", file, lines.size(), e);
        }
        done.forEach(f -> f.completeExceptionally(e));
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
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      // The lines written are durable and the old log is whole: it goes on growing, and the next
      // threshold, or the next open, tries again. (Compaction holds the live state in memory, an
      // entry per key; whatever it held is garbage once it gives up.)
      LOG.warn("Compacting {} failed; the log stays as it is until the next try", file, e);
      liveBytes = bytes;
    }
  }

  /** Holding {@code io}: folds the file's lines and replaces it if that drops anything (or always, if not on open). */
  private void compactLocked(boolean onOpen) throws IOException {
    if (broken != null) {
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
      if (onOpen && live >= bytes) {
        liveBytes = bytes; // nothing to drop: the log stays, the copy goes
      } else {
        out.force(true);
      }
    }
    if (onOpen && live >= bytes) {
      Files.delete(tmp);
      return;
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel d = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      d.force(true);
    }
    try {
      channel.close();
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      broken = "the log " + file + " could not be reopened after compaction (" + e.getMessage() + ")";
      throw e;
    }
    bytes = live;
    liveBytes = live;
    compactions++;
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
