package coop.lattice.exchange;

import coop.lattice.internal.Names;

/** A mutual aid fund's id, such as {@code "legal-defence"}. */
public record FundId(String value) {
  public FundId {
    Names.slug("fund id", value);
  }

  public static FundId of(String value) {
    return new FundId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
