package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.LedgerStore;
import java.time.Clock;

/** The members and key the collective tests share. */
final class People {
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final MemberId CY = MemberId.of("cy");
  static final MemberId DEE = MemberId.of("dee");
  /** A fixed key, so that ledgers are byte-identical from run to run. */
  static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);

  private People() {}

  /**
   * The Fixit Repair Café in {@code store}: ana founds it (by name), bo appears by pseudonym, cy by
   * name, and dee only in aggregates.
   */
  static Collective fixitCafe(LedgerStore store, Clock clock) {
    Collective coop = Collective.found(CollectiveId.of("fixit-cafe"), "Fixit Repair Café", ANA, Appearance.byName("Ana"),
        store, KEY, clock);
    coop.admit(ANA, BO, Appearance.pseudonym("bo-the-baker"));
    coop.admit(ANA, CY, Appearance.byName("Cy"));
    coop.admit(ANA, DEE, Appearance.onlyInAggregates());
    return coop;
  }
}
