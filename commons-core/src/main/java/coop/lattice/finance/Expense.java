package coop.lattice.finance;

import coop.lattice.InvalidMoneyException;
import coop.lattice.internal.Names;
import org.jspecify.annotations.Nullable;

/**
 * What a member paid for the collective and asks to be reimbursed: the claim's public part. Its
 * receipt goes with it (kept beside the journal, its SHA-256 on the ledger).
 *
 * @param account the account that reimburses it
 * @param amount what was paid, positive; in another currency than the account's, with {@code rate}
 * @param rate the rate it was converted at, only for another currency than the account's
 * @param category what it was for
 * @param description what was bought, as it may be read by anyone
 */
public record Expense(AccountId account, Money amount, @Nullable Rate rate, Category category, String description) {
  public Expense {
    if (amount.signum() <= 0) {
      throw new InvalidMoneyException("An expense of " + amount + " cannot be claimed: an amount must be more than"
          + " zero.");
    }
    Names.text("an expense's description", description, 400);
    if (description.isBlank()) {
      throw new InvalidMoneyException("An expense needs a description: say what was bought, so that the members who"
          + " approve it know.");
    }
  }

  /** An expense in the account's currency. */
  public static Expense of(AccountId account, Money amount, Category category, String description) {
    return new Expense(account, amount, null, category, description);
  }

  /** The same expense, for {@code amount}. */
  public Expense withAmount(Money amount) {
    return new Expense(account, amount, rate, category, description);
  }

  /** The same expense, paid in another currency and converted at {@code rate}. */
  public Expense at(Rate rate) {
    return new Expense(account, amount, rate, category, description);
  }
}
