package coop.lattice.federation.hosting;

import coop.lattice.store.DirectoryLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * The node's append-only logs of lines, under one directory: each package that keeps state (the
 * inbox's accepted activities, follows, delivery cursors and dead letters, partner links, flags)
 * owns its log's line format behind an interface of its own, and writes through a {@link Log}
 * from here. A line is on disk before {@link Log#append} returns, or before the future of {@link
 * Log#appendDurably} completes, with lines that arrive together sharing one flush. Thread-safe.
 *
 * <p>One process at a time: the store locks its directory ({@code node.lock}, a {@link
 * DirectoryLock}) from construction to {@link #close}; a second node on the same directory, in
 * another process or this one, is refused with {@link coop.lattice.StoreLockedException} naming
 * the holder's pid, before anything is written.
 */
public final class NodeStore {
  private final Path dir;
  private final DirectoryLock lock;
  private final Map<String, Log> logs = new LinkedHashMap<>();
  /** The one thread that writes and flushes group-committed lines. */
  private final ExecutorService flusher = Executors.newSingleThreadExecutor(
      r -> {
        Thread t = new Thread(r, "lattice-node-store-flusher");
        t.setDaemon(true);
        return t;
      });

  /** Opens the node's state in {@code dir} (created if absent) and holds it until {@link #close}. */
  public NodeStore(Path dir) {
    this.dir = dir;
    this.lock = DirectoryLock.acquire(dir, "node.lock", "the node directory " + dir);
  }

  /** An append-only log of lines, none of which may hold a line break. */
  public static final class Log {
    private final Path file;
    private final FileChannel channel;
    private final List<String> pending = new ArrayList<>();
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private final Executor flusher;
    private boolean flushing;

    Log(Path file, Executor flusher) {
      this.file = file;
      this.flusher = flusher;
      try {
        Files.createDirectories(file.getParent());
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open " + file, e);
      }
    }

    /** Appends {@code line} and returns once it is on disk. */
    public synchronized void append(String line) {
      if (line.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a log line cannot hold a line break");
      }
      try {
        synchronized (channel) {
          channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
          channel.force(false);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    }

    /**
     * Appends {@code line} and completes once it is on disk. Lines that arrive while a flush is
     * under way share the next one (group commit), on the store's flusher thread.
     */
    public CompletableFuture<Void> appendDurably(String line) {
      if (line.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a log line cannot hold a line break");
      }
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
          StringBuilder b = new StringBuilder();
          lines.forEach(l -> b.append(l).append('\n'));
          synchronized (channel) {
            ByteBuffer buf = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
              channel.write(buf);
            }
            channel.force(false);
          }
          done.forEach(f -> f.complete(null));
        } catch (IOException e) {
          done.forEach(f -> f.completeExceptionally(new UncheckedIOException("cannot write " + file, e)));
        }
      }
    }

    /** Each line in the order written (on open, before new lines are appended). */
    public void replay(Consumer<String> each) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.isEmpty()) {
            each.accept(line);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }

    void close() {
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The log {@code name} (a relative path without the {@code .log} ending), opened on first use. */
  public synchronized Log log(String name) {
    return logs.computeIfAbsent(name, n -> new Log(dir.resolve(n + ".log"), flusher));
  }


  public Path dir() {
    return dir;
  }

  /** Waits for pending flushes, then closes every log and lets go of the directory. */
  public synchronized void close() {
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
