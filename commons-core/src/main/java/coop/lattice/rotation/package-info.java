/**
 * Rotations: a responsibility map that is provably fair and verifiably random.
 *
 * <p>Start with {@link coop.lattice.rotation.RotationPolicy}: {@code fair(seed)} is the one to
 * use, {@code weighted(seed)} balances tasks of unequal weight, {@code roundRobin()} is the
 * baseline. A policy turns a {@link coop.lattice.rotation.PlanRequest} (the roster of {@link
 * coop.lattice.rotation.Participant}s, the {@link coop.lattice.rotation.Role}s with their {@link
 * coop.lattice.rotation.Cadence}, a horizon) into a {@link coop.lattice.rotation.Plan}: one
 * {@link coop.lattice.rotation.Assignment} per {@link coop.lattice.rotation.Slot}, each with its
 * reason; {@code fair(seed, HeldTurns)} plans around turns chosen in a sign-up ({@link
 * coop.lattice.rotation.HeldTurns}, {@code coop.lattice.signup}). A {@link
 * coop.lattice.rotation.Lottery} draws by commitments and reveals anchored in
 * the ledger, each an entry of its own member's, so nobody can steer it and anyone can re-derive
 * it; the {@link coop.lattice.rotation.RotationReview} is the monthly look at how load is spread.
 * Publishing, hand-overs and lotteries are ledger entries: see {@code Collective.rotations()} and
 * {@code Collective.lotteries()}.
 *
 * <p>Inside, {@code FairSequence} keeps each member within one turn of their share of a role,
 * taken as a whole when it has several seats (F1), with exact shares, by the jobs and matching of
 * {@code TurnMatching} ({@code AroundHeld} pins held turns there), then {@code BackToBack} for F3;
 * {@code PlanReasons} words each slot's reason; {@code Occupancy} enforces
 * seats and exclusivity each day; the testkit's {@code FairnessChecks} checks any policy against
 * the same properties with code of its own, reading roles in the planning order the fair policy
 * discloses (real roles before chores, then by id).
 */
@NullMarked
package coop.lattice.rotation;

import org.jspecify.annotations.NullMarked;
