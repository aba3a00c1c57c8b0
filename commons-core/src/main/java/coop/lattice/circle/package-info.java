/**
 * Restorative circles (in progress): the keeper's timer ({@link coop.lattice.circle.Turn}), the
 * {@link coop.lattice.circle.ProgressiveStack} that puts those who have not spoken first, and the
 * {@link coop.lattice.circle.SpeakingReport} that shows how time was spread without ranking
 * anyone. Tensions, meetings as ledger entries, and outcomes come with the circles work.
 */
@NullMarked
package coop.lattice.circle;

import org.jspecify.annotations.NullMarked;
