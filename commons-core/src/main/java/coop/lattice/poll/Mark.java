package coop.lattice.poll;

import coop.lattice.internal.Names;

/**
 * One option marked on a {@link Ballot}, with a whole number whose meaning the poll's {@link
 * PollMethod} gives: dots placed, a rank (1 is the first preference), a score, or for a time poll
 * {@link Ballot.Availability#YES} (2) or {@link Ballot.Availability#IF_NEED_BE} (1).
 *
 * @param option the option, as the poll names it
 * @param value the mark
 */
public record Mark(String option, int value) {
  public Mark {
    Names.text("an option", option, PollTerms.OPTION_LENGTH);
  }
}
