package coop.lattice.testkit;

import coop.lattice.ledger.Ledger;
import coop.lattice.merkle.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * Laws every ledger must keep, as checks that return the violations they found (empty means the
 * ledger keeps them). Use them in your own property tests after driving a collective with
 * generated commands.
 *
 * <pre>{@code
 * // in a jqwik property over generated commands:
 * void myCommandsKeepTheLedgerVerifiable(List<Command> commands) {
 *   Collective coop = ...; // apply the commands
 *   assertThat(LedgerLaws.violations(coop.ledger())).isEmpty();
 * }
 * }</pre>
 */
public final class LedgerLaws {
  private LedgerLaws() {}

  /**
   * Checks that every entry has an inclusion proof that verifies at every size that contains it,
   * that every earlier size has a consistency proof to the current one, and that each entry
   * links to the one before it. Costs O(n^2 log n): meant for the small ledgers of property tests.
   */
  public static List<String> violations(Ledger ledger) {
    List<String> found = new ArrayList<>();
    long n = ledger.size();
    Hash now = ledger.root();
    for (long size = 1; size <= n; size++) {
      Hash root = ledger.root(size);
      for (long i = 0; i < size; i++) {
        if (!Ledger.verifyInclusion(ledger.entryBytes(i), ledger.inclusionProof(i, size), root)) {
          found.add("entry " + i + " has no valid inclusion proof at size " + size);
        }
      }
      if (!ledger.consistencyProof(size, n).verify(root, now)) {
        found.add("the ledger at size " + size + " has no valid consistency proof to size " + n);
      }
    }
    for (long i = 1; i < n; i++) {
      if (!ledger.leafHash(i - 1).equals(ledger.entry(i).previous())) {
        found.add("entry " + i + " does not link to entry " + (i - 1));
      }
    }
    return found;
  }
}
