/**
 * Helpers for testing code that embeds Lattice.
 *
 * <p>Start with {@link coop.lattice.testkit.SteppingClock}, a deterministic clock (core's {@link
 * coop.lattice.time.SteppingClock} under the testkit's name), and {@link
 * coop.lattice.testkit.LedgerLaws}, which report what a ledger got wrong. For rotation policies,
 * {@link coop.lattice.testkit.RotationArbitraries} generates rosters, roles and horizons, and
 * {@link coop.lattice.testkit.FairnessChecks} checks a policy's plans against the fairness
 * properties, independently of the policy's own code.
 */
@NullMarked
package coop.lattice.testkit;

import org.jspecify.annotations.NullMarked;
