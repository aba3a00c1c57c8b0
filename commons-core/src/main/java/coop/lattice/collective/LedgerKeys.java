package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.MemberId;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.KeyEvents;
import coop.lattice.ledger.KeyEvents.KeyChange;
import coop.lattice.ledger.KeyHistory;
import coop.lattice.ledger.RecoveryCountersignature;
import coop.lattice.ledger.RecoveryRequest;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.merkle.Hash;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The key that signs this collective's ledger, and how it changes; obtained from {@link
 * Collective#ledgerKeys()}. The collective's secret (its private area and its members' handles)
 * never changes with it.
 *
 * <ul>
 *   <li>{@linkplain #rotate Rotate}: while the key in force is at hand, it signs the change to a new
 *       key, which signs it too. Store the new key's seed before rotating: from the entry on, only
 *       it signs checkpoints, and the collective opens only with it.
 *   <li>{@linkplain #recover Recover}, when the key is lost: the members adopt a new key under
 *       their own rule (an agreement setting {@code ledger-key}); the collective asks its partners
 *       to countersign the {@linkplain #recoveryRequest request} (a node does this over the
 *       network); with as many countersignatures as the agreement asks ({@code
 *       key-recovery-countersignatures}), the new key takes over. The lost key is trusted up to the
 *       newest checkpoint it signed, and no further.
 *   <li>{@linkplain #countersign Countersign} a partner's request, as its witness.
 * </ul>
 *
 * <pre>{@code
 * CollectiveKey next = CollectiveKey.generate();
 * Files.write(keyFile, next.seed());                  // first, keep it
 * coop.ledgerKeys().rotate(ana, next);
 * Collective again = Collective.open(store, secret, next, clock, Progress.none());
 * }</pre>
 */
public final class LedgerKeys {
  private final Collective collective;

  /** The key change to append as entry {@code sequence}, after the entry whose leaf hash is {@code previous}. */
  @FunctionalInterface
  interface Change {
    Event.LedgerKeys at(long sequence, @Nullable Hash previous);
  }

  LedgerKeys(Collective collective) {
    this.collective = collective;
  }

  /** Every key the ledger was signed with, and the checkpoint sizes each signs. */
  public KeyHistory history() {
    return collective.ledger().keys();
  }

  /**
   * {@code by}, a member, rotates the ledger's key to {@code next}: the key in force and {@code next}
   * sign the change, and a checkpoint signed by {@code next} follows at once.
   *
   * @throws coop.lattice.InvalidKeyChangeException if {@code next} was this ledger's key before
   */
  public Entry rotate(MemberId by, CollectiveKey next) {
    return collective.changeKey(by, next, (sequence, previous) -> {
      KeyChange change = new KeyChange(collective.id(), sequence, previous, KeyEvents.ROTATION,
          next.verificationKey().base64Url());
      return new KeyEvents.KeyRotated(change.publicKey(), change.sign(collective.signingKey()), change.sign(next));
    });
  }

  /**
   * What to ask partners to countersign to recover the lost key with {@code next}: the newest
   * checkpoint the key in force signed, which the partners must hold, and the new key.
   *
   * @throws ConflictException if the key in force signed no checkpoint of this ledger to recover from
   */
  public RecoveryRequest recoveryRequest(CollectiveKey next) {
    return new RecoveryRequest(basis(), next.verificationKey().base64Url());
  }

  /**
   * {@code by}, a member, recovers the lost key with {@code next}, which the agreements in force
   * adopted ({@code ledger-key}), with the partners' countersignatures of {@link
   * #recoveryRequest(CollectiveKey)}; a checkpoint signed by {@code next} follows at once.
   *
   * @throws coop.lattice.InvalidKeyChangeException if the agreements did not adopt {@code next}, too few
   *     partners countersigned, or a countersignature does not verify for this request
   */
  public Entry recover(MemberId by, CollectiveKey next, List<RecoveryCountersignature> countersignatures) {
    SignedCheckpoint basis = basis();
    return collective.changeKey(by, next, (sequence, previous) -> {
      KeyChange change = new KeyChange(collective.id(), sequence, previous, KeyEvents.RECOVERY,
          next.verificationKey().base64Url());
      return new KeyEvents.KeyRecovered(change.publicKey(), basis, countersignatures, change.sign(next));
    });
  }

  /**
   * This collective, as {@code witness} (its actor URL), countersigns a partner's request with its
   * own ledger key. Check first that the partner's ledger, as this collective holds it, is the one
   * the request rests on: a node's mirror does ({@code coop.lattice.federation}).
   */
  public RecoveryCountersignature countersign(RecoveryRequest request, String witness) {
    return RecoveryCountersignature.sign(request, witness, collective.signingKey(), collective.now());
  }

  private SignedCheckpoint basis() {
    KeyHistory keys = history();
    return collective.ledger().latestCheckpoint().filter(keys::verifies)
        .filter(cp -> keys.at(cp.checkpoint().size()).orElseThrow().equals(keys.current()))
        .orElseThrow(() -> new ConflictException("The key in force signed no checkpoint of this ledger that is kept,"
            + " so there is nothing for partners to recognise: a key is recovered from the newest checkpoint it signed."));
  }
}
