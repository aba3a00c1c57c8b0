package coop.lattice.poll;

import java.util.List;

/**
 * A poll's result, with the counts it follows from: what the ledger records when the poll closes.
 * Every count is a whole number. Which counts a tally carries depends on the method: {@link
 * #totals} for a dot vote, score voting and a time poll, {@link #rounds} for instant-runoff, {@link
 * #preferences} for Schulze; the others are empty. The tally orders <em>options</em>, never the
 * members who voted, whom it does not name.
 *
 * @param method how the ballots were counted
 * @param ballots how many ballots were counted (the turnout), abstentions included
 * @param order every option, from the one chosen down
 * @param totals per option, in {@code order}: dots, the sum of scores, or for a time poll the yes
 *     and if-need-be counts
 * @param rounds instant-runoff's rounds, first to last, each eliminating one option
 * @param preferences for Schulze, how many ballots put one option above another, for every ordered
 *     pair where that is at least one ballot
 * @param bySeed the options whose place in {@code order} the published seed decided, because they were
 *     tied with another when it was decided; in {@code order}
 */
public record Tally(PollMethod method, int ballots, List<String> order, List<Total> totals, List<Round> rounds,
    List<Preference> preferences, List<String> bySeed) {
  public Tally {
    order = List.copyOf(order);
    totals = List.copyOf(totals);
    rounds = List.copyOf(rounds);
    preferences = List.copyOf(preferences);
    bySeed = List.copyOf(bySeed);
  }

  /** The option chosen: the first in {@link #order}. */
  public String chosen() {
    return order.get(0);
  }

  /**
   * One option's count.
   *
   * @param option the option
   * @param count dots, the sum of scores, the first preferences in a round, or a time's yes marks
   * @param ifNeedBe for a time poll, the if-need-be marks; 0 otherwise
   */
  public record Total(String option, long count, long ifNeedBe) {}

  /**
   * One round of instant-runoff.
   *
   * @param counts each option still in, with the ballots that rank it first among those still in,
   *     in the order of the poll's options
   * @param exhausted ballots that rank none of the options still in
   * @param eliminated the option with the fewest, which leaves this round
   * @param bySeed whether several had the fewest and the seed chose which leaves
   */
  public record Round(List<Total> counts, long exhausted, String eliminated, boolean bySeed) {
    public Round {
      counts = List.copyOf(counts);
    }
  }

  /**
   * How many ballots put {@code over} above {@code under}.
   *
   * @param over the option preferred
   * @param under the option it is preferred to
   * @param ballots how many ballots do
   */
  public record Preference(String over, String under, long ballots) {}
}
