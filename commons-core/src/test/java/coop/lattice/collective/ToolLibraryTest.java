package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.DEE;
import static coop.lattice.collective.People.KEY;
import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.RejectedCommandException;
import coop.lattice.UnknownMemberException;
import coop.lattice.exchange.ItemId;
import coop.lattice.ledger.Appearance;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tool library: loans, returns, and a hold queue that is fair rather than first come first served. */
class ToolLibraryTest {
  static final ItemId LADDER = ItemId.of("ladder-3m");
  SteppingClock clock;
  Collective coop;
  ToolLibrary tools;

  @BeforeEach
  void found() {
    clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(1));
    coop = Collective.found(CollectiveId.of("tool-library"), "Tool Library", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), KEY, clock);
    for (MemberId m : List.of(BO, CY, DEE)) {
      coop.admit(ANA, m, Appearance.byName(m.value()));
    }
    tools = coop.toolLibrary();
    tools.list(ANA, LADDER, "3 m ladder", 7);
  }

  @Test
  void aMemberWhoAlreadyBorrowedWaitsBehindOneWhoHasNot() {
    tools.hold(BO, LADDER);
    tools.lendToNext(ANA, LADDER);
    rejected(coop, () -> tools.lend(ANA, LADDER, CY), ConflictException.class, "is on loan to bo");
    tools.returned(ANA, LADDER);
    tools.hold(BO, LADDER); // bo asks again at once...
    tools.hold(CY, LADDER); // ...but cy, who never had it, goes first
    assertThat(tools.item(LADDER).orElseThrow().waiting()).containsExactly(CY, BO);
    rejected(coop, () -> tools.lend(ANA, LADDER, BO), NotPermittedException.class,
        "It is cy's turn to borrow ladder-3m: the hold queue is fair");
    tools.lend(ANA, LADDER, CY);
    assertThat(tools.item(LADDER).orElseThrow().borrower()).isEqualTo(CY);
    assertThat(tools.item(LADDER).orElseThrow().loans()).isEqualTo(2);
  }

  @Test
  void badToolCommandsChangeNothing() {
    rejected(coop, () -> tools.returned(ANA, LADDER), ConflictException.class, "is not on loan, so it cannot be returned");
    rejected(coop, () -> tools.hold(BO, ItemId.of("drill")), RejectedCommandException.class, "no item called drill");
    rejected(coop, () -> tools.cancelHold(BO, LADDER), RejectedCommandException.class, "no hold to cancel");
    rejected(coop, () -> tools.list(ANA, LADDER, "again", 7), ConflictException.class, "already lists");
    rejected(coop, () -> tools.lend(ANA, LADDER, MemberId.of("zed")), UnknownMemberException.class,
        "zed is not a member");
    tools.hold(BO, LADDER);
    rejected(coop, () -> tools.hold(BO, LADDER), ConflictException.class, "already waiting");
    tools.cancelHold(BO, LADDER);
    tools.lend(ANA, LADDER, DEE);
    rejected(coop, () -> tools.hold(DEE, LADDER), ConflictException.class, "has ladder-3m already");
  }

  @Test
  void anOverdueLoanIsOnTheAgendaWithoutTheBorrowersName() {
    tools.lend(ANA, LADDER, BO);
    tools.hold(CY, LADDER);
    clock.advance(Duration.ofDays(8));
    assertThat(tools.overdue(clock.instant())).extracting(ToolRecord::id).containsExactly(LADDER);
    assertThat(coop.agenda(clock.instant())).filteredOn(i -> i.kind() == AgendaItem.Kind.LOAN_OVERDUE).singleElement()
        .satisfies(i -> assertThat(i.detail()).contains("1 member(s) wait").doesNotContain("bo"));
  }
}
