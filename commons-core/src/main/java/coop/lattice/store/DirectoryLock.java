package coop.lattice.store;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.StoreLockedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer per directory: an exclusive lock on a lock file inside the directory, held from
 * {@link #acquire} until {@link #close}. The holder writes its process id and start time into the
 * file, so that a refused opener can say who holds it. A second opener, in another process or in
 * this one, gets a {@link StoreLockedException} and has written nothing (the lock file is only
 * created when it is missing, and only the holder writes into it).
 *
 * <p>Unlike a lock file whose mere existence means "taken", the operating system's lock goes
 * away with the process: a writer killed with SIGKILL leaves no stale lock behind. The file itself
 * stays (it is never deleted: deleting it would let two openers lock two different files under
 * the same name).
 *
 * <p>Within one process the held directories are also kept in a set, and a second opener is
 * refused before it opens the file: on POSIX systems closing any descriptor of a file drops every
 * lock the process holds on it, so the refused opener must never touch the file.
 *
 * <pre>{@code
 * try (DirectoryLock lock = DirectoryLock.acquire(dir, "node.lock", "the node directory " + dir)) {
 *   // only this process writes under dir until close
 * }
 * }</pre>
 */
public final class DirectoryLock implements AutoCloseable {
  /** What to do about a held directory, said in every refusal. */
  public static final String ADVICE = "Stop the process that holds it, or open it read-only to verify, back up or export.";

  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path directory;
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean released;

  private DirectoryLock(Path directory, Path file, FileChannel channel, FileLock lock) {
    this.directory = directory;
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock file {@code lockFileName} in {@code directory} (the directory is created if
   * absent), or throws {@link StoreLockedException} naming {@code what} (such as "the journal in
   * /srv/riverside") and the holder's process id when it can be read.
   */
  public static DirectoryLock acquire(Path directory, String lockFileName, String what) {
    checkArgument(!lockFileName.isEmpty() && lockFileName.indexOf('/') < 0 && lockFileName.indexOf('\\') < 0,
        "lockFileName is not a plain file name: %s", lockFileName);
    Path file;
    try {
      Files.createDirectories(directory);
      file = directory.toRealPath().resolve(lockFileName);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + what + ": " + e.getMessage(), e);
    }
    long self = ProcessHandle.current().pid();
    if (!HELD.add(file)) {
      throw new StoreLockedException(directory, self, capitalized(what) + " is already open for writing in this"
          + " process (pid " + self + "); only one writer may hold it at a time. Close the other one first, or "
          + "open it read-only to verify, back up or export.");
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        // Locked in this process, but not through this class. Closing our channel would drop that
        // lock too (POSIX), so the channel is left open: one descriptor is the lesser harm.
        HELD.remove(file);
        throw new StoreLockedException(directory, self, capitalized(what) + " is locked by other code in this"
            + " process (pid " + self + "). " + ADVICE);
      }
      if (lock == null) {
        String holder = read(channel);
        channel.close();
        HELD.remove(file);
        long pid = field(holder, "pid").map(DirectoryLock::parsePid).orElse(-1L);
        String started = field(holder, "started").map(s -> ", started " + s).orElse("");
        throw new StoreLockedException(directory, pid, capitalized(what) + " is in use by "
            + (pid < 0 ? "another process" : "process " + pid + started) + " (it holds " + file
            + "); only one process may write it at a time. " + ADVICE);
      }
      String started = ProcessHandle.current().info().startInstant().map(Object::toString).orElse("unknown");
      ByteBuffer b = ByteBuffer.wrap(("pid=" + self + "\nstarted=" + started + "\n").getBytes(StandardCharsets.US_ASCII));
      channel.truncate(0);
      while (b.hasRemaining()) {
        channel.write(b, b.position());
      }
      channel.force(true);
      return new DirectoryLock(directory, file, channel, lock);
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // already failing; the first error says what went wrong
        }
      }
      HELD.remove(file);
      throw new UncheckedIOException("cannot lock " + what + " (" + file + "): " + e.getMessage(), e);
    }
  }

  /** The directory this lock holds. */
  public Path directory() {
    return directory;
  }

  /** Releases the lock; another opener may take it from now on. Idempotent. */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock " + file, e);
    } finally {
      HELD.remove(file);
    }
  }

  @Override
  public String toString() {
    return "DirectoryLock[" + file + (released ? ", released" : "") + "]";
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(256);
    while (b.hasRemaining() && channel.read(b, b.position()) > 0) {
      // the holder's few lines
    }
    return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII);
  }

  private static Optional<String> field(String content, String name) {
    for (String line : content.split("\n")) {
      if (line.startsWith(name + "=") && line.length() > name.length() + 1) {
        return Optional.of(line.substring(name.length() + 1).trim());
      }
    }
    return Optional.empty();
  }

  private static long parsePid(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
