package coop.lattice;

/**
 * The command answers a step that has expired: a time-bank transfer left unconfirmed past the
 * agreed window, an offer past its expiry, a commitment past its due date.
 */
public final class ExpiredException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public ExpiredException(String message) {
    super(message);
  }
}
