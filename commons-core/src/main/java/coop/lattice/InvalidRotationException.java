package coop.lattice;

/**
 * A rotation request or step that cannot stand: a cadence that never occurs, an empty roster, a
 * reveal that does not match its commitment, a commitment after its deadline, a hand-over the
 * other member did not agree to; and for a campaign's cycle of intensity and rest, phases out of
 * order or a debrief that records nothing.
 */
public final class InvalidRotationException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public InvalidRotationException(String message) {
    super(message);
  }
}
