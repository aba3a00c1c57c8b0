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
import java.util.function.Consumer;

/**
 * What a node remembers besides the ledgers, in append-only logs under one directory: every
 * activity id it accepted (forever: a replay inside the signature window is a no-op), each
 * collective's followers, the follows it sent, its delivery cursors and dead letters, and the
 * activities it accepted. Each log is replayed on open; each line is flushed to disk before the
 * caller is answered. Thread-safe.
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
    log("seen-activities").replay(seen::add);
  }

  /** An append-only log of lines. */
  static final class Log {
    private final Path file;
    private final FileChannel channel;

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
        channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
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

  /** Records {@code activityId} as accepted; false if it was accepted before. */
  synchronized boolean firstTime(String activityId) {
    if (!seen.add(activityId)) {
      return false;
    }
    log("seen-activities").append(activityId);
    return true;
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
    logs.values().forEach(Log::close);
    logs.clear();
  }
}
