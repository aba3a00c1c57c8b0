package coop.lattice.finance;

import coop.lattice.InvalidMoneyException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * An exchange rate the collective writes down when money arrives or leaves in another currency
 * than the account's: how many units of {@code to} one unit of {@code from} was worth. Written on
 * the ledger with the entry it converts, never fetched, so every replay books the same amount.
 *
 * <p>Converting multiplies exactly and rounds once, half to even, to the decimals of {@code to}.
 *
 * @param from the currency converted from
 * @param to the currency converted to (the account's)
 * @param perUnit units of {@code to} per unit of {@code from}: positive, at most 12 decimals
 */
public record Rate(String from, String to, BigDecimal perUnit) {
  public Rate {
    Money.decimals(from);
    Money.decimals(to);
    if (from.equals(to)) {
      throw new InvalidMoneyException("A rate converts between two currencies; " + from + " to " + from + " needs none.");
    }
    if (perUnit.signum() <= 0) {
      throw new InvalidMoneyException("A rate from " + from + " to " + to + " must be more than zero, not "
          + perUnit.toPlainString() + ".");
    }
    if (perUnit.stripTrailingZeros().scale() > 12) {
      throw new InvalidMoneyException("A rate has at most 12 decimals; " + perUnit.toPlainString() + " has more.");
    }
    perUnit = perUnit.stripTrailingZeros();
    if (perUnit.scale() < 0) {
      perUnit = perUnit.setScale(0);
    }
  }

  /** One {@code from} is worth {@code perUnit} {@code to}, such as {@code Rate.of("CHF", "EUR", "1.0712")}. */
  public static Rate of(String from, String to, String perUnit) {
    try {
      return new Rate(from, to, new BigDecimal(perUnit.trim()));
    } catch (NumberFormatException e) {
      throw new InvalidMoneyException("\"" + perUnit + "\" is not a rate: write a decimal number such as 1.0712.");
    }
  }

  /** {@code money} (in {@link #from}) in {@link #to}, rounded half to even to its decimals. */
  public Money convert(Money money) {
    if (!money.currency().equals(from)) {
      throw new InvalidMoneyException("This rate converts " + from + " to " + to + "; " + money + " is not in " + from
          + ".");
    }
    BigDecimal exact = money.amount().multiply(perUnit);
    return new Money(exact.setScale(Money.decimals(to), RoundingMode.HALF_EVEN), to);
  }

  /**
   * What {@code money} books as in an account kept in {@code currency}: itself, or converted by
   * {@code rate}, which must then be from its currency to the account's.
   *
   * @throws InvalidMoneyException for another currency without a rate, or a rate that does not fit
   */
  public static Money booked(Money money, @Nullable Rate rate, String currency) {
    if (money.currency().equals(currency)) {
      if (rate != null) {
        throw new InvalidMoneyException(money + " is already in the account's currency; leave the rate out.");
      }
      return money;
    }
    if (rate == null) {
      throw new InvalidMoneyException(money + " is not in the account's currency (" + currency + "): give the rate it"
          + " was converted at, from " + money.currency() + " to " + currency + ".");
    }
    if (!rate.to().equals(currency)) {
      throw new InvalidMoneyException("The rate converts to " + rate.to() + ", but the account is kept in " + currency
          + ".");
    }
    Money converted = rate.convert(money);
    if (converted.signum() <= 0) {
      throw new InvalidMoneyException(money + " at " + rate.perUnit().toPlainString() + " is less than the smallest"
          + " amount of " + currency + ".");
    }
    return converted;
  }
}
