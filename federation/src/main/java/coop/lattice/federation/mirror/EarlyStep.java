package coop.lattice.federation.mirror;

import coop.lattice.federation.FederationException;

/**
 * A partner's step arrived before what it follows: a later trade step before the offer it names,
 * or a round's completion before the commitments of the collective's leg counterparts. Deliveries
 * from different partners to one inbox run side by side and can overtake each other, so this is no
 * disagreement between the ledgers: what it follows is most likely still on its way. The inbox
 * answers 503 with {@code Retry-After}, the partner's outbox sends the step again, and it is taken
 * once what it follows is in. A step whose antecedent never comes is sent until the partner's
 * outbox gives up, and then is a dead letter that keeps this message.
 */
public final class EarlyStep extends FederationException {
  private static final long serialVersionUID = 1L;

  public EarlyStep(String message) {
    super(message);
  }
}
