package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.agreement.Parameter;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Entry;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: what a partner's mirror cannot check (entries naming a member who appears only in
 * aggregates), a steward the agreement names can, with the ledger's members resolved.
 */
class LedgerStewardsTest {
  @Test
  void aStewardFoldsTheResolvedLedgerWithEveryRuleWhereAMirrorCannot() {
    SteppingClock clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(2));
    Collective coop = Collective.found(CollectiveId.of("pantry"), "Pantry", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), KEY, clock);
    coop.admit(ANA, BO, Appearance.byName("Bo"));
    coop.admit(ANA, CY, Appearance.onlyInAggregates());
    Adopt.adopt(coop, clock, ANA, Adopt.terms("audit").set(Parameter.LEDGER_STEWARDS, List.of(BO)).build());
    coop.acknowledge(ANA, coop.record(Contribution.toMember(CY, ANA, ContributionKind.FOOD, Quantity.kilograms("4"))));
    coop.acknowledge(CY, coop.record(Contribution.toMember(BO, CY, ContributionKind.CARE, Quantity.hours("2"))));
    long size = coop.ledger().size();

    assertThatThrownBy(() -> coop.privacy().commands(ANA, 0, size)).isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("ledger-stewards");
    List<Entry> commands = coop.privacy().commands(BO, 0, size);
    assertThat(commands).extracting(coop.privacy()::authorOf).contains(CY);
    assertThat(commands).extracting(Entry::author).contains(CY, ANA, BO);

    Replica steward = new Replica();
    commands.forEach(steward::apply); // every rule checked: nobody is a tag here
    assertThat(steward.state()).isEqualTo(coop.state());

    Replica mirror = Replica.of(coop.ledger());
    assertThat(mirror.state()).isNotEqualTo(coop.state());
    assertThat(mirror.state().members()).doesNotContainKeys(ANA, BO, CY);
  }
}
