package coop.lattice.collective;

import coop.lattice.ledger.CollectiveSecret;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.Quantity;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Event;
import coop.lattice.privacy.Pseudonyms;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: what a collective says to outsiders (a partner told why its trade step was refused,
 * say) names members only as the open ledger does: by handle, or as "a member" for someone who
 * appears only in aggregates; never by the app's ids.
 */
class ToOutsidersTest {
  final SteppingClock clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(3));
  final Collective coop = Collective.found(CollectiveId.of("pantry"), "Pantry", ANA, Appearance.byName("Ana"),
      LedgerStore.inMemory(), KEY, clock);
  final Pseudonyms pseudonyms = Pseudonyms.of(CollectiveSecret.of(KEY));

  ToOutsidersTest() {
    coop.admit(ANA, BO, Appearance.pseudonym("B."));
    coop.admit(ANA, CY, Appearance.onlyInAggregates());
  }

  @Test
  void aRefusalsMessageNamesMembersAsTheLedgerDoes() {
    Throwable refused = catchThrowable(() -> coop.submit(ANA, new Event.ContributionRecorded(
        Contribution.toCollective(BO, ContributionKind.WORK, Quantity.hours("1")))));
    assertThat(refused.getMessage()).contains("bo").contains("ana"); // what the app is told

    String outside = coop.privacy().toOutsiders(refused.getMessage());

    assertThat(outside).doesNotContainPattern("\\bbo\\b").doesNotContainPattern("\\bana\\b")
        .contains(pseudonyms.handle(BO).value()).contains(pseudonyms.handle(ANA).value())
        .isEqualTo(refused.getMessage().replace("bo", pseudonyms.handle(BO).value())
            .replace("ana ", pseudonyms.handle(ANA).value() + " "));
  }

  @Test
  void onlyWholeIdsAreReplacedAndSomeoneSeenOnlyInAggregatesIsAMember() {
    String text = "cy gave; bo and bob and cycle; (ana), ana. but not -bo or bo_x or x.cy";

    assertThat(coop.privacy().toOutsiders(text)).isEqualTo("a member gave; " + pseudonyms.handle(BO).value()
        + " and bob and cycle; (" + pseudonyms.handle(ANA).value() + "), " + pseudonyms.handle(ANA).value()
        + ". but not -" + pseudonyms.handle(BO).value() + " or bo_x or x.cy");
  }
}
