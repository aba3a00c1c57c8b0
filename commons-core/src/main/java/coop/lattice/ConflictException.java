package coop.lattice;

/**
 * The command conflicts with what the ledger already holds: acknowledging twice, correcting an
 * entry that was already corrected, joining twice.
 */
public final class ConflictException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
