package coop.lattice.finance;

import java.time.Instant;

/**
 * One line of an account's public statement: money in or out, booked in the account's currency.
 * An expense names its payee as they chose to appear; one who appears only in aggregates is "a
 * member". Income names no payer.
 *
 * @param entry the ledger entry that booked it (the income, or the reimbursement)
 * @param time when
 * @param direction in or out
 * @param category what for
 * @param amount how much, positive, in the account's currency
 * @param text the income's note or the expense's description
 * @param payee who was reimbursed, as they appear; empty for income
 */
public record StatementLine(long entry, Instant time, Direction direction, Category category, Money amount,
    String text, String payee) {
  /** Which way the money went. */
  public enum Direction { IN, OUT }
}
