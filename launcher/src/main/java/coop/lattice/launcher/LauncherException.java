package coop.lattice.launcher;

/**
 * The root of what the launcher refuses: a configuration it cannot use, a journal it cannot open
 * as asked, an operator's command left unconfirmed. The message says what was wrong and what to
 * do; the command prints it and exits non-zero.
 */
public class LauncherException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LauncherException(String message) {
    super(message);
  }

  public LauncherException(String message, Throwable cause) {
    super(message, cause);
  }
}
