package coop.lattice.collective;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.agreement.Parameter;
import coop.lattice.health.Indicator;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the witnesses cosigned shows on the health report, and on the agenda when the agreement asks for them. */
class WitnessingTest {
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");

  final SteppingClock clock = SteppingClock.startingAt("2026-11-30T12:00:00Z", Duration.ofSeconds(1));
  final Collective coop = Collective.found(CollectiveId.of("food"), "Food", ANA, Appearance.byName("Ana"),
      LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), clock);

  Indicator unwitnessed() {
    return coop.health().indicators().stream().filter(i -> i.name().equals("unwitnessed-entries")).findFirst()
        .orElseThrow();
  }

  @Test
  void withoutWitnessesOrAnAgreementAskingForThemNothingIsShown() {
    assertThat(coop.health().indicators()).noneMatch(i -> i.name().equals("unwitnessed-entries"));
  }

  @Test
  void entriesAfterTheLastCosignatureAreShownAsUnwitnessedSinceThen() {
    coop.admit(ANA, BO, Appearance.byName("Bo"));
    Instant at = Instant.parse("2026-11-30T12:00:05Z");
    coop.witnessed(new Witnessing(1, at, 1));
    Indicator i = unwitnessed();
    assertThat(i.value()).isEqualTo(coop.ledger().size() - 1);
    assertThat(i.explanation()).contains("unwitnessed since 2026-11-30T12:00:05Z");
    assertThat(i.crossed()).as("the agreement asks for no witnesses: shown, no warning").isFalse();
  }

  @Test
  void whenTheAgreementAsksForWitnessesUnwitnessedEntriesAreOnTheAgenda() {
    coop.admit(ANA, BO, Appearance.byName("Bo"));
    Adopt.adopt(coop, clock, ANA, Adopt.setting("witnessing", Parameter.WITNESS_COSIGNATURES, "2"));
    coop.witnessed(new Witnessing(3, Instant.parse("2026-12-01T00:00:00Z"), 1));
    assertThat(unwitnessed().crossed()).isTrue();
    assertThat(coop.agenda()).anySatisfy(item -> {
      assertThat(item.kind()).isEqualTo(AgendaItem.Kind.HEALTH_WARNING);
      assertThat(item.detail()).contains("unwitnessed since 2026-12-01T00:00:00Z").contains("2 asked for");
    });
    coop.witnessed(new Witnessing(coop.ledger().size(), Instant.parse("2026-12-02T00:00:00Z"), 2));
    assertThat(unwitnessed().crossed()).isFalse();
  }
}
