package coop.lattice;

/**
 * An amount of money that cannot be booked: zero or negative, with more decimals than its currency
 * has, in a code that is not an ISO 4217 currency, or in another currency than the account's
 * without the rate that converts it.
 */
public final class InvalidMoneyException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public InvalidMoneyException(String message) {
    super(message);
  }
}
