package coop.lattice.federation.hosting;

import coop.lattice.store.DirectoryLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The node's logs of lines, under one directory: each package that keeps state (the inbox's
 * accepted activities, follows, delivery cursors and dead letters, partner links, flags) owns its
 * log's line format behind an interface of its own, and writes through a {@link NodeLog} from here. A
 * line is on disk before {@link NodeLog#append} returns, or before the future of {@link
 * NodeLog#appendDurably} completes, with lines that arrive together sharing one flush. Thread-safe.
 *
 * <h2>Bounded</h2>
 *
 * <p>Each log is opened with its {@link Compaction}: the owner of its format folds the lines to
 * the ones still live (the latest cursor per inbox, the current followers, the activity ids still
 * inside the replay window...). A log is compacted when it opens, if that drops anything, and
 * whenever a write takes it past {@link #GROWTH} times its size after the last compaction (and
 * past the store's floor, 64 KiB by default), by the thread that wrote, before the next write. So
 * a log never holds more than {@code GROWTH} times its live lines, or the floor, plus the last
 * lines written. Compaction reads the log a buffer at a time and writes the live lines to
 * {@code <log>.tmp} as they are known, forces it, renames it over the log atomically and forces
 * the directory: a crash at any point leaves the old log or the new one, whole. Lines appended
 * meanwhile wait for it and go to the new file. Opening replays the log a buffer at a time too.
 *
 * <p>Every writer hears once: if a flush fails, with an I/O error or an Error such as running out
 * of memory, each line of it is refused to its writer and the flusher goes on with the next.
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
  private final Map<String, NodeLog> logs = new LinkedHashMap<>();
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
   *
   * <p>The log is read to it one line at a time ({@link #pass}); by default the lines are gathered
   * and folded with {@link #live}, which suits a log whose lines fold to few (a cursor per inbox,
   * the current followers). A log that keeps much of what it was written (the activities inside
   * the replay window) folds line by line instead, so that compacting it takes memory for its
   * live state, not for the file.
   */
  @FunctionalInterface
  public interface Compaction {
    /** For a log whose every line stays live. */
    Compaction KEEP_ALL = new Compaction() {
      @Override
      public List<String> live(List<String> lines) {
        return lines;
      }

      @Override
      public Pass pass(Consumer<String> out) {
        return new Pass() {
          @Override
          public void line(String line) {
            out.accept(line);
          }

          @Override
          public void end() {}
        };
      }
    };

    List<String> live(List<String> lines);

    /** One compaction: the log's lines, oldest first, and the live ones handed to {@code out} as they are known. */
    default Pass pass(Consumer<String> out) {
      List<String> lines = new ArrayList<>();
      return new Pass() {
        @Override
        public void line(String line) {
          lines.add(line);
        }

        @Override
        public void end() {
          live(lines).forEach(out);
        }
      };
    }

    /** One pass of a compaction over a log. */
    interface Pass {
      /** The log's next line. */
      void line(String line);

      /** The log ends: what is still held goes to the live lines. */
      void end();
    }
  }

  /**
   * The log {@code name} (a relative path without the {@code .log} ending), opened on first use
   * and compacted then by {@code compaction}.
   */
  public synchronized NodeLog log(String name, Compaction compaction) {
    if (closed) {
      throw new IllegalStateException("the node store in " + dir + " is closed");
    }
    return logs.computeIfAbsent(name, n -> new NodeLog(dir.resolve(n + ".log"), compaction, compactFrom, flusher));
  }

  /** Compacts every log opened so far, now, whatever its size (maintenance, and crash tests). */
  public void compact() {
    List<NodeLog> open;
    synchronized (this) {
      open = List.copyOf(logs.values());
    }
    open.forEach(NodeLog::compact);
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
      logs.values().forEach(NodeLog::close);
      logs.clear();
    } finally {
      lock.close();
    }
  }
}
