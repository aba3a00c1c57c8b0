package coop.lattice;

/**
 * A trade step names a collective this one has no partnership with. Trade between collectives,
 * clearing, coverage and the appointment of a relay all run under a partnership: an exchange
 * agreement in force, then {@code Trade.agree} with the partner and a credit line per unit.
 *
 * <p>Agree the partnership first, then repeat the step; nothing was recorded.
 */
public final class NoPartnershipException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public NoPartnershipException(String message) {
    super(message);
  }
}
