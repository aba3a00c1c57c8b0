package coop.lattice.collective;

import coop.lattice.Unit;
import coop.lattice.exchange.FundId;
import java.math.BigDecimal;

/**
 * A mutual aid fund's public totals. Who claimed and why stays sealed; these do not.
 *
 * @param id the fund
 * @param name its name
 * @param unit what it holds
 * @param paidIn everything paid in
 * @param paidOut everything paid out on claims
 * @param claimsPaid how many claims it paid
 */
public record FundRecord(FundId id, String name, Unit unit, BigDecimal paidIn, BigDecimal paidOut, long claimsPaid) {
  /** What the fund holds now. */
  public BigDecimal balance() {
    return paidIn.subtract(paidOut);
  }
}
