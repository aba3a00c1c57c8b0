package coop.lattice.finance;

import coop.lattice.InvalidMoneyException;

/**
 * What a month's plan sets aside for one category.
 *
 * @param category what for
 * @param amount how much, zero or more, in the account's currency
 */
public record BudgetLine(Category category, Money amount) {
  public BudgetLine {
    if (amount.signum() < 0) {
      throw new InvalidMoneyException("A budget plans zero or more for " + category + ", not " + amount + ".");
    }
  }

  public static BudgetLine of(String category, Money amount) {
    return new BudgetLine(Category.of(category), amount);
  }
}
