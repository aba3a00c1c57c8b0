package coop.lattice.ledger;

import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.internal.Names;
import org.jspecify.annotations.Nullable;

/**
 * What a contribution was: who gave, to whom, what kind, how much, for which role or need, and a
 * note. Unlike a points system, nothing here is a score: the ledger records help so that it is
 * visible and acknowledged, never to rank the people who gave it.
 *
 * @param giver the member who gave
 * @param receiver the member who received, or null when the collective as a whole received
 * @param kind what kind of help
 * @param quantity how much
 * @param servedFor the role or need it served (for example {@code "Thursday pantry"}), may be empty
 * @param note free text, may be empty
 */
public record Contribution(
    MemberId giver,
    @Nullable MemberId receiver,
    ContributionKind kind,
    Quantity quantity,
    String servedFor,
    String note) {

  public Contribution {
    Names.text("servedFor", servedFor, 200);
    Names.text("note", note, 2000);
    if (giver.equals(receiver)) {
      throw new NotPermittedException(giver + " cannot give a contribution to themselves;"
          + " record help that went to another member or to the collective");
    }
  }

  /** Starts a contribution from {@code giver} to the collective as a whole. */
  public static Contribution toCollective(MemberId giver, ContributionKind kind, Quantity quantity) {
    return new Contribution(giver, null, kind, quantity, "", "");
  }

  /** Starts a contribution from {@code giver} to {@code receiver}. */
  public static Contribution toMember(MemberId giver, MemberId receiver, ContributionKind kind, Quantity quantity) {
    return new Contribution(giver, receiver, kind, quantity, "", "");
  }

  public Contribution servedFor(String roleOrNeed) {
    return new Contribution(giver, receiver, kind, quantity, roleOrNeed, note);
  }

  public Contribution note(String text) {
    return new Contribution(giver, receiver, kind, quantity, servedFor, text);
  }

  /** True when the collective as a whole received it. */
  public boolean toCollective() {
    return receiver == null;
  }
}
