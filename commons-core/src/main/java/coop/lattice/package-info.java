/**
 * Lattice: an open, tamper-evident ledger for collectives that organise themselves.
 *
 * <p>Start with {@link coop.lattice.collective.Collective}: create one on a {@link
 * coop.lattice.store.LedgerStore}, let members join, record and acknowledge contributions. Every
 * change is an entry in the collective's {@link coop.lattice.ledger.Ledger}; the state is a fold
 * over those entries.
 *
 * <p>This package holds the exception hierarchy, rooted at {@link coop.lattice.LatticeException}.
 */
@NullMarked
package coop.lattice;

import org.jspecify.annotations.NullMarked;
