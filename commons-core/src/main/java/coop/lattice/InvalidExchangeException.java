package coop.lattice;

/**
 * An exchange that cannot stand as written: a partnership with two credit lines in one unit, a
 * clearing leg whose debtor is also its creditor, a coverage that names a partner twice, a
 * commitment due before today.
 *
 * <p>Correct the exchange and submit it again; nothing was recorded.
 */
public final class InvalidExchangeException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public InvalidExchangeException(String message) {
    super(message);
  }
}
