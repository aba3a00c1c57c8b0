package coop.lattice.store;

import coop.lattice.StoreFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link FileJournal}'s private files: {@code private/<name>} in the journal's directory,
 * readable by the owner only ({@link PrivateFiles}: permissions 0600, written whole), the
 * directory forced after every change so a write or delete that returned survives a crash. A
 * journal opened read-only refuses changes.
 */
final class JournalPrivateArea implements PrivateArea {
  private final Path dir;
  private final JournalFiles files;
  private final boolean readOnly;

  JournalPrivateArea(Path journalDirectory, JournalFiles files, boolean readOnly) {
    this.dir = journalDirectory.resolve("private");
    this.files = files;
    this.readOnly = readOnly;
  }

  @Override
  public Optional<byte[]> read(String name) {
    Path file = dir.resolve(PrivateArea.checkName(name));
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreFailedException("Cannot read the private file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void write(String name, byte[] content) {
    Path file = dir.resolve(PrivateArea.checkName(name));
    writable(file);
    try {
      files.createDirectories(dir);
      PrivateFiles.write(file, content);
      files.syncDirectory(dir);
    } catch (IOException e) {
      throw new StoreFailedException("Cannot write the private file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(String name) {
    Path file = dir.resolve(PrivateArea.checkName(name));
    writable(file);
    try {
      if (Files.deleteIfExists(file)) {
        files.syncDirectory(dir);
      }
    } catch (IOException e) {
      throw new StoreFailedException("Cannot delete the private file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> names() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("[a-z0-9-]{1,40}")).sorted().toList();
    } catch (IOException e) {
      throw new StoreFailedException("Cannot list the private files in " + dir + ": " + e.getMessage(), e);
    }
  }

  private void writable(Path file) {
    if (readOnly) {
      throw new StoreFailedException("The journal was opened read-only, so " + file + " cannot change: open it with"
          + " FileJournal.open to write.");
    }
  }
}
