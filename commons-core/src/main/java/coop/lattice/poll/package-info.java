/**
 * More ways to decide: polls that choose among several options, alongside the decision rules that
 * change agreements ({@link coop.lattice.agreement.DecisionRule}: consent, consensus, majority,
 * advice). Pure counting; a collective's polls go through its ledger in {@code
 * coop.lattice.collective.Polls}.
 *
 * <ul>
 *   <li>{@link coop.lattice.poll.PollTerms}: what a poll asks and how it counts: its {@link
 *       coop.lattice.poll.PollMethod} (a dot vote, instant-runoff, Schulze, score voting, a time
 *       poll), its options, when it closes, open or secret, the published seed that breaks ties;
 *   <li>{@link coop.lattice.poll.Ballot}: one member's marks ({@link coop.lattice.poll.Mark}), which
 *       name options and never the member;
 *   <li>{@link coop.lattice.poll.Counting}: the entry point: checks a ballot against its poll and
 *       counts ballots into a {@link coop.lattice.poll.Tally}, whole numbers throughout;
 *   <li>{@link coop.lattice.poll.TallyCheck}: what can be checked of a tally without its ballots
 *       (what a partner's mirror checks of a secret poll);
 *   <li>{@link coop.lattice.poll.SealedBallot}: a secret ballot with the salt of its commitment.
 * </ul>
 *
 * <p>Inside, one class per method: {@code Totals} (dot vote, score voting, time poll), {@code
 * InstantRunoff} and {@code Schulze}, sharing {@code Options} and the seed's {@code TieBreak}.
 * Each can rebuild its tally from the counts alone, which is how {@code TallyCheck} checks one.
 *
 * <p>Unlike the rest of Lattice, this package orders and scores: options, never people. It does not
 * know members at all (an architecture rule keeps it so). The methods, their rules and what a
 * mirror can check of each are in {@code docs/deciding.md}.
 */
@NullMarked
package coop.lattice.poll;

import org.jspecify.annotations.NullMarked;
