package coop.lattice.federation.hosting;

import coop.lattice.store.DirectoryLock;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The node's logs of lines, under one directory: each package that keeps state (the inbox's
 * accepted activities, follows, delivery cursors and dead letters, partner links, flags) owns its
 * log's line format behind an interface of its own, and writes through a {@link Log} from here. A
 * line is on disk before {@link Log#append} returns, or before the future of {@link
 * Log#appendDurably} completes, with lines that arrive together sharing one flush. Thread-safe.
 *
 * <h2>Bounded</h2>
 *
 * <p>Each log is opened with its {@link Compaction}: the owner of its format folds the lines to
 * the ones still live (the latest cursor per inbox, the current followers, the activity ids still
 * inside the replay window...). A log is compacted when it opens, if that drops anything, and
 * whenever a write takes it past {@link #GROWTH} times its size after the last compaction (and
 * past the store's floor, 64 KiB by default), by the thread that wrote, before the next write. So
 * a log never holds more than {@code GROWTH} times its live lines, or the floor, plus the last
 * lines written. Compaction writes the live lines to
 * {@code <log>.tmp}, forces it, renames it over the log atomically and forces the directory: a
 * crash at any point leaves the old log or the new one, whole. Lines appended meanwhile wait for
 * it and go to the new file.
 *
 * <p>Unlike an embedded database, the logs stay plain text that an operator can read, and each
 * format stays in the one class that owns it; the price is that compaction rewrites a whole log,
 * which the growth factor keeps to a constant share of the writes.
 *
 * <p>A line cut short by a crash (no line break after it) is cut off when the log opens; it was
 * never acknowledged, since a line is acknowledged only once it and its line break are on disk.
 *
 * <p>One process at a time: the store locks its directory ({@code node.lock}, a {@link
 * DirectoryLock}) from construction to {@link #close}; a second node on the same directory, in
 * another process or this one, is refused with {@link coop.lattice.StoreLockedException} naming
 * the holder's pid, before anything is written.
 */
public final class NodeStore {
  /** A log is compacted once it is this many times the size it had after its last compaction. */
  public static final int GROWTH = 2;
  /** Below this size a log is left to grow (compacting tiny logs would cost more than it saves). */
  public static final long DEFAULT_COMPACT_FROM = 64 << 10;

  private final Path dir;
  private final long compactFrom;
  private final DirectoryLock lock;
  private final Map<String, Log> logs = new LinkedHashMap<>();
  /** The one thread that writes and flushes group-committed lines. */
  private final ExecutorService flusher = Executors.newSingleThreadExecutor(
      r -> {
        Thread t = new Thread(r, "lattice-node-store-flusher");
        t.setDaemon(true);
        return t;
      });
  private boolean closed;

  /** Opens the node's state in {@code dir} (created if absent) and holds it until {@link #close}. */
  public NodeStore(Path dir) {
    this(dir, DEFAULT_COMPACT_FROM);
  }

  /** As {@link #NodeStore(Path)}, with logs left alone until they reach {@code compactFrom} bytes. */
  public NodeStore(Path dir, long compactFrom) {
    if (compactFrom < 1) {
      throw new IllegalArgumentException("compactFrom < 1: " + compactFrom);
    }
    this.dir = dir;
    this.compactFrom = compactFrom;
    this.lock = DirectoryLock.acquire(dir, "node.lock", "the node directory " + dir);
  }

  /**
   * How a log's lines fold to the ones still live, in the order they are to be kept. Written by
   * the class that owns the log's format, next to the code that writes and parses its lines. It
   * must be a pure function of the lines (and of a clock, for retention), not of the owner's state
   * in memory: it runs on whichever thread wrote past the threshold, while other appends wait.
   */
  @FunctionalInterface
  public interface Compaction {
    /** For a log whose every line stays live. */
    Compaction KEEP_ALL = lines -> lines;

    List<String> live(List<String> lines);
  }

  /** A log of lines, none of which may hold a line break, kept to its live lines by its compaction. */
  public static final class Log {
    private final Path file;
    private final Path tmp;
    private final Compaction compaction;
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

    Log(Path file, Compaction compaction, long compactFrom, Executor flusher) {
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
        } catch (UncheckedIOException e) {
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
        if (bytes > Math.max(compactFrom, GROWTH * liveBytes)) {
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
      } catch (IOException | RuntimeException e) {
        // The old log is whole and goes on growing; the next threshold, or the next open, tries again.
        liveBytes = bytes;
      }
    }

    /** Holding {@code io}: folds the file's lines and replaces it if that drops anything (or always, if not on open). */
    private void compactLocked(boolean onOpen) throws IOException {
      if (broken != null) {
        return;
      }
      byte[] live = encode(compaction.live(readLocked()));
      if (onOpen && live.length >= bytes) {
        liveBytes = bytes;
        return;
      }
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(live);
        while (buf.hasRemaining()) {
          out.write(buf);
        }
        out.force(true);
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
      bytes = live.length;
      liveBytes = live.length;
      compactions++;
    }

    private List<String> readLocked() throws IOException {
      ByteBuffer b = ByteBuffer.allocate((int) bytes);
      while (b.hasRemaining() && channel.read(b, b.position()) >= 0) {
        // whole lines up to bytes: everything written went through io
      }
      List<String> lines = new ArrayList<>();
      String all = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
      int from = 0;
      for (int nl = all.indexOf('\n'); nl >= 0; nl = all.indexOf('\n', from)) {
        if (nl > from) {
          lines.add(all.substring(from, nl));
        }
        from = nl + 1;
      }
      return lines;
    }

    private static byte[] encode(List<String> lines) {
      StringBuilder b = new StringBuilder();
      lines.forEach(l -> b.append(l).append('\n'));
      return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Each line in the order written (on open, before new lines are appended). */
    public void replay(Consumer<String> each) {
      List<String> lines;
      synchronized (io) {
        try {
          lines = readLocked();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
      }
      lines.forEach(each);
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

  /**
   * The log {@code name} (a relative path without the {@code .log} ending), opened on first use
   * and compacted then by {@code compaction}.
   */
  public synchronized Log log(String name, Compaction compaction) {
    if (closed) {
      throw new IllegalStateException("the node store in " + dir + " is closed");
    }
    return logs.computeIfAbsent(name, n -> new Log(dir.resolve(n + ".log"), compaction, compactFrom, flusher));
  }

  /** Compacts every log opened so far, now, whatever its size (maintenance, and crash tests). */
  public void compact() {
    List<Log> open;
    synchronized (this) {
      open = List.copyOf(logs.values());
    }
    open.forEach(Log::compact);
  }

  public Path dir() {
    return dir;
  }

  /** Waits for pending flushes, then closes every log and lets go of the directory. */
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    flusher.shutdown();
    try {
      flusher.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      logs.values().forEach(Log::close);
      logs.clear();
    } finally {
      lock.close();
    }
  }
}
