package coop.lattice;

/**
 * A ledger was opened with a key that is not its key in force: a key it had before a rotation or a
 * recovery, or another collective's. Nothing was changed, and nothing is wrong with the journal:
 * open it with the key in force (its {@code keys()} history names it), and with the collective's
 * secret, or, if that key is lost, recover it ({@code Collective.openToRecover}).
 */
public final class KeyNotInForceException extends LatticeException {
  private static final long serialVersionUID = 1L;

  public KeyNotInForceException(String message) {
    super(message);
  }
}
