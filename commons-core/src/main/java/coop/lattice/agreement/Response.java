package coop.lattice.agreement;

/**
 * What a member says to a proposal. Which responses a proposal accepts depends on its {@link
 * DecisionRule.Kind}; objections, concerns and advice need a reason.
 */
public enum Response {
  /** "Good enough for now, safe enough to try." */
  CONSENT,
  /** A worry to record; it does not block. Needs a reason. */
  CONCERN,
  /** Blocks until resolved, by amending the proposal or by the objector withdrawing. Needs a reason. */
  OBJECTION,
  /** Neither for nor against; lets the others decide. */
  STAND_ASIDE,
  /** A vote for, where the rule is a majority vote. */
  VOTE_FOR,
  /** A vote against, where the rule is a majority vote. */
  VOTE_AGAINST,
  /** Advice to the proposer, in an advice process. Needs the advice itself as the reason. */
  ADVICE;

  /** True when this response must come with a reason. */
  public boolean needsReason() {
    return this == CONCERN || this == OBJECTION || this == ADVICE;
  }

  /** True when a proposal under {@code kind} accepts this response. */
  public boolean allowedUnder(DecisionRule.Kind kind) {
    return switch (kind) {
      case CONSENT -> this == CONSENT || this == CONCERN || this == OBJECTION || this == STAND_ASIDE;
      case CONSENSUS -> this == CONSENT || this == OBJECTION || this == STAND_ASIDE;
      case MAJORITY -> this == VOTE_FOR || this == VOTE_AGAINST || this == STAND_ASIDE;
      case ADVICE -> this == ADVICE || this == CONCERN || this == CONSENT;
    };
  }
}
