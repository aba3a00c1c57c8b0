package coop.lattice;

/**
 * An agreement or proposal that cannot stand as written: no review date, an unknown parameter, a
 * parameter of the wrong type or out of range, or a setting another agreement already governs; or a
 * response to a proposal that its decision rule does not take, or that needs a reason and has none.
 */
public final class InvalidAgreementException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public InvalidAgreementException(String message) {
    super(message);
  }
}
