package coop.lattice.store;

import coop.lattice.StoreFailedException;
import java.util.List;
import java.util.Optional;

/**
 * Small named files a store keeps beside its ledger that never leave the collective: the sealed
 * details of aid claims, members' profiles. A store only keeps bytes; what goes in is encrypted
 * by its owner ({@link coop.lattice.privacy.Vault}) before it arrives here.
 *
 * <p>A {@link #write} replaces the file whole or not at all and is durable when it returns; a
 * {@link #delete} is too. Names are short slugs ({@code [a-z0-9-]{1,40}}).
 */
public interface PrivateArea {
  /** The file called {@code name}, if there is one. */
  Optional<byte[]> read(String name);

  /** Replaces the file called {@code name} with {@code content}, durably. */
  void write(String name, byte[] content);

  /** Removes the file called {@code name}, durably; nothing happens if there is none. */
  void delete(String name);

  /** The names of the files there are, sorted: what a backup copies. */
  List<String> names();

  /** The area of a store that keeps no private files: reads find nothing, writes are refused. */
  static PrivateArea none() {
    return NoPrivateArea.INSTANCE;
  }

  /** Checks a file name, the same way for every store. */
  static String checkName(String name) {
    if (!name.matches("[a-z0-9-]{1,40}")) {
      throw new IllegalArgumentException("a private file's name is 1 to 40 of a-z, 0-9 and '-', not " + name);
    }
    return name;
  }
}

/** See {@link PrivateArea#none()}. */
enum NoPrivateArea implements PrivateArea {
  INSTANCE;

  @Override
  public Optional<byte[]> read(String name) {
    PrivateArea.checkName(name);
    return Optional.empty();
  }

  @Override
  public void write(String name, byte[] content) {
    PrivateArea.checkName(name);
    throw new StoreFailedException("This ledger store keeps no private files, so " + name + " cannot be kept: use a"
        + " FileJournal or the in-memory store, or implement LedgerStore.privateArea() in yours.");
  }

  @Override
  public void delete(String name) {
    PrivateArea.checkName(name);
  }

  @Override
  public List<String> names() {
    return List.of();
  }
}
