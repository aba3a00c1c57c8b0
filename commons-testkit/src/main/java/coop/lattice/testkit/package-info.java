/**
 * Helpers for testing code that embeds Lattice: a deterministic {@link
 * coop.lattice.testkit.SteppingClock}, and {@link coop.lattice.testkit.LedgerLaws} that report
 * what a ledger got wrong. Rotation fairness arbitraries and laws join them with the rotation
 * work.
 */
@NullMarked
package coop.lattice.testkit;

import org.jspecify.annotations.NullMarked;
