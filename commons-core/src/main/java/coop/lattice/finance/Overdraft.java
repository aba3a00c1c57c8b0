package coop.lattice.finance;

import java.math.BigDecimal;

/**
 * The one rule for money going out: an account's balance never goes below zero, unless an
 * agreement allows an overdraft ({@code finance-overdraft}), and then never below minus that much.
 */
public final class Overdraft {
  private Overdraft() {}

  /** Whether {@code spending} may leave an account holding {@code balance}, with an overdraft of up to {@code limit}. */
  public static boolean allows(Money balance, Money spending, BigDecimal limit) {
    return balance.minus(spending).amount().add(limit).signum() >= 0;
  }
}
