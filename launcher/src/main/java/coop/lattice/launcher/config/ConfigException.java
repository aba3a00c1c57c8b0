package coop.lattice.launcher.config;

import coop.lattice.launcher.LauncherException;

/** A configuration file that cannot be used: the message names the file, the line and what to write instead. */
public final class ConfigException extends LauncherException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
