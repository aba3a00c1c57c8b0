package coop.lattice;

/**
 * A command broke one of the collective's rules. Nothing was appended: the ledger's size and root
 * are what they were before the command.
 *
 * <p>The message is written for the people in the collective, not for a stack trace reader: it
 * says what was wrong and what to do instead.
 */
public class RejectedCommandException extends LatticeException {
  private static final long serialVersionUID = 1L;

  public RejectedCommandException(String message) {
    super(message);
  }
}
