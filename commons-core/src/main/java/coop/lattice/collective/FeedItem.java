package coop.lattice.collective;

import coop.lattice.ContributionKind;
import coop.lattice.Quantity;
import java.time.Instant;

/**
 * One line of a collective's public feed, worded with each member's chosen {@link
 * coop.lattice.ledger.Appearance}.
 *
 * @param entry the ledger entry of the contribution
 * @param time when it was recorded
 * @param giver how the giver appears
 * @param receiver how the receiver appears: a name, a pseudonym, "a member", or "the collective"
 * @param kind what kind of help
 * @param quantity how much
 * @param servedFor the role or need it served
 * @param acknowledged whether the receiver has acknowledged it
 */
public record FeedItem(
    long entry, Instant time, String giver, String receiver, ContributionKind kind, Quantity quantity,
    String servedFor, boolean acknowledged) {

  /** A sentence for people: "Ana gave 2.5 hours of repair to the collective (acknowledged)". */
  public String sentence() {
    return giver + " gave " + quantity + " of " + kind + " to " + receiver
        + (servedFor.isEmpty() ? "" : " for " + servedFor)
        + (acknowledged ? " (acknowledged)" : " (awaiting acknowledgement)");
  }
}
