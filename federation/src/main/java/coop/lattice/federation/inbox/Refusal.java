package coop.lattice.federation.inbox;

import coop.lattice.federation.FederationException;

/** An inbound activity refused, with the HTTP status that says how, and a message that says why. */
public final class Refusal extends FederationException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public Refusal(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
