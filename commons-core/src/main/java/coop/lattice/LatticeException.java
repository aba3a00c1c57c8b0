package coop.lattice;

/**
 * The root of every exception Lattice throws on purpose.
 *
 * <p>Subclasses name the situations a caller can act on: a {@link RejectedCommandException} means
 * a command broke a rule of the collective and nothing was recorded; a {@link
 * LedgerDamagedException} means stored entries failed verification and the ledger refuses to
 * grow until an operator acts; a {@link StoreFailedException} means durable storage could not
 * keep its promise and the store has stopped.
 */
public class LatticeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LatticeException(String message) {
    super(message);
  }

  public LatticeException(String message, Throwable cause) {
    super(message, cause);
  }
}
