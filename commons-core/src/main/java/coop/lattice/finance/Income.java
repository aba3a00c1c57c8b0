package coop.lattice.finance;

import coop.lattice.InvalidMoneyException;
import coop.lattice.internal.Names;
import org.jspecify.annotations.Nullable;

/**
 * Money coming in: dues, donations, a grant, sales at the repair café.
 *
 * @param account the account it is paid into
 * @param amount what was received, positive; in another currency than the account's, with {@code rate}
 * @param rate the rate it was converted at, only for another currency than the account's
 * @param category what it came in for
 * @param note what it was, as it may be read by anyone (no names of people who chose not to be shown)
 */
public record Income(AccountId account, Money amount, @Nullable Rate rate, Category category, String note) {
  public Income {
    if (amount.signum() <= 0) {
      throw new InvalidMoneyException("Income of " + amount + " cannot be booked: an amount must be more than zero.");
    }
    Names.text("an income's note", note, 400);
  }

  /** Income in the account's currency. */
  public static Income of(AccountId account, Money amount, Category category, String note) {
    return new Income(account, amount, null, category, note);
  }

  /** The same income, received in another currency and converted at {@code rate}. */
  public Income at(Rate rate) {
    return new Income(account, amount, rate, category, note);
  }
}
