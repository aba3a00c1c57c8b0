package coop.lattice;

/**
 * The command comes before its time: a decision while the window for responses is still open or
 * before everyone affected has given advice, a meeting recorded before its day, time-bank hours
 * dated after today. The message says when it becomes possible.
 *
 * <p>The counterpart of an {@link ExpiredException}, which comes too late. Repeat the command once
 * that time has come; nothing was recorded.
 */
public final class TooEarlyException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public TooEarlyException(String message) {
    super(message);
  }
}
