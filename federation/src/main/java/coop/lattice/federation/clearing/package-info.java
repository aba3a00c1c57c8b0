/**
 * Clearing rounds between collectives over ActivityPub: each step of a round is an entry on the
 * ledger of the collective that takes it ({@code coop.lattice.collective.ClearingRounds}), pushed
 * to its followers like every entry and addressed to the collectives that take it as a command.
 *
 * <ul>
 *   <li>{@code ClearingCounterparts}: who each step is addressed to (the proposal to those invited,
 *       an answer to the coordinator, a commitment also to both sides of each leg);
 *   <li>{@code ClearingRelay}: a partner's step taken on the local ledger (join or decline, commit,
 *       settle, follow a lapse; as coordinator, keep an answer or commitment and move on);
 *   <li>{@code Coordination}: the coordinator's round moved on from what it heard; lapses when a
 *       round's time is up;
 *   <li>{@code ClearingLog}: what the coordinators heard, kept on disk for a restart;
 *   <li>{@code RoundKeeper}: the node's clock looking at every round once a second.
 * </ul>
 */
package coop.lattice.federation.clearing;
