package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.KEY;
import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.ContributionKind;
import coop.lattice.ExpiredException;
import coop.lattice.LimitExceededException;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.RejectedCommandException;
import coop.lattice.Unit;
import coop.lattice.exchange.Posting;
import coop.lattice.ledger.Appearance;
import coop.lattice.metrics.Need;
import coop.lattice.metrics.SovereigntyMetrics;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Offers and requests: post, answer, commit, fulfil, confirm; each a ledger entry, each step expiring. */
class OffersTest {
  SteppingClock clock;
  Collective coop;
  Offers board;

  @BeforeEach
  void found() {
    clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(1));
    coop = Collective.found(CollectiveId.of("repair-cafe"), "Repair Café", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), KEY, clock);
    coop.admit(ANA, BO, Appearance.byName("Bo"));
    coop.admit(ANA, CY, Appearance.byName("Cy"));
    board = coop.offers();
  }

  Posting request(String hours, Duration open) {
    return new Posting(Posting.Type.REQUEST, ContributionKind.REPAIR, "fix a bike's gears", Quantity.hours(hours),
        clock.instant().plus(open));
  }

  @Test
  void aRequestGoesFromPostToConfirmationAndMovesHours() {
    long p = board.post(ANA, request("1.5", Duration.ofDays(7)));
    assertThat(board.open(clock.instant())).extracting(PostingRecord::entry).containsExactly(p);
    board.answer(BO, p, "I have the tools");
    board.answer(CY, p, "me too");
    LocalDate due = LocalDate.of(2026, 3, 5);
    board.commit(ANA, p, BO, due);
    board.fulfil(BO, p);
    board.confirm(ANA, p);
    PostingRecord r = board.posting(p).orElseThrow();
    assertThat(r.stage()).isEqualTo(PostingRecord.Stage.CONFIRMED);
    assertThat(r.giver()).isEqualTo(BO);
    assertThat(coop.timeBank().balance(BO).total()).isEqualByComparingTo("1.5");
    assertThat(coop.timeBank().balance(ANA).total()).isEqualByComparingTo("-1.5");
    assertThat(board.open(clock.instant())).isEmpty();

    SovereigntyMetrics m = SovereigntyMetrics.compute(coop.ledger().entries(0, coop.ledger().size()), ZoneOffset.UTC);
    assertThat(m.report(YearMonth.of(2026, 3)).met().get(Need.REPAIR))
        .containsEntry(Unit.HOURS, new BigDecimal("1.5"));
  }

  @Test
  void eachStepIsTakenByTheRightMemberInOrder() {
    long p = board.post(ANA, request("1", Duration.ofDays(7)));
    rejected(coop, () -> board.answer(ANA, p, ""), NotPermittedException.class, "cannot answer their own");
    rejected(coop, () -> board.commit(ANA, p, BO, LocalDate.of(2026, 3, 5)), RejectedCommandException.class,
        "bo has not answered posting");
    board.answer(BO, p, "");
    rejected(coop, () -> board.answer(BO, p, ""), ConflictException.class, "already answered");
    rejected(coop, () -> board.commit(BO, p, BO, LocalDate.of(2026, 3, 5)), NotPermittedException.class,
        "Only ana, who posted it");
    rejected(coop, () -> board.fulfil(BO, p), ConflictException.class, "is open, so it cannot be fulfilled");
    rejected(coop, () -> board.commit(ANA, p, BO, LocalDate.of(2026, 3, 1)), RejectedCommandException.class,
        "before today");
    board.commit(ANA, p, BO, LocalDate.of(2026, 3, 5));
    rejected(coop, () -> board.fulfil(ANA, p), NotPermittedException.class, "Only bo, who gives");
    board.fulfil(BO, p);
    rejected(coop, () -> board.confirm(BO, p), NotPermittedException.class, "Only ana, who received");
    rejected(coop, () -> board.confirm(ANA, 12345), RejectedCommandException.class, "no offer or request at entry");
  }

  @Test
  void pendingStepsExpire() {
    long p = board.post(ANA, request("1", Duration.ofDays(2)));
    clock.advance(Duration.ofDays(3));
    rejected(coop, () -> board.answer(BO, p, ""), ExpiredException.class, "expired at");
    rejected(coop, () -> board.post(ANA, request("1", Duration.ZERO.minusDays(1))), ExpiredException.class,
        "is not after now");

    long q = board.post(ANA, request("1", Duration.ofDays(7)));
    board.answer(BO, q, "");
    board.commit(ANA, q, BO, LocalDate.of(2026, 3, 6));
    clock.advance(Duration.ofDays(2));
    rejected(coop, () -> board.fulfil(BO, q), ExpiredException.class, "was due on 2026-03-06 and has expired");

    long r = board.post(ANA, request("1", Duration.ofDays(7)));
    board.answer(BO, r, "");
    board.commit(ANA, r, BO, LocalDate.of(2026, 3, 10));
    board.fulfil(BO, r);
    clock.advance(Duration.ofDays(15));
    rejected(coop, () -> board.confirm(ANA, r), ExpiredException.class, "had to be confirmed by");
  }

  @Test
  void confirmingAnOfferInHoursKeepsTheTimeBankLimits() {
    long p = board.post(BO, new Posting(Posting.Type.OFFER, ContributionKind.CARE, "an afternoon of childcare",
        Quantity.hours("21"), clock.instant().plus(Duration.ofDays(3))));
    board.answer(CY, p, "yes please");
    board.commit(BO, p, CY, LocalDate.of(2026, 3, 4));
    board.fulfil(BO, p);
    rejected(coop, () -> board.confirm(CY, p), LimitExceededException.class, "cy would owe 21 hours");
  }
}
