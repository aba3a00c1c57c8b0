package coop.lattice;

/**
 * Durable storage failed (an fsync or write error). The store has stopped: it cannot know which
 * bytes reached the disk, so it accepts nothing more. Reopen it from disk to continue; reopening
 * re-verifies everything.
 */
public final class StoreFailedException extends LatticeException {
  private static final long serialVersionUID = 1L;

  public StoreFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreFailedException(String message) {
    super(message);
  }
}
