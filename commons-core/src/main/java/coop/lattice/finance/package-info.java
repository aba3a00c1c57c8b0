/**
 * Open finances: the collective's money in and out, booked exactly. Pure rules and arithmetic; a
 * collective's finances go through its ledger in {@code coop.lattice.collective.Finances}.
 *
 * <ul>
 *   <li>{@link coop.lattice.finance.Money}: the entry point: an exact {@code BigDecimal} with exactly
 *       the decimals of its ISO 4217 currency (no JSR 354 dependency: the JDK's {@code Currency}
 *       knows the codes, and rates are written down, never fetched);
 *   <li>{@link coop.lattice.finance.Rate}: a rate written down for money in another currency than
 *       the account's, rounding once, half to even;
 *   <li>{@link coop.lattice.finance.Income} and {@link coop.lattice.finance.Expense}: money in, and a
 *       claim for money paid out, each in an {@link coop.lattice.finance.AccountId} and a {@link
 *       coop.lattice.finance.Category};
 *   <li>{@link coop.lattice.finance.ApprovalRoute}: one other member under the threshold, the
 *       agreement's decision rule above it; {@link coop.lattice.finance.Overdraft}: never below zero
 *       unless an agreement allows an overdraft;
 *   <li>{@link coop.lattice.finance.BudgetLine} and {@link coop.lattice.finance.BudgetReport}: a
 *       month's plan and the month against it; {@link coop.lattice.finance.StatementLine}: an
 *       account's public statement; {@link coop.lattice.finance.ReceiptCheck}: whether a receipt
 *       beside the journal is still the one on the ledger.
 * </ul>
 *
 * <p>Unlike a members' ledger of who paid most, nothing here knows members (an architecture rule
 * keeps it so): a statement names a payee only as the text the collective's view gives it. The
 * rules agreements set and what anyone can check are in {@code docs/finances.md}.
 */
@NullMarked
package coop.lattice.finance;

import org.jspecify.annotations.NullMarked;
