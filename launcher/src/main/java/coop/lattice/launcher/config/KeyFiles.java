package coop.lattice.launcher.config;

import coop.lattice.ledger.CollectiveKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

/**
 * A collective's signing key on disk: its 32-byte Ed25519 seed in base64, in a file only its owner
 * may read (0600). A file that others can read is refused, with the command that fixes it.
 */
public final class KeyFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private KeyFiles() {}

  /** Throws {@link IllegalArgumentException} saying why, if {@code file} exists and cannot be used. */
  static void check(Path file) {
    if (Files.exists(file)) {
      read(file);
    }
  }

  /** The key in {@code file}, or a new one written there (owner-only) if it does not exist. */
  public static CollectiveKey readOrCreate(Path file) {
    return Files.exists(file) ? read(file) : create(file);
  }

  static CollectiveKey read(Path file) {
    PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    try {
      if (posix != null) {
        Set<PosixFilePermission> p = posix.readAttributes().permissions();
        if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
          throw new IllegalArgumentException(file + " can be read by others (" + PosixFilePermissions.toString(p)
              + "); make it readable by its owner only: chmod 600 " + file);
        }
      }
      byte[] seed = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
      if (seed.length != 32) {
        throw new IllegalArgumentException(file + " holds " + seed.length + " bytes; a key seed is 32 bytes in base64");
      }
      return CollectiveKey.fromSeed(seed);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(file + " cannot be read by this user; give it to the user that runs the node");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " cannot be read (" + e + ")");
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
        throw e;
      }
      throw new IllegalArgumentException(file + " does not hold a key seed in base64 (" + e.getMessage() + ")");
    }
  }

  private static CollectiveKey create(Path file) {
    CollectiveKey key = CollectiveKey.generate();
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = dir.resolve(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(tmp);
      }
      Files.writeString(tmp, Base64.getEncoder().encodeToString(key.seed()) + "\n", StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key file " + file, e);
    }
  }
}
