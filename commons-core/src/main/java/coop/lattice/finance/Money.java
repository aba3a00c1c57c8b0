package coop.lattice.finance;

import coop.lattice.InvalidMoneyException;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * An exact amount of money in an ISO 4217 currency: a {@link BigDecimal} with exactly as many
 * decimals as the currency has (2 for EUR, 0 for JPY, 3 for KWD), and the currency's code. Money
 * is never a {@code double}: nothing is rounded except by a {@link Rate}, which says how.
 *
 * <p>Unlike JSR 354 (Moneta), this needs no dependency and no provider: the JDK's {@link Currency}
 * knows the ISO 4217 codes and their minor units, and rates are written on the ledger by the
 * collective, never fetched, so a replay on any machine books the same cents. The amount may be
 * negative (a balance in overdraft); what is booked is checked to be positive where it is booked.
 *
 * @param amount the amount, scaled to the currency's decimals
 * @param currency the ISO 4217 code, such as {@code "EUR"}
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {
  /**
   * @throws InvalidMoneyException for a code that is not an ISO 4217 currency with a minor unit, or
   *     an amount with more decimals than the currency has
   */
  public Money {
    int digits = decimals(currency);
    if (amount.signum() != 0 && amount.stripTrailingZeros().scale() > digits) {
      throw new InvalidMoneyException(amount.toPlainString() + " " + currency + " has more decimals than " + currency
          + " has (" + digits + "): write it with at most " + digits + " decimal" + (digits == 1 ? "" : "s") + ".");
    }
    amount = amount.setScale(digits);
  }

  /** {@code amount} (a decimal number, such as {@code "12.50"}) in {@code currency}. */
  public static Money of(String amount, String currency) {
    try {
      return new Money(new BigDecimal(amount.trim()), currency);
    } catch (NumberFormatException e) {
      throw new InvalidMoneyException("\"" + amount + "\" is not an amount: write a decimal number such as 12.50.");
    }
  }

  /** Nothing, in {@code currency}. */
  public static Money zero(String currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /**
   * How many decimals {@code code} has.
   *
   * @throws InvalidMoneyException if it is not an ISO 4217 currency with a minor unit
   */
  public static int decimals(String code) {
    Currency c;
    try {
      c = code.length() == 3 ? Currency.getInstance(code) : null;
    } catch (IllegalArgumentException e) {
      c = null;
    }
    if (c == null) {
      throw new InvalidMoneyException("\"" + code + "\" is not an ISO 4217 currency code: write one such as EUR,"
          + " USD or CHF.");
    }
    if (c.getDefaultFractionDigits() < 0) {
      throw new InvalidMoneyException(code + " is not money a collective keeps accounts in (it has no minor unit):"
          + " use a currency such as EUR, USD or CHF.");
    }
    return c.getDefaultFractionDigits();
  }

  /** The currency, as the JDK knows it. */
  public Currency unit() {
    return Currency.getInstance(currency);
  }

  public int signum() {
    return amount.signum();
  }

  public Money plus(Money other) {
    return new Money(amount.add(same(other).amount), currency);
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(same(other).amount), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  /** Compares amounts of the same currency. */
  @Override
  public int compareTo(Money other) {
    return amount.compareTo(same(other).amount);
  }

  private Money same(Money other) {
    if (!other.currency.equals(currency)) {
      throw new IllegalArgumentException("money in " + currency + " and " + other.currency + " do not add up without"
          + " a rate: " + this + ", " + other);
    }
    return other;
  }

  /** {@code "12.50 EUR"}. */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
