package coop.lattice.agreement;

import coop.lattice.InvalidAgreementException;

/** How an agreement writes a ledger key ({@code ledger-key}): an Ed25519 public key in URL-safe base64, 43 characters. */
final class LedgerKeyText {
  private LedgerKeyText() {}

  static String parse(String s) {
    String k = s.trim();
    if (!k.matches("[A-Za-z0-9_-]{43}")) {
      throw new InvalidAgreementException("ledger-key is an Ed25519 public key in URL-safe base64 (43 characters),"
          + " not '" + s + "'");
    }
    return k;
  }
}
