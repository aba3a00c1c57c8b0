package coop.lattice;

/**
 * A rotation request or step that cannot stand: a cadence that never occurs, an empty roster, a
 * reveal that does not match its commitment, a commitment after its deadline, a hand-over the
 * other member did not agree to.
 */
public final class InvalidRotationException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public InvalidRotationException(String message) {
    super(message);
  }
}
