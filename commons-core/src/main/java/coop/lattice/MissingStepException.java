package coop.lattice;

/**
 * A step that has to come first has not been taken: a published plan that names the circle's
 * keeper for the meeting, an answer to a posting before committing with its author, a hold on a
 * tool before lending it to the next in line, the earlier entries before a later one reaches a
 * replica, the partner's offer before its next trade step.
 *
 * <p>The message names the missing step. Take it, then repeat the command; nothing was recorded.
 */
public final class MissingStepException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public MissingStepException(String message) {
    super(message);
  }
}
