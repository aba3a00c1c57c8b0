package coop.lattice.federation.keys;

import coop.lattice.federation.FederationException;
import java.nio.file.Path;

/**
 * An actor's key file can be read or written by other users of the machine, so it is not loaded:
 * whoever reads it can sign as the collective. The message names the file and the fix ({@code
 * chmod 600}); rotate the keys afterwards if others may have read them.
 */
public final class KeyFileExposedException extends FederationException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public KeyFileExposedException(Path file, String message) {
    super(message);
    this.file = file;
  }

  /** The key file that is exposed. */
  public Path file() {
    return file;
  }
}
