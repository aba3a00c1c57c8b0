package coop.lattice.exchange;

import coop.lattice.CollectiveId;
import coop.lattice.InvalidQuantityException;
import coop.lattice.Unit;
import java.math.BigDecimal;

/**
 * What one collective owes another in one unit, as their credit line stands.
 *
 * @param debtor the collective that owes
 * @param creditor the collective that is owed
 * @param unit the unit
 * @param amount how much, more than zero and at most three decimal places
 */
public record Debt(CollectiveId debtor, CollectiveId creditor, Unit unit, BigDecimal amount) {
  public Debt {
    if (debtor.equals(creditor)) {
      throw new IllegalArgumentException(debtor + " cannot owe itself");
    }
    if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 3) {
      throw new InvalidQuantityException("a debt is more than zero with at most three decimal places; got "
          + amount.toPlainString() + " " + unit.symbol());
    }
    amount = Amounts.normalize(amount);
  }
}
