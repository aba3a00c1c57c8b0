package coop.lattice;

/**
 * The member exists but may not do this, for example confirming their own contribution or
 * confirming help that went to someone else.
 */
public final class NotPermittedException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public NotPermittedException(String message) {
    super(message);
  }
}
