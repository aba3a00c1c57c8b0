/**
 * Lattice: an open, tamper-evident ledger for collectives that organise themselves.
 *
 * <p>Start with {@link coop.lattice.collective.Collective}: create one on a {@link
 * coop.lattice.store.LedgerStore}, let members join, record and acknowledge contributions. Every
 * change is an entry in the collective's {@link coop.lattice.ledger.Ledger}; the state is a fold
 * over those entries.
 *
 * <p>This package holds what every feature shares: the identifiers {@link coop.lattice.MemberId}
 * and {@link coop.lattice.CollectiveId}; what help is counted in, {@link coop.lattice.Quantity}
 * in a {@link coop.lattice.Unit}, and its {@link coop.lattice.ContributionKind} (contributions,
 * offers, trades, funds and the sovereignty metrics all count in them); and the exception
 * hierarchy rooted at {@link coop.lattice.LatticeException}. Feature packages (agreement,
 * rotation, signup, circle, cycle, exchange, poll) depend on it and sit below the ledger, whose events carry
 * their values; none depends on the ledger or on another's internals.
 */
@NullMarked
package coop.lattice;

import org.jspecify.annotations.NullMarked;
