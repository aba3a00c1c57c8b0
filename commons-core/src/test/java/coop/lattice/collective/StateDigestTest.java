package coop.lattice.collective;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.ContributionKind;
import coop.lattice.Quantity;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.merkle.Hash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 6: a copy's state has a canonical digest, so two copies can be compared across
 * processes without the application's own digest.
 */
class StateDigestTest {
  @Test
  void twoCopiesOfOneLedgerHaveOneDigestAndAnyDifferenceChangesIt() {
    Collective c = NoRankingByBehaviourTest.season(i -> i + 1);
    Replica first = Replica.of(c.ledger());
    // The second copy folds the entries as another node would: decoded from their bytes.
    Replica second = new Replica();
    for (long i = 0; i < c.ledger().size(); i++) {
      second.apply(LedgerJson.decode(c.ledger().entryBytes(i), Entry.class));
    }
    Hash digest = first.state().digest();
    assertThat(second.state().digest()).isEqualTo(digest);
    assertThat(first.state().digest()).as("the same on every call").isEqualTo(digest);

    c.record(Contribution.toCollective(NoRankingByBehaviourTest.MEMBERS.get(1), ContributionKind.FOOD,
        Quantity.kilograms("1")));
    Replica longer = Replica.of(c.ledger());
    assertThat(longer.state().digest()).isNotEqualTo(digest);
    assertThat(c.state().digest()).as("the collective's own state names members by id, a copy by handle")
        .isNotEqualTo(longer.state().digest());
  }

  @Test
  void collectivesThatDifferOnlyInAmountsHaveDifferentDigests() {
    List<Hash> digests = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      int extra = k;
      digests.add(Replica.of(NoRankingByBehaviourTest.season(i -> i + extra).ledger()).state().digest());
    }
    assertThat(digests).doesNotHaveDuplicates();
  }
}
