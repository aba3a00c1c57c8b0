/**
 * Restorative circles: {@link coop.lattice.circle.Tension}s raised before a crisis, the keeper's
 * timer ({@link coop.lattice.circle.Turn}), the {@link coop.lattice.circle.ProgressiveStack}
 * that puts those who have not spoken first, the {@link coop.lattice.circle.SpeakingReport} that
 * shows how time was spread without ranking anyone, and {@link
 * coop.lattice.circle.CircleOutcome}s. Circles, tensions and meetings are ledger entries; start
 * with {@code Collective.circles().form}.
 */
@NullMarked
package coop.lattice.circle;

import org.jspecify.annotations.NullMarked;
