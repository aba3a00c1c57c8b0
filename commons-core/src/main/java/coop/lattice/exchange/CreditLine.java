package coop.lattice.exchange;

import coop.lattice.InvalidQuantityException;
import coop.lattice.Unit;
import java.math.BigDecimal;

/**
 * The limits of a bilateral credit line in one unit: how far the partner may owe this collective,
 * and how far this collective may owe the partner. Trades that would go past either are refused,
 * not flagged.
 *
 * @param unit what is exchanged (hours, kg, items)
 * @param partnerMayOwe the most the partner may owe this collective, zero or more
 * @param weMayOwe the most this collective may owe the partner, zero or more
 */
public record CreditLine(Unit unit, BigDecimal partnerMayOwe, BigDecimal weMayOwe) {
  public CreditLine {
    if (partnerMayOwe.signum() < 0 || weMayOwe.signum() < 0) {
      throw new InvalidQuantityException("a credit line's limits are zero or more; got " + partnerMayOwe.toPlainString()
          + " and " + weMayOwe.toPlainString() + " " + unit.symbol());
    }
    partnerMayOwe = Amounts.normalize(partnerMayOwe);
    weMayOwe = Amounts.normalize(weMayOwe);
  }

  /** A line in {@code unit} where each side may owe up to its limit, given as decimal strings. */
  public static CreditLine of(Unit unit, String partnerMayOwe, String weMayOwe) {
    return new CreditLine(unit, new BigDecimal(partnerMayOwe), new BigDecimal(weMayOwe));
  }
}
