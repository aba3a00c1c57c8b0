package coop.lattice;

/**
 * An application to join that cannot stand as written: it leaves a required question of the
 * collective unanswered, answers a question the collective does not ask, or answers at greater
 * length than an answer may have; or the questions an agreement sets cannot be read.
 */
public final class InvalidApplicationException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public InvalidApplicationException(String message) {
    super(message);
  }
}
