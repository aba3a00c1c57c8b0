/**
 * Rotations: a responsibility map that is provably fair and verifiably random (in progress).
 *
 * <p>So far this package holds the fairness core, package-private: {@code FairSequence} assigns
 * one role's slots keeping every member within one turn of their share (F1). Roles, cadences,
 * availability, plans with reasons, lotteries, swaps and the monthly review build on it.
 */
@NullMarked
package coop.lattice.rotation;

import org.jspecify.annotations.NullMarked;
