package coop.lattice;

/**
 * A circle's record that cannot stand as written: a tension without a description, a repair
 * without a follow-up date, a proposal outcome that names no proposal, a turn that is not a
 * stretch of time or not in a round from 1, turns that overlap or go back a round, a turn by
 * someone not listed as taking part, a keeper who does not take part, an equal speaking time of
 * zero.
 *
 * <p>Correct the record and submit it again; nothing was recorded.
 */
public final class InvalidCircleException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public InvalidCircleException(String message) {
    super(message);
  }
}
