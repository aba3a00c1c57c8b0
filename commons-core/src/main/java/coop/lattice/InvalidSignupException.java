package coop.lattice;

/**
 * A sign-up round or a member's statement that cannot stand as written: a round without
 * activities, the same activity twice, an activity that never comes round in the round's days, a
 * window that closes too soon; a capacity share outside (0, 1].
 */
public final class InvalidSignupException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public InvalidSignupException(String message) {
    super(message);
  }
}
