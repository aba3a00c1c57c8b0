/**
 * Exchanges: the values their ledger events carry, and two algorithms that stand on their own.
 *
 * <p>The values: a {@link coop.lattice.exchange.Posting} (an offer or request), a {@link
 * coop.lattice.exchange.CreditLine} between partner collectives, the {@link
 * coop.lattice.exchange.Side} of a trade that took a step, a mutual aid fund's {@link
 * coop.lattice.exchange.FundId} and the {@link coop.lattice.exchange.ClaimDetails} that stay off
 * the ledger, a tool library {@link coop.lattice.exchange.ItemId}, and a trade's {@link
 * coop.lattice.exchange.TradeId}, its one identity on both partners' ledgers. The algorithms: {@link
 * coop.lattice.exchange.Clearing} (netting out cycles of debt between collectives, into {@link
 * coop.lattice.exchange.Debt}s that remain) and {@link coop.lattice.exchange.HoldQueue} (whose
 * turn it is to borrow a tool). The package sits below the ledger: its events carry these values,
 * so nothing here reads an entry.
 *
 * <p>The commands and views live on {@link coop.lattice.collective.Collective}; every step is a
 * ledger entry. Nothing here prices or ranks anyone: hours are hours, and balances exist so that
 * limits can be kept, not so that members can be compared.
 */
@NullMarked
package coop.lattice.exchange;

import org.jspecify.annotations.NullMarked;
