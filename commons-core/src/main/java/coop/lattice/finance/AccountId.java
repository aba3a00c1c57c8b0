package coop.lattice.finance;

import coop.lattice.internal.Names;

/** One of the collective's accounts, such as {@code "bank"} or {@code "cash-box"}. */
public record AccountId(String value) {
  public AccountId {
    Names.slug("account id", value);
  }

  public static AccountId of(String value) {
    return new AccountId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
