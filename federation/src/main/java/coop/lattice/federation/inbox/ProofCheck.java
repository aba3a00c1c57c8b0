package coop.lattice.federation.inbox;

import coop.lattice.federation.http.SignatureRejected;
import coop.lattice.federation.keys.ObjectProofs;
import coop.lattice.federation.net.Origins;

/**
 * An activity that carries an FEP-8b32 object proof must have it verify too, with a key on its
 * actor's origin that its actor owns (a cached key that fails is fetched again once). 401 if not;
 * an activity without a proof passes.
 */
final class ProofCheck implements Step<VerifiedActivity> {
  private final KeyCache keys;
  private final Step<VerifiedActivity> next;

  ProofCheck(KeyCache keys, Step<VerifiedActivity> next) {
    this.keys = keys;
    this.next = next;
  }

  @Override
  public void accept(VerifiedActivity a) {
    if (!a.activity().has("proof")) {
      next.accept(a);
      return;
    }
    String method;
    try {
      method = ObjectProofs.verificationMethod(a.activity());
    } catch (SignatureRejected e) {
      a.refuse(Reason.PROOF, "proof rejected: " + e.getMessage());
      return;
    }
    if (!Origins.sameOrigin(method, a.actor())) {
      a.refuse(Reason.PROOF, "proof rejected: its key is not on the actor's origin");
      return;
    }
    keys.key(method, a.collective()).onComplete(pk -> a.arrival().guard(() -> {
      if (pk.failed()) {
        a.refuse(Reason.PROOF, "proof rejected: cannot obtain key " + method + ": " + pk.cause().getMessage());
      } else {
        verify(a, method, pk.result(), true);
      }
    }));
  }

  /**
   * Verifies with {@code key}; a cached key that does not verify is fetched again once, as {@code
   * Authentication} does for signatures: the actor may have rotated it (its {@code Update}, signed
   * with the new key, is the very activity that tells us).
   */
  private void verify(VerifiedActivity a, String method, KeyCache.Key key, boolean mayRefetch) {
    try {
      if (!key.owner().equals(a.actor())) {
        throw new SignatureRejected("key " + method + " is not the actor's");
      }
      ObjectProofs.verify(a.activity(), key.publicKey());
    } catch (SignatureRejected e) {
      if (mayRefetch && key.cached()) {
        keys.forget(method);
        keys.key(method, a.collective()).onComplete(again -> a.arrival().guard(() -> {
          if (again.failed()) {
            a.refuse(Reason.PROOF, "proof rejected: " + e.getMessage());
          } else {
            verify(a, method, again.result(), false);
          }
        }));
        return;
      }
      a.refuse(Reason.PROOF, "proof rejected: " + e.getMessage());
      return;
    }
    next.accept(a);
  }
}
