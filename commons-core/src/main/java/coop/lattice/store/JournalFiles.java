package coop.lattice.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Every file operation a {@link FileJournal} makes, and no other: the real disk in production
 * ({@link #DISK}), a simulated one in tests that loses what was never forced at a simulated power
 * cut. The journal's writer lock ({@link DirectoryLock}) is not among them: it is the operating
 * system's, and dies with the process, not with the disk.
 *
 * <p>What is durable, and when, is the contract the journal relies on and the simulated disk
 * enforces: bytes written to a channel reach the disk with {@link FileChannel#force}; a file
 * created, deleted or renamed stays so once {@link #syncDirectory} has run on its directory.
 */
interface JournalFiles {
  /** The file system of the operating system. */
  JournalFiles DISK = new Disk();

  /** Opens {@code file} as {@link FileChannel#open(Path, OpenOption...)} does. */
  FileChannel open(Path file, OpenOption... options) throws IOException;

  /** A read-only view of {@code size} bytes of {@code channel} from {@code position}. */
  ByteBuffer map(FileChannel channel, long position, long size) throws IOException;

  /** The files of {@code dir} whose names match {@code glob}, in no particular order. */
  List<Path> list(Path dir, String glob) throws IOException;

  boolean exists(Path file);

  long size(Path file) throws IOException;

  /** Deletes {@code file} if it is there; durable once its directory is synced. */
  boolean deleteIfExists(Path file) throws IOException;

  /** Renames {@code from} to {@code to} atomically, replacing it; durable once the directory is synced. */
  void rename(Path from, Path to) throws IOException;

  /** Makes the entries of {@code dir} durable: the files created, deleted and renamed in it. */
  void syncDirectory(Path dir) throws IOException;

  void createDirectories(Path dir) throws IOException;

  /** Everything in {@code file}. */
  default byte[] readAll(Path file) throws IOException {
    try (FileChannel ch = open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(ch.size()));
      while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
        // until the end
      }
      return b.array();
    }
  }

  /**
   * Replaces {@code file} with {@code content} so that after a crash it is the old file or the new
   * one, whole: a temporary file beside it, forced, renamed over it, then the directory forced.
   */
  default void replace(Path file, byte[] content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch = open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.wrap(content);
      while (b.hasRemaining()) {
        ch.write(b, b.position());
      }
      ch.force(true);
    }
    rename(tmp, file);
    syncDirectory(file.getParent());
  }

  /** The operating system's files. */
  final class Disk implements JournalFiles {
    private Disk() {}

    @Override
    public FileChannel open(Path file, OpenOption... options) throws IOException {
      return FileChannel.open(file, options);
    }

    @Override
    public ByteBuffer map(FileChannel channel, long position, long size) throws IOException {
      return channel.map(FileChannel.MapMode.READ_ONLY, position, size);
    }

    @Override
    public List<Path> list(Path dir, String glob) throws IOException {
      List<Path> out = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
        ds.forEach(out::add);
      }
      return out;
    }

    @Override
    public boolean exists(Path file) {
      return Files.exists(file);
    }

    @Override
    public long size(Path file) throws IOException {
      return Files.size(file);
    }

    @Override
    public boolean deleteIfExists(Path file) throws IOException {
      return Files.deleteIfExists(file);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true);
      }
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
      Files.createDirectories(dir);
    }
  }
}
