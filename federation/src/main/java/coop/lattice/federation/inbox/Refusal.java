package coop.lattice.federation.inbox;

import coop.lattice.federation.FederationException;

/** An inbound activity refused, with the {@link Reason} that gives the HTTP status, and a message that says why. */
public final class Refusal extends FederationException {
  private static final long serialVersionUID = 1L;
  private final Reason reason;

  Refusal(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public int status() {
    return reason.status();
  }

  Reason reason() {
    return reason;
  }
}
