package coop.lattice.federation.inbox;

import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.http.SignatureRejected;

/**
 * Fetches the signing key (through the {@link KeyCache}: SSRF-safe, rate-limited per origin),
 * requires its owner to be the activity's actor, and verifies the signature with it. A cached
 * key that fails is fetched again once, since the sender may have rotated it. 401 if not.
 */
final class Authentication implements Step<Candidate> {
  private final KeyCache keys;
  private final Step<VerifiedActivity> next;

  Authentication(KeyCache keys, Step<VerifiedActivity> next) {
    this.keys = keys;
    this.next = next;
  }

  @Override
  public void accept(Candidate c) {
    Parsed p = c.parsed();
    String keyId = p.signed().keyId();
    keys.key(keyId, c.collective()).onComplete(ar -> p.arrival().guard(() -> {
      if (ar.failed()) {
        p.arrival().refuse(Reason.KEY, "cannot obtain key " + keyId + ": " + ar.cause().getMessage());
      } else {
        verify(c, ar.result(), true);
      }
    }));
  }

  private void verify(Candidate c, KeyCache.Key key, boolean mayRefetch) {
    Parsed p = c.parsed();
    HttpSignatures.Signed signed = p.signed();
    if (!key.owner().equals(p.actor())) {
      p.arrival().refuse(Reason.KEY_OWNER, "key " + signed.keyId() + " belongs to " + key.owner() + ", not to the actor "
          + p.actor());
      return;
    }
    try {
      signed.verify(key.publicKey());
    } catch (SignatureRejected e) {
      if (mayRefetch && key.cached()) {
        keys.forget(signed.keyId());
        keys.key(signed.keyId(), c.collective()).onComplete(again -> p.arrival().guard(() -> {
          if (again.failed()) {
            p.arrival().refuse(Reason.SIGNATURE, "signature rejected: " + e.getMessage());
          } else {
            verify(c, again.result(), false);
          }
        }));
        return;
      }
      p.arrival().refuse(Reason.SIGNATURE, "signature rejected: " + e.getMessage());
      return;
    }
    next.accept(new VerifiedActivity(p.arrival(), c.collective(), p.activity(), p.id(), p.actor(), p.type(), key));
  }
}
