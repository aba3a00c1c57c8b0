package coop.lattice.exchange;

import coop.lattice.ContributionKind;
import coop.lattice.Quantity;
import coop.lattice.internal.Names;
import java.time.Instant;

/**
 * An offer of help or a request for it, posted inside a collective. In ValueFlows terms it is a
 * {@code vf:Proposal} that publishes a {@code vf:Intent}.
 *
 * @param type an offer or a request
 * @param kind what kind of help; it names the need it meets, as for contributions
 * @param what what is offered or asked for, in words
 * @param quantity how much
 * @param expires after this moment nobody can answer it
 */
public record Posting(Type type, ContributionKind kind, String what, Quantity quantity, Instant expires) {
  public Posting {
    Names.text("what an offer or request is for", what, 500);
    if (what.isBlank()) {
      throw new IllegalArgumentException("say what is offered or asked for");
    }
  }

  /** Offer or request. */
  public enum Type {
    /** The poster gives. */
    OFFER,
    /** The poster asks. */
    REQUEST
  }
}
