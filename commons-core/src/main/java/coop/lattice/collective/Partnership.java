package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.exchange.CreditLine;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A bilateral exchange with another collective: the agreement it runs under, the credit line in
 * each unit, and where the balance stands. A positive balance means the partner owes this
 * collective; a negative one, that this collective owes the partner.
 *
 * @param partner the other collective
 * @param agreement the agreement the exchange runs under
 * @param lines the credit line per unit
 * @param balance the balance per unit
 * @param toDeliver per unit, what this collective has accepted to deliver and the partner has
 *     not yet acknowledged
 * @param toReceive per unit, what the partner has accepted to deliver and this collective has
 *     not yet acknowledged
 */
public record Partnership(CollectiveId partner, AgreementId agreement, Map<Unit, CreditLine> lines,
    Map<Unit, BigDecimal> balance, Map<Unit, BigDecimal> toDeliver, Map<Unit, BigDecimal> toReceive) {
  public Partnership {
    lines = Map.copyOf(lines);
    balance = Map.copyOf(balance);
    toDeliver = Map.copyOf(toDeliver);
    toReceive = Map.copyOf(toReceive);
  }

  /** The balance in {@code unit}: positive when the partner owes this collective. */
  public BigDecimal balance(Unit unit) {
    return balance.getOrDefault(unit, BigDecimal.ZERO);
  }
}
