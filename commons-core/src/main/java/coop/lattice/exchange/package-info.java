/**
 * Exchanges: the value types of the time bank, offers and requests, trade between collectives
 * with credit lines, the mutual aid fund and the tool library, and two algorithms that stand on
 * their own: {@link coop.lattice.exchange.Clearing} (netting out cycles of debt between
 * collectives) and {@link coop.lattice.exchange.HoldQueue} (whose turn it is to borrow a tool).
 *
 * <p>The commands and views live on {@link coop.lattice.collective.Collective}; every step is a
 * ledger entry. Nothing here prices or ranks anyone: hours are hours, and balances exist so that
 * limits can be kept, not so that members can be compared.
 */
@NullMarked
package coop.lattice.exchange;

import org.jspecify.annotations.NullMarked;
