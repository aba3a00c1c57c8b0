package coop.lattice;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The units a contribution is measured in, each with the largest amount one entry may carry.
 * Those ceilings catch slips ("2000 hours" for "2 hours") rather than police anyone.
 */
public enum Unit {
  HOURS("hours", new BigDecimal("168")),
  KILOGRAMS("kg", new BigDecimal("10000")),
  ITEMS("items", new BigDecimal("10000"));

  private final String symbol;
  private final BigDecimal maxPerEntry;

  Unit(String symbol, BigDecimal maxPerEntry) {
    this.symbol = symbol;
    this.maxPerEntry = maxPerEntry;
  }

  /** How the unit is written: {@code hours}, {@code kg}, {@code items}. */
  public String symbol() {
    return symbol;
  }

  /** The largest amount a single entry may record. */
  public BigDecimal maxPerEntry() {
    return maxPerEntry;
  }

  /** Parses a unit's symbol or name, case-insensitively; an unknown unit is rejected with the known ones. */
  public static Unit parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (Unit u : values()) {
      if (u.symbol.equals(t) || u.name().toLowerCase(Locale.ROOT).equals(t)) {
        return u;
      }
    }
    switch (t) {
      case "hour", "h" -> {
        return HOURS;
      }
      case "kilogram", "kilograms" -> {
        return KILOGRAMS;
      }
      case "item" -> {
        return ITEMS;
      }
      default -> throw new InvalidQuantityException("\"" + text + "\" is not a unit Lattice knows;"
          + " record the contribution in hours, kg or items");
    }
  }
}
