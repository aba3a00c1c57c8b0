/**
 * Sovereignty metrics (in progress): needs met by the community itself, by period, computed
 * incrementally from the ledger ({@link coop.lattice.metrics.SovereigntyMetrics}), with what was
 * gained against the period before ({@link coop.lattice.metrics.SovereigntyReport}). Disputes
 * resolved internally join when circle outcomes are ledger entries.
 */
@NullMarked
package coop.lattice.metrics;

import org.jspecify.annotations.NullMarked;
