package coop.lattice.collective;

import java.math.BigDecimal;

/**
 * A member's time-bank balance: hours given minus hours received. Under the weekend reciprocity
 * rule, weekend hours are kept apart and owed as weekend hours; otherwise {@code weekend} is zero.
 *
 * @param weekday the hours outside the weekend pool
 * @param weekend the weekend pool
 */
public record HoursBalance(BigDecimal weekday, BigDecimal weekend) {
  public static final HoursBalance ZERO = new HoursBalance(BigDecimal.ZERO, BigDecimal.ZERO);

  /** The whole balance. */
  public BigDecimal total() {
    return weekday.add(weekend);
  }

  HoursBalance plus(BigDecimal hours, boolean weekendPool) {
    return weekendPool ? new HoursBalance(weekday, weekend.add(hours)) : new HoursBalance(weekday.add(hours), weekend);
  }
}
