package coop.lattice.exchange;

import java.math.BigDecimal;

/** Decimal amounts as the ledger writes them: exact, without trailing zeros, never in exponent form. */
final class Amounts {
  private Amounts() {}

  static BigDecimal normalize(BigDecimal a) {
    BigDecimal s = a.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
