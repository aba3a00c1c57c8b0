package coop.lattice;

/**
 * A collective's private data (sealed claim details, profiles) cannot be read back: the file was
 * changed or damaged, or it was sealed under another collective key. Nothing was changed. Restore
 * the file from the backup taken with the journal, or open the collective with the key that
 * sealed it.
 */
public final class PrivateDataException extends LatticeException {
  private static final long serialVersionUID = 1L;

  public PrivateDataException(String message, Throwable cause) {
    super(message, cause);
  }

  public PrivateDataException(String message) {
    super(message);
  }
}
