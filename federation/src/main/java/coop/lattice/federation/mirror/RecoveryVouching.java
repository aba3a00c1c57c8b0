package coop.lattice.federation.mirror;

import coop.lattice.ledger.KeyEvents;
import coop.lattice.ledger.KeyHistory;
import coop.lattice.ledger.RecoveryCountersignature;
import coop.lattice.ledger.VerificationKey;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Whether this node knows a collective that countersigned a partner's recovery of its ledger key:
 * one it hosts, or one it mirrors, by one of the keys of that collective's ledger. The ledger checks
 * that each countersignature verifies and the partner's agreement how many there must be; only a
 * node can tell whether the countersigning keys are its partners' and not keys made up for the
 * occasion. A copy takes a recovery only if at least one is (otherwise it stops before it, and the
 * pull or push says why), so whoever took over a collective's node but not its partners cannot
 * move its ledger to a key of their own.
 */
final class RecoveryVouching implements Predicate<KeyEvents.KeyRecovered> {
  private final Map<String, MirrorCopy> copies;
  private volatile Function<String, Optional<KeyHistory>> hosted = actor -> Optional.empty();

  RecoveryVouching(Map<String, MirrorCopy> copies) {
    this.copies = copies;
  }

  /** How to find the keys of a collective this node hosts, by its actor. */
  void hostedBy(Function<String, Optional<KeyHistory>> keysOfHosted) {
    this.hosted = keysOfHosted;
  }

  @Override
  public boolean test(KeyEvents.KeyRecovered recovery) {
    for (RecoveryCountersignature c : recovery.countersignatures()) {
      VerificationKey key;
      try {
        key = VerificationKey.fromBase64Url(c.witnessKey());
      } catch (IllegalArgumentException e) {
        continue;
      }
      MirrorCopy copy = copies.get(c.witness());
      Optional<KeyHistory> keys = hosted.apply(c.witness()).or(() -> Optional.ofNullable(copy == null ? null : copy.keys));
      if (keys.isPresent() && keys.get().periods().stream().anyMatch(p -> p.key().equals(key))) {
        return true;
      }
    }
    return false;
  }
}
