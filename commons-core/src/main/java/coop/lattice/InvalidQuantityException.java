package coop.lattice;

/** A quantity that is zero, negative, absurdly large, too precise, or in a unit Lattice does not know. */
public final class InvalidQuantityException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public InvalidQuantityException(String message) {
    super(message);
  }
}
