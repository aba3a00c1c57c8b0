package coop.lattice;

/**
 * A period that ends before it starts, asked of the sovereignty metrics. Give the months in order.
 */
public final class InvalidPeriodException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public InvalidPeriodException(String message) {
    super(message);
  }
}
