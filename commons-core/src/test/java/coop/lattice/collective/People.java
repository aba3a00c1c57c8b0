package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.ledger.CollectiveKey;

/** The members and key the collective tests share. */
final class People {
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final MemberId CY = MemberId.of("cy");
  static final MemberId DEE = MemberId.of("dee");
  /** A fixed key, so that ledgers are byte-identical from run to run. */
  static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);

  private People() {}
}
