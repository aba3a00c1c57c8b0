package coop.lattice.circle;

import coop.lattice.InvalidCircleException;
import coop.lattice.internal.Names;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a circle meeting came to.
 *
 * @param kind an agreement to act, a repair commitment, a proposal to amend an agreement, or
 *     "resolved internally" (which counts in the sovereignty metrics)
 * @param text what was agreed, in the circle's words
 * @param followUp for a repair commitment: when to check it was kept
 * @param proposal for a proposal: the entry of the proposal made through the decisions feature
 */
public record CircleOutcome(Kind kind, String text, @Nullable LocalDate followUp, @Nullable Long proposal) {
  public enum Kind { ACTION, REPAIR, PROPOSAL, RESOLVED_INTERNALLY }

  public CircleOutcome {
    Names.text("an outcome", text, 2000);
    if (kind == Kind.REPAIR && followUp == null) {
      throw new InvalidCircleException("a repair commitment needs a follow-up date");
    }
    if (kind == Kind.PROPOSAL && proposal == null) {
      throw new InvalidCircleException("a proposal outcome names the proposal's entry");
    }
  }

  public static CircleOutcome resolvedInternally(String text) {
    return new CircleOutcome(Kind.RESOLVED_INTERNALLY, text, null, null);
  }

  public static CircleOutcome repair(String text, LocalDate followUp) {
    return new CircleOutcome(Kind.REPAIR, text, followUp, null);
  }
}
