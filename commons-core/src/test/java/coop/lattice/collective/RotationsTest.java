package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.TooEarlyException;
import coop.lattice.UnknownMemberException;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Event;
import coop.lattice.merkle.Hash;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Lottery;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.RotationPolicy;
import coop.lattice.rotation.Slot;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RotationsTest {
  static final LocalDate MONDAY = LocalDate.of(2026, 4, 6);
  SteppingClock clock;
  LedgerStore store;
  Collective coop;
  Plan plan;

  @BeforeEach
  void found() {
    clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(1));
    store = LedgerStore.inMemory();
    coop = Collective.found(CollectiveId.of("repair-cafe"), "Repair Café", ANA, Appearance.byName("Ana"), store, KEY,
        clock);
    coop.admit(ANA, BO, Appearance.byName("Bo"));
    coop.admit(ANA, CY, Appearance.byName("Cy"));
    List<Participant> roster = List.of(ANA, BO, CY).stream()
        .map(m -> Participant.of(m, LocalDate.of(2025, 1, 1))).toList();
    plan = coop.rotations().plan(RotationPolicy.fair(42), roster,
        List.of(Role.of(RoleId.of("facilitation"), "Facilitation", Cadence.weekly(MONDAY))), MONDAY, MONDAY.plusWeeks(6));
    coop.rotations().publish(ANA, plan);
  }

  Slot week(int w) {
    return new Slot(MONDAY.plusWeeks(w), RoleId.of("facilitation"), 1);
  }

  MemberId holder(int w) {
    return coop.rotations().current().orElseThrow().at(week(w)).orElseThrow().member();
  }

  void rejected(ThrowingCallable command, Class<? extends RuntimeException> type, String says) {
    Rejections.rejected(coop, command, type, says);
  }

  @Test
  void aSwapNeedsBothMembersAndIsRecordedWithItsReason() {
    MemberId first = holder(0);
    MemberId second = holder(1);
    long p = coop.rotations().proposeHandOver(first, week(0), second, week(1), "my sister's wedding");
    assertThat(holder(0)).isEqualTo(first); // nothing changes before the other agrees
    MemberId third = List.of(ANA, BO, CY).stream().filter(m -> !m.equals(first) && !m.equals(second)).findFirst()
        .orElseThrow();
    rejected(() -> coop.rotations().acceptHandOver(third, p), NotPermittedException.class, "need both members' consent");
    rejected(() -> coop.rotations().acceptHandOver(first, p), NotPermittedException.class, "who was asked");
    coop.rotations().acceptHandOver(second, p);
    assertThat(holder(0)).isEqualTo(second);
    assertThat(holder(1)).isEqualTo(first);
    assertThat(coop.rotations().current().orElseThrow().at(week(0)).orElseThrow().reason()).isEqualTo("swap approved by both");
  }

  @Test
  void coverIsRecordedAsCoverNeverAsAMiss() {
    MemberId first = holder(0);
    MemberId other = first.equals(ANA) ? BO : ANA;
    long p = coop.rotations().proposeHandOver(first, week(0), other, null, "");
    coop.rotations().acceptHandOver(other, p);
    assertThat(holder(0)).isEqualTo(other);
    assertThat(coop.rotations().current().orElseThrow().at(week(0)).orElseThrow().reason()).startsWith("covered for a turn")
        .doesNotContain("miss");
  }

  @Test
  void handOversOfSomeoneElsesTurnOrToOutsidersAreRejected() {
    MemberId first = holder(0);
    MemberId other = first.equals(ANA) ? BO : ANA;
    rejected(() -> coop.rotations().proposeHandOver(other, week(0), first, null, ""), NotPermittedException.class,
        "who holds facilitation on 2026-04-06, can hand it over");
    rejected(() -> coop.rotations().proposeHandOver(first, week(0), MemberId.of("zed"), null, ""),
        UnknownMemberException.class, "zed is not a member");
    rejected(() -> coop.rotations().proposeHandOver(first, week(0), other, week(0), ""), InvalidRotationException.class,
        "does not hold facilitation on 2026-04-06");
  }

  @Test
  void aLotteryIsAnnouncedBeforeItsRandomnessExistsAndItsDrawIsDerivedFromTheLedger() {
    long anchor = coop.ledger().size() + 2;
    Instant commitBy = Instant.parse("2026-03-10T00:00:00Z");
    Instant revealBy = Instant.parse("2026-03-11T00:00:00Z");
    Lottery.Announcement a = Lottery.Announcement.of("circle keeper", List.of(ANA, BO, CY), 1, anchor, commitBy, revealBy);
    rejected(() -> coop.lotteries().announce(ANA, Lottery.Announcement.of("x", List.of(ANA, BO), 1,
        coop.ledger().size(), commitBy, revealBy)), InvalidRotationException.class,
        "must lie beyond the ledger's current size");
    long lottery = coop.lotteries().announce(ANA, a);
    String anaNonce = "aa".repeat(32);
    String boNonce = "bb".repeat(32);
    coop.lotteries().commit(ANA, lottery, Lottery.commitmentOf(anaNonce));
    coop.lotteries().commit(BO, lottery, Lottery.commitmentOf(boNonce)); // the ledger reaches the anchor
    clock.advance(Duration.ofDays(8));
    coop.lotteries().reveal(ANA, lottery, anaNonce); // bo withholds
    rejected(() -> coop.lotteries().draw(ANA, lottery), TooEarlyException.class, "Reveals to the lottery at entry "
        + lottery + " are open until 2026-03-11T00:00:00Z");
    clock.advance(Duration.ofDays(2));
    Hash root = coop.anchorRoot(anchor).orElseThrow();
    Lottery.Transcript forged = Lottery.draw(a, List.of(), List.of(), Hash.sha256(new byte[] {9})); // leaves both out
    rejected(() -> coop.submit(ANA, new Event.LotteryClosed(lottery, forged)), InvalidRotationException.class,
        "leaves out");
    Lottery.Transcript t = coop.lotteries().draw(BO, lottery);
    assertThat(t.withheld()).containsExactly(BO);
    assertThat(t.reveals()).extracting(Lottery.Reveal::member).containsExactly(ANA);
    assertThat(t.anchorRoot()).isEqualTo(root);
    assertThat(coop.lotteries().verify(lottery, t)).isEmpty();
    assertThat(Lotteries.verify(coop.ledger().entries(0, coop.ledger().size()), lottery)).isEmpty();
    assertThat(coop.state().lotteries()).containsEntry(lottery, t);
    rejected(() -> coop.lotteries().draw(ANA, lottery), ConflictException.class, "was already drawn");
  }

  @Test
  void theMonthlyReviewIsOnTheAgendaAndReplayKeepsTheMap() {
    assertThat(coop.agenda(Instant.parse("2026-04-15T00:00:00Z"))).extracting(AgendaItem::kind)
        .contains(AgendaItem.Kind.ROTATION_REVIEW);
    MemberId first = holder(0);
    MemberId other = first.equals(ANA) ? BO : ANA;
    coop.rotations().acceptHandOver(other, coop.rotations().proposeHandOver(first, week(0), other, null, "flu"));
    coop.checkpoint();
    Collective replayed = Collective.open(store, KEY, clock);
    assertThat(replayed.rotations().current()).isEqualTo(coop.rotations().current());
    assertThat(replayed.state()).isEqualTo(coop.state());
  }
}
