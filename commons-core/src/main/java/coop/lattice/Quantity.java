package coop.lattice;

import java.math.BigDecimal;

/**
 * An amount in a {@link Unit}: positive, at most three decimal places, and no more than the
 * unit's {@linkplain Unit#maxPerEntry() ceiling per entry}. Amounts are exact decimals and are
 * written into the ledger as decimal strings, so no node ever rounds them differently.
 */
public record Quantity(BigDecimal amount, Unit unit) {
  public Quantity {
    if (amount.signum() <= 0) {
      throw new InvalidQuantityException("a contribution of " + amount.toPlainString() + " " + unit.symbol()
          + " cannot be recorded: the amount must be more than zero");
    }
    if (amount.stripTrailingZeros().scale() > 3) {
      throw new InvalidQuantityException(amount.toPlainString() + " " + unit.symbol()
          + " is too precise: use at most three decimal places");
    }
    if (amount.compareTo(unit.maxPerEntry()) > 0) {
      throw new InvalidQuantityException(amount.toPlainString() + " " + unit.symbol()
          + " is more than one entry may hold (at most " + unit.maxPerEntry().toPlainString() + " " + unit.symbol()
          + "); split it into entries per day or per delivery");
    }
    amount = normalize(amount);
  }

  public static Quantity of(String amount, Unit unit) {
    try {
      return new Quantity(new BigDecimal(amount), unit);
    } catch (NumberFormatException e) {
      throw new InvalidQuantityException("\"" + amount + "\" is not a number");
    }
  }

  public static Quantity hours(String amount) {
    return of(amount, Unit.HOURS);
  }

  public static Quantity kilograms(String amount) {
    return of(amount, Unit.KILOGRAMS);
  }

  public static Quantity items(long count) {
    return new Quantity(BigDecimal.valueOf(count), Unit.ITEMS);
  }

  /** Parses {@code "2.5 hours"}, {@code "12 kg"}, {@code "3 items"}. */
  public static Quantity parse(String text) {
    String[] parts = text.trim().split("\\s+");
    if (parts.length != 2) {
      throw new InvalidQuantityException("\"" + text + "\" is not a quantity; write an amount and a unit,"
          + " such as \"2.5 hours\"");
    }
    return of(parts[0], Unit.parse(parts[1]));
  }

  private static BigDecimal normalize(BigDecimal a) {
    BigDecimal s = a.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + unit.symbol();
  }
}
