package coop.lattice.agreement;

import coop.lattice.internal.Names;

/** An agreement's stable identifier across its versions, such as {@code "acknowledgements"}. */
public record AgreementId(String value) {
  public AgreementId {
    Names.slug("agreement id", value);
  }

  public static AgreementId of(String value) {
    return new AgreementId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
