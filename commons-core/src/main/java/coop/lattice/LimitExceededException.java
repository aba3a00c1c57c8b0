package coop.lattice;

/**
 * The command would take an account or a credit line past a limit that an agreement sets (or
 * its documented default). The message names the limit and the agreement it comes from.
 */
public final class LimitExceededException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public LimitExceededException(String message) {
    super(message);
  }
}
