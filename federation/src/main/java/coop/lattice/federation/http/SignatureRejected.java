package coop.lattice.federation.http;

import coop.lattice.federation.FederationException;

/** A request's signature is missing, malformed, stale, too weak or wrong; the message says which. */
public final class SignatureRejected extends FederationException {
  private static final long serialVersionUID = 1L;

  public SignatureRejected(String message) {
    super(message);
  }
}
