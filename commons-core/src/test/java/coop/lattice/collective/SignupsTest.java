package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.DEE;
import static coop.lattice.collective.People.KEY;
import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidSignupException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.TooEarlyException;
import coop.lattice.UnknownMemberException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.SignupEvents;
import coop.lattice.privacy.Pseudonyms;
import coop.lattice.rotation.Assignment;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.Slot;
import coop.lattice.signup.Activity;
import coop.lattice.signup.Availability;
import coop.lattice.signup.Occurrence;
import coop.lattice.signup.PlannedSlot;
import coop.lattice.signup.SignupTerms;
import coop.lattice.store.FileJournal;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 1: sign-ups go through the ledger and the fold like every command. Members take
 * and leave slots while the window is open, the collective closes it with the plan the fair
 * rotation gives around the chosen slots, and after that a slot changes hands only by a swap or a
 * cover. Every bad input is a clear error with nothing appended; a reopened file journal gives the
 * same state; the ledger names members only as handles and tags.
 */
class SignupsTest {
  static final RoleId PICKUP = RoleId.of("pickup");
  static final RoleId REPAIR = RoleId.of("repair");
  static final LocalDate FIRST_SATURDAY = LocalDate.of(2027, 3, 13);
  static final LocalDate FIRST_WEDNESDAY = LocalDate.of(2027, 3, 10);
  static final Instant CLOSES = Instant.parse("2027-03-05T18:00:00Z");
  final SteppingClock clock = SteppingClock.startingAt("2027-03-01T09:00:00Z", Duration.ofMinutes(1));
  @TempDir Path dir;

  Collective found(LedgerStore store) {
    return People.fixitCafe(store, clock);
  }

  /** Four Saturday pickups (one person each) and four Wednesday repair shifts that need first aid. */
  static SignupTerms terms() {
    return new SignupTerms("Spring pickups", List.of(
        Activity.of("pickup", "Saturday pickup", Cadence.weekly(FIRST_SATURDAY)),
        Activity.of("repair", "Repair café shift", Cadence.weekly(FIRST_WEDNESDAY)).requires("first-aid")),
        LocalDate.of(2027, 3, 8), LocalDate.of(2027, 4, 5), CLOSES, 20270308L);
  }

  static Occurrence pickup(int week) {
    return new Occurrence(PICKUP, FIRST_SATURDAY.plusWeeks(week));
  }

  static Occurrence repair(int week) {
    return new Occurrence(REPAIR, FIRST_WEDNESDAY.plusWeeks(week));
  }

  /** A round where cy declares first aid, bo would rather not do Saturdays, dee is away the third weekend; ana, cy and dee sign up. */
  long signUp(Collective coop) {
    long round = coop.signups().open(ANA, terms());
    coop.signups().state(CY, round, Availability.ANY_TIME.declaring("first-aid"));
    coop.signups().state(BO, round, Availability.ANY_TIME.ratherNot(DayOfWeek.SATURDAY));
    coop.signups().state(DEE, round, Availability.ANY_TIME.away(LocalDate.of(2027, 3, 20), LocalDate.of(2027, 3, 21)));
    coop.signups().take(ANA, round, pickup(0));
    coop.signups().take(ANA, round, pickup(1));
    coop.signups().take(CY, round, repair(0));
    coop.signups().take(DEE, round, pickup(2 + 1));
    coop.signups().leave(ANA, round, pickup(1)); // before the deadline: it reopens
    return round;
  }

  void closeWindow() {
    clock.advance(Duration.between(clock.instant(), CLOSES).plusMinutes(1));
  }

  /** The round of {@link #signUp}, closed by ana after its window. */
  long closedRound(Collective coop) {
    long round = signUp(coop);
    closeWindow();
    coop.signups().close(ANA, round);
    return round;
  }

  @Test
  void chosenSlotsStayTheRotationFillsTheRestAndEachSlotSaysWhy() {
    Collective coop = found(LedgerStore.inMemory());
    long round = signUp(coop);
    assertThat(coop.signups().freeSlots(round)).containsEntry(pickup(0), 0).containsEntry(pickup(1), 1)
        .containsEntry(repair(0), 0).containsEntry(repair(1), 1);
    assertThat(coop.signups().slotsOf(ANA, round)).containsExactly(pickup(0));
    assertThat(coop.signups().plan(round)).as("no plan while the window is open").isEmpty();

    closeWindow();
    Entry closed = coop.signups().close(BO, round);
    assertThat(closed.event()).isInstanceOf(SignupEvents.SignupClosed.class);
    List<PlannedSlot> plan = coop.signups().plan(round);
    assertThat(plan).hasSize(8).allMatch(s -> s.member() != null);
    assertThat(slot(plan, pickup(0))).extracting(PlannedSlot::member, PlannedSlot::how).containsExactly(ANA,
        PlannedSlot.How.CHOSEN);
    assertThat(slot(plan, repair(0))).extracting(PlannedSlot::member, PlannedSlot::how).containsExactly(CY,
        PlannedSlot.How.CHOSEN);
    assertThat(slot(plan, pickup(3))).extracting(PlannedSlot::member, PlannedSlot::how).containsExactly(DEE,
        PlannedSlot.How.CHOSEN);
    // Only cy declares first aid: every repair shift is theirs, the three left assigned.
    for (int w = 1; w < 4; w++) {
      assertThat(slot(plan, repair(w))).extracting(PlannedSlot::member, PlannedSlot::how).containsExactly(CY,
          PlannedSlot.How.ASSIGNED);
      assertThat(slot(plan, repair(w)).reason()).contains("the only eligible and available member");
    }
    // The two Saturdays nobody chose go to bo and cy, who chose none (ana and dee hold one each, a share of
    // about one): bo would rather not, and the reason says why no fair plan spared them.
    List<MemberId> saturdays = List.of(slot(plan, pickup(1)).member(), slot(plan, pickup(2)).member());
    assertThat(saturdays).containsExactlyInAnyOrder(BO, CY);
    PlannedSlot bos = saturdays.get(0).equals(BO) ? slot(plan, pickup(1)) : slot(plan, pickup(2));
    assertThat(bos.how()).isEqualTo(PlannedSlot.How.ASSIGNED);
    assertThat(bos.reason()).contains("which they would rather not: no plan within one turn of everyone's share");
    assertThat(slot(plan, pickup(2)).member()).as("dee is away that weekend").isNotEqualTo(DEE);
  }

  @Test
  void afterTheDeadlineASlotChangesHandsOnlyByASwapOrACover() {
    Collective coop = found(LedgerStore.inMemory());
    long round = closedRound(coop);
    rejected(coop, () -> coop.signups().leave(ANA, round, pickup(0)), ExpiredException.class,
        "changes hands only by a swap or a cover");
    PlannedSlot mine = slot(coop.signups().plan(round), pickup(0));
    long cover = coop.rotations().proposeHandOver(ANA, mine.slot(), BO, null, "family visit");
    coop.rotations().acceptHandOver(BO, cover);
    PlannedSlot now = slot(coop.signups().plan(round), pickup(0));
    assertThat(now.member()).isEqualTo(BO);
    assertThat(now.how()).isEqualTo(PlannedSlot.How.HANDED_OVER);
    assertThat(coop.signups().plan(round)).filteredOn(s -> s.how() == PlannedSlot.How.CHOSEN).hasSize(2);
  }

  @Test
  void badInputIsAClearErrorAndAppendsNothing() {
    Collective coop = found(LedgerStore.inMemory());
    rejected(coop, () -> coop.signups().open(ANA, new SignupTerms("Too soon", terms().activities(),
        LocalDate.of(2027, 3, 8), LocalDate.of(2027, 4, 5), clock.instant().plus(Duration.ofHours(3)), 1)),
        InvalidSignupException.class, "stays open at least 48 hours");
    rejected(coop, () -> coop.signups().open(ANA, new SignupTerms("Too late", terms().activities(),
        LocalDate.of(2027, 3, 8), LocalDate.of(2027, 4, 5), Instant.parse("2027-03-07T12:00:00Z"), 1)),
        InvalidSignupException.class, "closes at least 2 day(s) before the round's first day");
    long round = signUp(coop);
    rejected(coop, () -> coop.signups().open(BO, terms()), ConflictException.class,
        "already has an activity pickup on overlapping days");
    rejected(coop, () -> coop.signups().take(BO, round, pickup(0)), ConflictException.class,
        "pickup on 2027-03-13 is full");
    rejected(coop, () -> coop.signups().take(ANA, round, pickup(0)), ConflictException.class,
        "already holds a slot of pickup on 2027-03-13");
    rejected(coop, () -> coop.signups().take(BO, round, new Occurrence(PICKUP, LocalDate.of(2027, 2, 27))),
        ExpiredException.class, "is past (today is 2027-03-01)");
    rejected(coop, () -> coop.signups().take(BO, round, repair(1)), NotPermittedException.class,
        "needs someone who declares first-aid; bo declares nothing");
    rejected(coop, () -> coop.signups().take(DEE, round, pickup(1)), NotPermittedException.class,
        "dee stated they are away on 2027-03-20");
    rejected(coop, () -> coop.signups().take(BO, round, new Occurrence(RoleId.of("meal"), FIRST_SATURDAY)),
        UnknownReferenceException.class, "has no activity meal");
    rejected(coop, () -> coop.signups().take(BO, round, new Occurrence(PICKUP, FIRST_SATURDAY.plusDays(1))),
        UnknownReferenceException.class, "does not come round on 2027-03-14");
    rejected(coop, () -> coop.signups().take(MemberId.of("zed"), round, pickup(1)), UnknownMemberException.class,
        "zed");
    rejected(coop, () -> coop.signups().take(BO, 3, pickup(1)), UnknownReferenceException.class,
        "no sign-up round opened at entry 3");
    rejected(coop, () -> coop.signups().leave(BO, round, pickup(0)), UnknownReferenceException.class,
        "bo holds no slot of pickup on 2027-03-13");
    rejected(coop, () -> coop.signups().state(CY, round, Availability.ANY_TIME), ConflictException.class,
        "needs first-aid; leave the slot first");
    rejected(coop, () -> coop.signups().state(ANA, round, Availability.ANY_TIME.away(FIRST_SATURDAY, FIRST_SATURDAY)),
        ConflictException.class, "would be away that day; leave the slot first");
    rejected(coop, () -> coop.signups().close(BO, round), TooEarlyException.class, "open until 2027-03-05T18:00:00Z");
    long market = coop.signups().open(CY, new SignupTerms("Market stall", List.of(
        Activity.of("stall", "Market stall", Cadence.weekly(FIRST_SATURDAY)),
        Activity.of("sorting", "Sorting the pickup", Cadence.weekly(FIRST_SATURDAY)).exclusiveWith("stall")),
        LocalDate.of(2027, 3, 8), LocalDate.of(2027, 4, 5), CLOSES, 7));
    coop.signups().take(BO, market, new Occurrence(RoleId.of("stall"), FIRST_SATURDAY));
    rejected(coop, () -> coop.signups().take(BO, market, new Occurrence(RoleId.of("sorting"), FIRST_SATURDAY)),
        ConflictException.class, "bo holds a slot of stall on 2027-03-13, and nobody takes Sorting the pickup the same"
            + " day");
    rejected(coop, () -> coop.signups().open(CY, new SignupTerms("Odd", List.of(
        Activity.of("till", "Till", Cadence.weekly(FIRST_SATURDAY)).exclusiveWith("nothing")),
        LocalDate.of(2027, 3, 8), LocalDate.of(2027, 4, 5), CLOSES, 7)), InvalidSignupException.class,
        "excludes nothing, which is not in the round");

    closeWindow();
    rejected(coop, () -> coop.signups().take(BO, round, pickup(1)), ExpiredException.class,
        "too late to take a slot");
    rejected(coop, () -> coop.signups().state(BO, round, Availability.ANY_TIME), ExpiredException.class,
        "too late to state availability");
    rejected(coop, () -> coop.signups().leave(ANA, round, pickup(0)), ExpiredException.class,
        "ask another member to take it (proposeHandOver)");
    // A plan that is not the one the rotation gives, recorded behind the facet's back: refused.
    Plan honest = coop.read(f -> SignupsFold.fill(f, f.signups.rounds.get(round), coop.agreements().parameters()));
    List<Assignment> forged = new ArrayList<>(honest.assignments());
    Assignment first = forged.get(1);
    forged.set(1, new Assignment(first.slot(), first.member().equals(BO) ? CY : BO, first.reason()));
    Plan other = new Plan(honest.policy(), honest.seed(), honest.from(), honest.until(), forged);
    rejected(coop, () -> coop.appendKeeping(Collective.ITSELF, s -> new Collective.Kept(
        new SignupEvents.SignupClosed(round, other), () -> {})), ConflictException.class,
        "not the plan the sign-ups and the rotation give");
    rejected(coop, () -> coop.submit(BO, new SignupEvents.SignupClosed(round, honest)), NotPermittedException.class,
        "recorded by the collective itself");
    coop.signups().close(CY, round);
    rejected(coop, () -> coop.signups().close(CY, round), ExpiredException.class, "was closed already");
  }

  @Test
  void theLedgerNamesMembersOnlyAsHandlesAndTags() {
    Collective coop = found(LedgerStore.inMemory());
    long round = closedRound(coop);
    List<Entry> entries = coop.ledger().entries(round, coop.ledger().size());
    for (Entry e : entries) {
      String json = new String(e.canonicalBytes(), StandardCharsets.UTF_8);
      for (MemberId m : List.of(ANA, BO, CY, DEE)) {
        assertThat(json).as("entry %s names no app id", e.sequence()).doesNotContain("\"" + m.value() + "\"");
      }
      assertThat(Pseudonyms.isHandle(e.author()) || Pseudonyms.isTag(e.author())
          || e.author().equals(Collective.ITSELF)).isTrue();
    }
    Plan onLedger = ((SignupEvents.SignupClosed) entries.get(entries.size() - 1).event()).plan();
    List<MemberId> holders = onLedger.assignments().stream().map(Assignment::member).toList();
    assertThat(holders).allMatch(m -> Pseudonyms.isHandle(m) || Pseudonyms.isTag(m));
    // dee chose only in aggregates: their chosen Saturday is a tag of that entry, unlike anyone's handle.
    MemberId deesOnLedger = onLedger.at(slot(coop.signups().plan(round), pickup(3)).slot()).orElseThrow().member();
    assertThat(Pseudonyms.isTag(deesOnLedger)).isTrue();
    assertThat(onLedger.assignments()).allMatch(a -> !a.reason().contains("dee") && !a.reason().contains("bo "));
    // A partner's mirror folds the whole round, checking what it can.
    assertThat(Replica.of(coop.ledger()).size()).isEqualTo(coop.ledger().size());
  }

  /**
   * A mirror cannot re-derive the assigned slots (the rotation's tie-breaks are seeded by members'
   * own ids), but it refuses a plan that takes a chosen slot from a member who chose it: checked on
   * a plan that names only handles, which a mirror can place.
   */
  @Test
  void aMirrorRefusesAPlanThatTakesAChosenSlotAway() {
    Collective coop = found(LedgerStore.inMemory());
    long round = signUp(coop);
    coop.leave(DEE); // dee appears only in aggregates: once they left, the plan names only handles
    closeWindow();
    coop.signups().close(ANA, round);
    assertThat(slot(coop.signups().plan(round), pickup(3)).how()).as("dee's chosen slot reopened when they left")
        .isEqualTo(PlannedSlot.How.ASSIGNED);
    List<Entry> copy = coop.ledger().entries(0, coop.ledger().size());
    Entry last = copy.get(copy.size() - 1);
    Plan plan = ((SignupEvents.SignupClosed) last.event()).plan();
    assertThat(plan.assignments()).allMatch(a -> a.member() == null || Pseudonyms.isHandle(a.member()));
    Replica honest = new Replica();
    copy.forEach(honest::apply);
    assertThat(honest.size()).isEqualTo(copy.size());

    Slot anasSaturday = slot(coop.signups().plan(round), pickup(0)).slot();
    List<Assignment> forged = new ArrayList<>();
    MemberId someoneElse = plan.assignments().stream().map(Assignment::member)
        .filter(m -> m != null && !m.equals(plan.at(anasSaturday).orElseThrow().member())).findFirst().orElseThrow();
    for (Assignment a : plan.assignments()) {
      forged.add(a.slot().equals(anasSaturday) ? new Assignment(a.slot(), someoneElse, a.reason()) : a);
    }
    Replica mirror = new Replica();
    copy.subList(0, copy.size() - 1).forEach(mirror::apply);
    Entry forgedEntry = new Entry(last.sequence(), last.time(), last.collective(), last.author(),
        new SignupEvents.SignupClosed(round, new Plan(plan.policy(), plan.seed(), plan.from(), plan.until(), forged)),
        last.previous());
    assertThatThrownBy(() -> mirror.apply(forgedEntry)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("takes a chosen slot of pickup on 2027-03-13 from who chose it");
    assertThat(mirror.size()).isEqualTo(copy.size() - 1);
  }

  @Test
  void aReopenedJournalGivesTheSameRoundAndPlan() throws Exception {
    long round;
    List<PlannedSlot> plan;
    Map<Occurrence, Integer> free;
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = found(journal);
      round = signUp(coop);
      free = coop.signups().freeSlots(round);
      closeWindow();
      coop.signups().close(ANA, round);
      plan = coop.signups().plan(round);
    }
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective reopened = Collective.open(journal, KEY, clock);
      assertThat(reopened.signups().plan(round)).isEqualTo(plan);
      assertThat(reopened.signups().freeSlots(round)).isEqualTo(free);
      assertThat(reopened.signups().availabilityOf(BO, round).ratherNot()).containsExactly(DayOfWeek.SATURDAY);
      assertThat(reopened.signups().round(round)).contains(terms());
      rejected(reopened, () -> reopened.signups().close(ANA, round), ExpiredException.class, "was closed already");
    }
  }

  static PlannedSlot slot(List<PlannedSlot> plan, Occurrence o) {
    return plan.stream().filter(s -> s.slot().role().equals(o.activity()) && s.slot().date().equals(o.date()))
        .findFirst().orElseThrow();
  }
}
