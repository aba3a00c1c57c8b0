package coop.lattice;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A store's directory is held by another writer: another process, or another open store in this
 * one. Only one writer may hold a directory at a time, because two writers appending at once
 * interleave their bytes and damage each other's records. Nothing was read for writing and
 * nothing was written.
 *
 * <p>Stop the process that holds it, or open the store read-only to verify, back up or export it
 * while it runs.
 */
public final class StoreLockedException extends LatticeException {
  private static final long serialVersionUID = 1L;

  private final Path directory;
  private final long holderPid;

  /**
   * @param directory the directory that is held
   * @param holderPid the process id of the holder, or -1 when it is not known
   */
  public StoreLockedException(Path directory, long holderPid, String message) {
    super(message);
    this.directory = directory;
    this.holderPid = holderPid;
  }

  /** The directory that is held. */
  public Path directory() {
    return directory;
  }

  /** The process id of the writer that holds the directory, when it could be read. */
  public OptionalLong holderPid() {
    return holderPid < 0 ? OptionalLong.empty() : OptionalLong.of(holderPid);
  }
}
