package coop.lattice;

/**
 * A change of the ledger's signing key that cannot stand as written: a rotation not signed by the
 * key in force or by the new key, a recovery whose basis is not a checkpoint of this ledger signed by
 * the key it replaces, a countersignature that does not verify, fewer countersignatures than the
 * collective's agreement asks, a new key the agreement did not adopt, or a key the ledger used before.
 */
public final class InvalidKeyChangeException extends RejectedCommandException {
  private static final long serialVersionUID = 1L;

  public InvalidKeyChangeException(String message) {
    super(message);
  }
}
