package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.KEY;
import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.InvalidCircleException;
import coop.lattice.MissingStepException;
import coop.lattice.NoPartnershipException;
import coop.lattice.Quantity;
import coop.lattice.TooEarlyException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.circle.CircleId;
import coop.lattice.circle.Turn;
import coop.lattice.exchange.ItemId;
import coop.lattice.exchange.Side;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Event;
import coop.lattice.rotation.RoleId;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rejection says what kind of rule it broke, so that an application can act on it without
 * reading the message.
 */
class RejectionKindsTest {
  SteppingClock clock;
  Collective coop;

  @BeforeEach
  void found() {
    clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(1));
    coop = Collective.found(CollectiveId.of("riverside-food"), "Riverside", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), KEY, clock);
    coop.admit(ANA, BO, Appearance.byName("Bo"));
  }

  @Test
  void somethingThatIsNotThereIsAnUnknownReference() {
    rejected(coop, () -> coop.acknowledge(ANA, 999), UnknownReferenceException.class, "no contribution at entry 999");
    rejected(coop, () -> coop.toolLibrary().hold(BO, ItemId.of("drill")), UnknownReferenceException.class,
        "no item called drill");
  }

  @Test
  void tradeWithoutAPartnershipSaysSo() {
    rejected(coop, () -> coop.trade().appointRelay(ANA, CollectiveId.of("fixit"), BO, clock.instant().plusSeconds(60)),
        NoPartnershipException.class, "agree a partnership with credit lines first");
    rejected(coop, () -> coop.trade().offer(ANA, CollectiveId.of("fixit"), Side.US, Side.US, Quantity.hours("1"), "x",
        clock.instant().plusSeconds(60)), NoPartnershipException.class, "no exchange agreement with fixit");
  }

  @Test
  void decidingWhileTheWindowIsOpenIsTooEarly() {
    long p = coop.agreements().propose(ANA, Adopt.terms("hours").build(), "");
    rejected(coop, () -> coop.agreements().decide(ANA, p, ""), TooEarlyException.class, "decide after it closes");
  }

  @Test
  void aStepThatMustComeFirstIsMissing() {
    coop.circles().form(ANA, CircleId.of("care"), "Care circle", RoleId.of("circle-keeper"));
    rejected(coop, () -> coop.circles().recordMeeting(ANA, new Event.CircleMeetingHeld(CircleId.of("care"),
        LocalDate.of(2026, 3, 2), List.of(ANA, BO), 120, List.of(), List.of())), MissingStepException.class,
        "Publish a plan that does");
    coop.toolLibrary().list(ANA, ItemId.of("ladder"), "Ladder", 7);
    rejected(coop, () -> coop.toolLibrary().lendToNext(ANA, ItemId.of("ladder")), MissingStepException.class,
        "Nobody is waiting for ladder");
  }

  @Test
  void aCircleRecordThatCannotStandIsAnInvalidCircle() {
    assertThatThrownBy(() -> new Turn(ANA, 10, 5)).isInstanceOf(InvalidCircleException.class)
        .hasMessageContaining("is not a stretch of time");
  }

  @Test
  void aReplicaTellsAGapFromARepeat() {
    Replica replica = new Replica();
    assertThatThrownBy(() -> replica.apply(coop.ledger().entry(1))).isInstanceOf(MissingStepException.class)
        .hasMessageContaining("starting at entry 0");
    replica.apply(coop.ledger().entry(0));
    replica.apply(coop.ledger().entry(1));
    assertThatThrownBy(() -> replica.apply(coop.ledger().entry(0))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("starting at entry 2");
  }
}
