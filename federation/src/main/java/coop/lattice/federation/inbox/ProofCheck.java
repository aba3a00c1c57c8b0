package coop.lattice.federation.inbox;

import coop.lattice.federation.http.SignatureRejected;
import coop.lattice.federation.keys.ObjectProofs;
import coop.lattice.federation.net.Origins;

/**
 * An activity that carries an FEP-8b32 object proof must have it verify too, with a key on its
 * actor's origin that its actor owns. 401 if not; an activity without a proof passes.
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
      try {
        if (pk.failed()) {
          throw new SignatureRejected("cannot obtain key " + method + ": " + pk.cause().getMessage());
        }
        if (!pk.result().owner().equals(a.actor())) {
          throw new SignatureRejected("key " + method + " is not the actor's");
        }
        ObjectProofs.verify(a.activity(), pk.result().publicKey());
      } catch (SignatureRejected e) {
        a.refuse(Reason.PROOF, "proof rejected: " + e.getMessage());
        return;
      }
      next.accept(a);
    }));
  }
}
