package coop.lattice.federation.mirror;

import coop.lattice.federation.FederationException;

/**
 * A partner's later trade step arrived before the offer it names. Deliveries to one inbox run
 * side by side and can overtake each other, so this is no disagreement between the ledgers: the
 * offer is most likely still on its way. The inbox answers 503 with {@code Retry-After}, the
 * partner's outbox sends the step again, and it is relayed once the offer is in. A step that names
 * an offer that never comes is sent until the partner's outbox gives up, and then is a dead letter
 * that keeps this message.
 */
public final class StepBeforeOffer extends FederationException {
  private static final long serialVersionUID = 1L;

  StepBeforeOffer(String message) {
    super(message);
  }
}
