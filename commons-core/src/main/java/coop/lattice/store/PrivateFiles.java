package coop.lattice.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Files only their owner may read, for secrets such as signing keys: written whole or not at all
 * (a temporary file made with permissions 0600 before anything is written into it, forced to
 * disk, then renamed over the old one), and checked on the way in. File systems without POSIX
 * permissions (Windows, some network shares) keep their own access rules: there a file is written
 * plainly and never reported as exposed.
 */
public final class PrivateFiles {
  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

  private PrivateFiles() {}

  /** Replaces {@code file} with {@code content}, atomically, readable and writable by its owner only. */
  public static void write(Path file, byte[] content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp); // left by an interrupted write; made again with the right permissions
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.wrap(content);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * How other users may reach {@code file}: "read" or "changed", with its permissions, such as
   * {@code read (rw-r--r--)}; empty when only its owner may, or when the file system has no POSIX
   * permissions.
   */
  public static Optional<String> exposure(Path file) throws IOException {
    Set<PosixFilePermission> perms;
    try {
      perms = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException e) {
      return Optional.empty();
    }
    Set<PosixFilePermission> exposed = EnumSet.copyOf(OTHERS);
    exposed.retainAll(perms);
    if (exposed.isEmpty()) {
      return Optional.empty();
    }
    boolean read = exposed.contains(PosixFilePermission.GROUP_READ) || exposed.contains(PosixFilePermission.OTHERS_READ);
    return Optional.of((read ? "read" : "changed") + " (" + PosixFilePermissions.toString(perms) + ")");
  }
}
