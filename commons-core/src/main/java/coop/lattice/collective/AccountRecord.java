package coop.lattice.collective;

import coop.lattice.finance.AccountId;
import coop.lattice.finance.Money;

/**
 * One of the collective's accounts as the open ledger shows it: everyone sees it.
 *
 * @param id the account
 * @param name its name
 * @param currency the ISO 4217 currency it is kept in
 * @param income everything booked in
 * @param expenses everything reimbursed out
 */
public record AccountRecord(AccountId id, String name, String currency, Money income, Money expenses) {
  /** What the account holds: income minus expenses, never below zero unless an agreement allows an overdraft. */
  public Money balance() {
    return income.minus(expenses);
  }
}
