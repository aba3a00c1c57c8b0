package coop.lattice.poll;

/**
 * How a poll counts its ballots. Alongside the decision rules for agreements (consent, consensus,
 * majority, advice: {@link coop.lattice.agreement.DecisionRule}), these choose among several
 * options. Each ballot's marks mean what the method says ({@link Ballot}); every count is a whole
 * number, and ties are broken by the poll's published seed, never by the order of the options or
 * of the ballots.
 */
public enum PollMethod {
  /** Each member places up to the poll's dots on the options, several on one if they like; most dots first. */
  DOT_VOTE,
  /**
   * Members put options in order of preference; the option with the fewest first preferences among
   * those still in is eliminated, round after round, and its ballots go to their next preference.
   */
  INSTANT_RUNOFF,
  /**
   * Members put options in order of preference; options are compared pair by pair and ordered by
   * the strength of their strongest paths of pairwise wins (Schulze 2011), which finds an order even
   * when preferences go round in a cycle.
   */
  SCHULZE,
  /** Members give each option a whole number from 0 to the poll's maximum (unmarked counts 0); highest sum first. */
  SCORE_VOTE,
  /**
   * Choosing a meeting time: each option is a time, each member marks the ones they can make (yes)
   * or could if need be; the time most can make (yes or if need be) first, then the one with more yes.
   */
  TIME_POLL;

  /** Whether a ballot's marks are ranks: 1 for the first preference, 2 for the next, and so on. */
  public boolean ranksOptions() {
    return this == INSTANT_RUNOFF || this == SCHULZE;
  }
}
