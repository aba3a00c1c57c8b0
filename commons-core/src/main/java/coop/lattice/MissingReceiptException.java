package coop.lattice;

/**
 * An expense claimed without its receipt, or with a receipt the collective does not keep: every
 * expense is claimed with the receipt's file, which the collective keeps beside its journal and
 * whose SHA-256 goes on the ledger.
 */
public final class MissingReceiptException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public MissingReceiptException(String message) {
    super(message);
  }
}
