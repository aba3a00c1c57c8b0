/**
 * Lattice: an open, tamper-evident ledger for collectives that organise themselves.
 *
 * <p>Start with {@link coop.lattice.collective.Collective}: create one on a {@link
 * coop.lattice.store.LedgerStore}, let members join, record and acknowledge contributions. Every
 * change is an entry in the collective's {@link coop.lattice.ledger.Ledger}; the state is a fold
 * over those entries.
 *
 * <p>This package holds what every feature shares: the identifiers {@link coop.lattice.MemberId}
 * and {@link coop.lattice.CollectiveId}, and the exception hierarchy rooted at {@link
 * coop.lattice.LatticeException}. Feature packages (agreements, and later rotations and
 * exchanges) depend on it, never on each other's internals.
 */
@NullMarked
package coop.lattice;

import org.jspecify.annotations.NullMarked;
