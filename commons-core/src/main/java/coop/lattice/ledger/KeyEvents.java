package coop.lattice.ledger;

import coop.lattice.CollectiveId;
import coop.lattice.merkle.Hash;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Changes of the ledger's signing key ({@link Event.LedgerKeys}), checked entry by entry by {@link
 * KeyHistory}: a rotation, signed by the key in force and by the new key; a recovery when the key in
 * force is lost, signed by the new key, resting on the newest checkpoint the lost key signed and
 * countersigned by partners who held the ledger up to it (how many, and which new key, is the
 * collective's agreement: its fold checks that). From the entry on, checkpoints are signed by the
 * new key. The collective's secret (its vault and the members' handles, {@link CollectiveSecret})
 * does not change. Like every event, the record and component names are part of the ledger format.
 */
public final class KeyEvents {
  private KeyEvents() {}

  /** The kind of change a {@link KeyChange} describes. */
  public static final String ROTATION = "rotation";
  public static final String RECOVERY = "recovery";

  /**
   * What a key change's signatures cover: the change and its place in the ledger (the entry's
   * sequence and the leaf hash of the entry before it), so that it cannot be replayed elsewhere.
   */
  public record KeyChange(CollectiveId collective, long sequence, @Nullable Hash previous, String kind,
      String publicKey) {
    private static final String DOMAIN = "lattice/ledger-key-change/v1\n";

    /** The change that {@code event} makes as entry {@code sequence}, after the entry whose leaf hash is {@code previous}. */
    public static KeyChange at(CollectiveId collective, long sequence, @Nullable Hash previous, Event.LedgerKeys event) {
      return event instanceof KeyRotated r ? new KeyChange(collective, sequence, previous, ROTATION, r.publicKey())
          : new KeyChange(collective, sequence, previous, RECOVERY, ((KeyRecovered) event).publicKey());
    }

    /** The bytes each signature of the change covers. */
    public byte[] signingInput() {
      return Signatures.input(DOMAIN, this);
    }

    /** {@code key}'s signature of this change. */
    public String sign(CollectiveKey key) {
      return Signatures.sign(key, signingInput());
    }

    boolean verify(VerificationKey key, String signature) {
      return Signatures.verify(key, signingInput(), signature);
    }
  }

  /**
   * The ledger's signing key rotates from the key in force to {@code publicKey}.
   *
   * @param publicKey the new key, URL-safe base64
   * @param signature the key in force's signature of the {@link KeyChange}
   * @param proof the new key's signature of it: whoever rotates holds the new key
   */
  public record KeyRotated(String publicKey, String signature, String proof) implements Event.LedgerKeys {}

  /**
   * The key in force was lost, and {@code publicKey} replaces it: the lost key is trusted only up to
   * {@code basis}, the newest checkpoint it signed, which this ledger extends.
   *
   * @param publicKey the new key, URL-safe base64; the collective's agreement in force names it
   *     ({@code ledger-key})
   * @param basis the newest checkpoint the lost key signed
   * @param countersignatures partners' countersignatures of the {@link RecoveryRequest}, at least as
   *     many as the agreement asks ({@code key-recovery-countersignatures})
   * @param proof the new key's signature of the {@link KeyChange}
   */
  public record KeyRecovered(String publicKey, SignedCheckpoint basis, List<RecoveryCountersignature> countersignatures,
      String proof) implements Event.LedgerKeys {
    public KeyRecovered {
      countersignatures = List.copyOf(countersignatures);
    }

    /** What the partners countersigned. */
    public RecoveryRequest request() {
      return new RecoveryRequest(basis, publicKey);
    }
  }
}
