/**
 * Sovereignty metrics: needs met by the community itself, by period, computed incrementally from
 * the ledger ({@link coop.lattice.metrics.SovereigntyMetrics}), with what was gained and lost
 * against the period before ({@link coop.lattice.metrics.SovereigntyReport}). Disputes resolved
 * internally in circles count too.
 */
@NullMarked
package coop.lattice.metrics;

import org.jspecify.annotations.NullMarked;
