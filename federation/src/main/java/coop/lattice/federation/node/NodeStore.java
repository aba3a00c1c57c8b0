package coop.lattice.federation.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What a node remembers besides the ledgers, in append-only logs under one directory: every
 * activity it accepted, with its id (forever: a replay inside the signature window is a no-op), each
 * collective's followers, the follows it sent, its delivery cursors and dead letters, and the
 * activities it accepted. Each log is replayed on open; each line is on disk before the caller is
 * answered, with lines that arrive together sharing one flush. Thread-safe.
 */
final class NodeStore {
  private final Path dir;
  private final Set<String> seen = new HashSet<>();
  private final Map<String, Log> logs = new LinkedHashMap<>();

  NodeStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds the activity ids in the accepted-activity log {@code name} to those seen (on open). */
  void remember(String name) {
    log(name).replay(line -> {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        seen.add(line.substring(0, tab));
      }
    });
  }

  /** An append-only log of lines. */
  static final class Log {
    private final Path file;
    private final FileChannel channel;
    private final List<String> pending = new ArrayList<>();
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private boolean flushing;

    Log(Path file) {
      this.file = file;
      try {
        Files.createDirectories(file.getParent());
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open " + file, e);
      }
    }

    synchronized void append(String line) {
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
    CompletableFuture<Void> appendDurably(String line, java.util.concurrent.Executor flusher) {
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

    void replay(Consumer<String> each) {
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

  synchronized Log log(String name) {
    return logs.computeIfAbsent(name, n -> new Log(dir.resolve(n + ".log")));
  }

  private final java.util.concurrent.ExecutorService flusher = java.util.concurrent.Executors.newSingleThreadExecutor(
      r -> {
        Thread t = new Thread(r, "lattice-node-store-flusher");
        t.setDaemon(true);
        return t;
      });

  /**
   * Claims {@code activityId} in memory: false if it was accepted before. The claim becomes
   * durable with the activity's line in its accepted-activity log, which is how it is
   * remembered after a restart.
   */
  synchronized boolean claim(String activityId) {
    return seen.add(activityId);
  }

  /** Gives back a claim whose activity was refused before anything was recorded, so it may come again. */
  synchronized void release(String activityId) {
    seen.remove(activityId);
  }

  /** Appends {@code line} to {@code name}, completing once it is on disk (group commit). */
  CompletableFuture<Void> appendDurably(String name, String line) {
    return log(name).appendDurably(line, flusher);
  }

  synchronized boolean seen(String activityId) {
    return seen.contains(activityId);
  }

  /** Replays the lines of {@code name} into a list. */
  List<String> lines(String name) {
    List<String> out = new ArrayList<>();
    log(name).replay(out::add);
    return Collections.unmodifiableList(out);
  }

  Path dir() {
    return dir;
  }

  synchronized void close() {
    flusher.shutdown();
    try {
      flusher.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    logs.values().forEach(Log::close);
    logs.clear();
  }
}
