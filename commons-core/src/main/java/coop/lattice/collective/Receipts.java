package coop.lattice.collective;

import coop.lattice.PrivateDataException;
import coop.lattice.finance.ReceiptCheck;
import coop.lattice.merkle.Hash;
import coop.lattice.privacy.Vault;
import coop.lattice.store.PrivateArea;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The receipts of expense claims, kept beside the journal in the store's private area like the
 * collective's other private records ({@code private/receipt-} and the first 32 hex digits of the
 * receipt's SHA-256, in a journal's directory), sealed by the collective's {@link Vault}: a receipt
 * can carry a payee's name or address, so it is shown by the collective, not published. The ledger
 * holds the SHA-256 of the receipt's own bytes, so anyone shown the receipt can check it against
 * the ledger, and the collective finds a receipt that went missing or was changed ({@link #check}).
 *
 * <p>A receipt is written durably before its claim is appended, and deleted again if the claim is
 * refused (unless an earlier claim keeps the same file). A copy of another collective's ledger
 * keeps none.
 */
final class Receipts {
  private static final String PREFIX = "receipt-";

  private final PrivateArea area;
  private final @Nullable Vault vault;

  private Receipts(PrivateArea area, @Nullable Vault vault) {
    this.area = area;
    this.vault = vault;
  }

  /** None, and none can be kept: what a copy of another collective's ledger has. */
  static Receipts none() {
    return new Receipts(PrivateArea.none(), null);
  }

  /** The receipts kept in {@code area}, sealed with {@code vault}. */
  static Receipts open(PrivateArea area, Vault vault) {
    return new Receipts(area, vault);
  }

  /** Whether this collective keeps receipts at all (a mirror does not). */
  boolean kept() {
    return vault != null;
  }

  static String file(Hash sha256) {
    return PREFIX + sha256.hex().substring(0, 32);
  }

  /** Whether a file is kept under {@code sha256}'s name. */
  boolean has(Hash sha256) {
    return !area.read(file(sha256)).isEmpty();
  }

  /** Keeps {@code receipt} durably; returns its SHA-256. */
  Hash keep(byte[] receipt) {
    if (vault == null) {
      throw new IllegalStateException("a copy of another collective's ledger keeps no receipts");
    }
    Hash sha = Hash.sha256(receipt);
    vault.write(area, file(sha), receipt);
    return sha;
  }

  /** Deletes the receipt kept under {@code sha256}, durably: for a claim the ledger refused. */
  void drop(Hash sha256) {
    area.delete(file(sha256));
  }

  /** Whether the receipt of {@code sha256} is kept, and unchanged. */
  ReceiptCheck check(Hash sha256) {
    return read(sha256).map(bytes -> Hash.sha256(bytes).equals(sha256) ? ReceiptCheck.INTACT : ReceiptCheck.ALTERED)
        .orElse(area.read(file(sha256)).isPresent() ? ReceiptCheck.ALTERED : ReceiptCheck.MISSING);
  }

  /**
   * The receipt's bytes as kept, whatever they now hash to; empty if there is no file, or if it no
   * longer opens with the collective's key (changed or damaged on disk).
   */
  Optional<byte[]> read(Hash sha256) {
    if (vault == null) {
      return Optional.empty();
    }
    try {
      return vault.read(area, file(sha256));
    } catch (PrivateDataException damaged) {
      return Optional.empty();
    }
  }
}
