package coop.lattice.collective;

import coop.lattice.ledger.CollectiveSecret;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.DEE;
import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.ContributionKind;
import coop.lattice.InvalidQuantityException;
import coop.lattice.MemberId;
import coop.lattice.ledger.Entry;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.RejectedCommandException;
import coop.lattice.Unit;
import coop.lattice.UnknownMemberException;
import coop.lattice.collective.ContributionRecord.Status;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Event;
import coop.lattice.privacy.Pseudonyms;
import coop.lattice.ledger.Ledger;
import coop.lattice.merkle.Hash;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CollectiveTest {

  SteppingClock clock;
  LedgerStore store;
  Collective coop;

  @BeforeEach
  void found() {
    clock = SteppingClock.startingAt("2026-03-01T09:00:00Z", Duration.ofMinutes(1));
    store = LedgerStore.inMemory();
    coop = Collective.found(CollectiveId.of("riverside-food-coop"), "Riverside Food Co-op", ANA,
        Appearance.byName("Ana"), store, KEY, clock);
    coop.admit(ANA, BO, Appearance.pseudonym("bo-the-baker"));
    coop.admit(BO, CY, Appearance.onlyInAggregates());
  }

  @Test
  void aListenerThatFailsDoesNotTurnARecordedCommandIntoARefusal() {
    java.util.List<Long> told = new java.util.ArrayList<>();
    coop.onEntry(e -> {
      throw new IllegalStateException("the app's listener broke");
    });
    coop.onEntry(e -> told.add(e.sequence()));
    long size = coop.ledger().size();
    Entry e = coop.admit(ANA, MemberId.of("dee"), Appearance.byName("Dee"));
    assertThat(e.sequence()).isEqualTo(size);
    assertThat(coop.ledger().size()).isEqualTo(size + 1);
    assertThat(told).as("the listeners after the broken one are told too").containsExactly(size);
  }

  @Test
  void foundingWritesTheNameAndKeyThenTheFounder() {
    assertThat(coop.ledger().entry(0).event())
        .isEqualTo(new Event.CollectiveFounded("Riverside Food Co-op", KEY.verificationKey().base64Url()));
    // On the open ledger: the founder's handle and the seal of how she appears, not her id or name.
    Pseudonyms names = Pseudonyms.of(CollectiveSecret.of(KEY));
    assertThat(coop.ledger().entry(1).event())
        .isEqualTo(new Event.MemberJoined(names.handle(ANA), null, names.seal(Appearance.byName("Ana"), 1)));
    assertThat(coop.ledger().entry(1).author()).isEqualTo(names.handle(ANA));
    assertThat(coop.members()).extracting(Member::id).containsExactly(ANA, BO, CY);
    assertThat(coop.member(BO).orElseThrow().newcomerAt(Instant.parse("2026-03-10T00:00:00Z"), Duration.ofDays(30)))
        .isTrue();
  }

  @Test
  void aContributionCountsOnlyOnceItsReceiverAcknowledgesIt() {
    long ref = coop.record(Contribution.toMember(BO, ANA, ContributionKind.REPAIR, Quantity.hours("2.5"))
        .servedFor("bike repair").note("fixed the brakes"));
    assertThat(coop.contribution(ref).orElseThrow().status()).isEqualTo(Status.PENDING);
    ContributionTotals before = coop.totals(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    assertThat(before.of(ContributionKind.REPAIR, Unit.HOURS)).isEqualByComparingTo("0");

    coop.acknowledge(ANA, ref);

    ContributionRecord c = coop.contribution(ref).orElseThrow();
    assertThat(c.status()).isEqualTo(Status.ACKNOWLEDGED);
    assertThat(c.acknowledgedBy()).isEqualTo(ANA);
    assertThat(coop.totals(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).of(ContributionKind.REPAIR, Unit.HOURS))
        .isEqualByComparingTo("2.5");
  }

  @Test
  void aContributionToTheCollectiveIsAcknowledgedByAnotherMember() {
    long ref = coop.record(Contribution.toCollective(CY, ContributionKind.FOOD, Quantity.kilograms("12.5")));
    coop.acknowledge(BO, ref);
    assertThat(coop.contribution(ref).orElseThrow().counts()).isTrue();
  }

  @Test
  void aCorrectionIsANewEntryThatReplacesTheOldAndNeedsAFreshAcknowledgement() {
    long ref = coop.record(Contribution.toMember(BO, ANA, ContributionKind.CARE, Quantity.hours("3")));
    coop.acknowledge(ANA, ref);
    long fixed = coop.correct(ref, Contribution.toMember(BO, ANA, ContributionKind.CARE, Quantity.hours("2")));

    assertThat(coop.contribution(ref).orElseThrow().status()).isEqualTo(Status.CORRECTED);
    assertThat(coop.contribution(ref).orElseThrow().correctedBy()).isEqualTo(fixed);
    assertThat(coop.contribution(fixed).orElseThrow().corrects()).isEqualTo(ref);
    assertThat(coop.contribution(fixed).orElseThrow().status()).isEqualTo(Status.PENDING);
    coop.acknowledge(ANA, fixed);
    assertThat(coop.totals(Instant.EPOCH, Instant.MAX).of(ContributionKind.CARE, Unit.HOURS)).isEqualByComparingTo("2");
    assertThat(coop.history(BO)).extracting(ContributionRecord::entry).containsExactly(ref, fixed);
  }

  @Test
  void totalsAreGroupedByKindUnitAndMonth() {
    long a = coop.record(Contribution.toCollective(BO, ContributionKind.FOOD, Quantity.kilograms("10")));
    clock.advance(Duration.ofDays(31));
    long b = coop.record(Contribution.toCollective(BO, ContributionKind.FOOD, Quantity.kilograms("4.25")));
    long c = coop.record(Contribution.toCollective(CY, ContributionKind.WORK, Quantity.hours("1")));
    coop.acknowledge(ANA, a);
    coop.acknowledge(ANA, b);
    coop.acknowledge(ANA, c);
    var months = coop.monthlyTotals(ZoneOffset.UTC);
    assertThat(months.keySet()).containsExactly(YearMonth.of(2026, 3), YearMonth.of(2026, 4));
    assertThat(months.get(YearMonth.of(2026, 3)).of(ContributionKind.FOOD, Unit.KILOGRAMS)).isEqualByComparingTo("10");
    assertThat(months.get(YearMonth.of(2026, 4)).of(ContributionKind.FOOD, Unit.KILOGRAMS)).isEqualByComparingTo("4.25");
    assertThat(months.get(YearMonth.of(2026, 4)).of(ContributionKind.WORK, Unit.HOURS)).isEqualByComparingTo("1");
    assertThat(months.get(YearMonth.of(2026, 4)).contributions()).isEqualTo(2);
  }

  @Test
  void thePublicFeedHonoursEachMembersChoiceOfAppearance() {
    long fromBo = coop.record(Contribution.toMember(BO, ANA, ContributionKind.FOOD, Quantity.kilograms("3")));
    coop.record(Contribution.toCollective(CY, ContributionKind.WORK, Quantity.hours("2")));
    coop.record(Contribution.toMember(ANA, CY, ContributionKind.CARE, Quantity.hours("1")).servedFor("school run"));
    coop.acknowledge(ANA, fromBo);

    List<FeedItem> feed = coop.publicFeed(10);
    assertThat(feed).extracting(FeedItem::sentence).containsExactly(
        "Ana gave 1 hours of care to a member for school run (awaiting acknowledgement)",
        "bo-the-baker gave 3 kg of food to Ana (acknowledged)");
    assertThat(feed.toString()).doesNotContain("cy");

    coop.changeAppearance(ANA, Appearance.pseudonym("river"));
    assertThat(coop.publicFeed(1).get(0).giver()).isEqualTo("river");
  }

  @Test
  void membersLeaveAndTheirHistoryStays() {
    long ref = coop.record(Contribution.toCollective(BO, ContributionKind.TOOLS, Quantity.items(2)));
    coop.leave(BO);
    assertThat(coop.members()).extracting(Member::id).containsExactly(ANA, CY);
    assertThat(coop.history(BO)).extracting(ContributionRecord::entry).containsExactly(ref);
    coop.admit(ANA, BO, Appearance.byName("Bo"));
    assertThat(coop.member(BO).orElseThrow().active()).isTrue();
  }

  @Test
  void replayingTheLedgerGivesAnEqualState() {
    long ref = coop.record(Contribution.toMember(BO, ANA, ContributionKind.REPAIR, Quantity.hours("1.5")));
    coop.acknowledge(ANA, ref);
    coop.correct(ref, Contribution.toMember(BO, ANA, ContributionKind.REPAIR, Quantity.hours("1.75")));
    coop.leave(CY);
    coop.checkpoint();

    Collective replayed = Collective.open(store, KEY, clock);
    assertThat(replayed.state()).isEqualTo(coop.state());
    assertThat(replayed.ledger().root()).isEqualTo(coop.ledger().root());
  }

  @Test
  void everyEntryHasAVerifiableInclusionProofAndTheLedgerOnlyGrows() {
    long mid = coop.ledger().size();
    Hash midRoot = coop.ledger().root();
    coop.record(Contribution.toCollective(BO, ContributionKind.FOOD, Quantity.kilograms("1")));
    Ledger ledger = coop.ledger();
    for (long i = 0; i < ledger.size(); i++) {
      assertThat(Ledger.verifyInclusion(ledger.entryBytes(i), ledger.inclusionProof(i), ledger.root())).isTrue();
    }
    assertThat(ledger.consistencyProof(mid, ledger.size()).verify(midRoot, ledger.root())).isTrue();
    assertThat(coop.checkpoint().verify(KEY.verificationKey())).isTrue();
  }

  /** Every rejected command throws a clear message and leaves the ledger's size and root unchanged. */
  @Nested
  class BadInput {
    long pending;

    @BeforeEach
    void onePending() {
      pending = coop.record(Contribution.toMember(BO, ANA, ContributionKind.REPAIR, Quantity.hours("1")));
    }

    void rejected(ThrowingCallable command, Class<? extends RuntimeException> type, String says) {
      long stored = store.size();
      Rejections.rejected(coop, command, type, says);
      assertThat(store.size()).isEqualTo(stored); // the store itself, too
    }

    @Test
    void unknownMembers() {
      rejected(() -> coop.record(Contribution.toCollective(DEE, ContributionKind.WORK, Quantity.hours("1"))),
          UnknownMemberException.class, "dee is not a member of this collective");
      rejected(() -> coop.record(Contribution.toMember(BO, DEE, ContributionKind.WORK, Quantity.hours("1"))),
          UnknownMemberException.class, "dee is not a member");
      rejected(() -> coop.acknowledge(DEE, pending), UnknownMemberException.class, "dee is not a member");
      rejected(() -> coop.admit(DEE, MemberId.of("eve"), Appearance.byName("Eve")), UnknownMemberException.class,
          "cannot admit a new member");
    }

    @Test
    void selfAcknowledgement() {
      long toCollective = coop.record(Contribution.toCollective(BO, ContributionKind.WORK, Quantity.hours("1")));
      rejected(() -> coop.acknowledge(BO, toCollective), NotPermittedException.class,
          "A member cannot confirm their own contribution; the person who received it confirms it.");
      rejected(() -> coop.acknowledge(BO, pending), NotPermittedException.class, "cannot confirm their own");
    }

    @Test
    void acknowledgingHelpThatWentToSomeoneElse() {
      rejected(() -> coop.acknowledge(CY, pending), NotPermittedException.class,
          "Only ana, who received this help, can acknowledge");
    }

    @Test
    void acknowledgingTwice() {
      coop.acknowledge(ANA, pending);
      rejected(() -> coop.acknowledge(ANA, pending), ConflictException.class, "was already acknowledged by ana");
    }

    @Test
    void acknowledgingSomethingThatIsNotAContribution() {
      rejected(() -> coop.acknowledge(ANA, 1), RejectedCommandException.class, "There is no contribution at entry 1");
      rejected(() -> coop.acknowledge(ANA, 999), RejectedCommandException.class, "no contribution at entry 999");
    }

    @Test
    void negativeZeroAbsurdOrOverPreciseQuantities() {
      rejected(() -> coop.record(Contribution.toCollective(BO, ContributionKind.WORK, Quantity.hours("-2"))),
          InvalidQuantityException.class, "must be more than zero");
      rejected(() -> coop.record(Contribution.toCollective(BO, ContributionKind.WORK, Quantity.hours("0"))),
          InvalidQuantityException.class, "must be more than zero");
      rejected(() -> coop.record(Contribution.toCollective(BO, ContributionKind.WORK, Quantity.hours("2000"))),
          InvalidQuantityException.class, "more than one entry may hold (at most 168 hours)");
      rejected(() -> coop.record(Contribution.toCollective(BO, ContributionKind.FOOD, Quantity.kilograms("1.0001"))),
          InvalidQuantityException.class, "too precise");
      rejected(() -> Quantity.hours("lots"), InvalidQuantityException.class, "\"lots\" is not a number");
    }

    @Test
    void unknownUnits() {
      rejected(() -> coop.record(Contribution.toCollective(BO, ContributionKind.WORK, Quantity.parse("3 parsecs"))),
          InvalidQuantityException.class, "\"parsecs\" is not a unit Lattice knows; record the contribution in hours, kg or items");
      assertThat(Quantity.parse("2.50 hours")).isEqualTo(new Quantity(new BigDecimal("2.5"), Unit.HOURS));
    }

    @Test
    void givingToOneself() {
      rejected(() -> coop.record(Contribution.toMember(BO, BO, ContributionKind.CARE, Quantity.hours("1"))),
          NotPermittedException.class, "bo cannot give a contribution to themselves");
    }

    @Test
    void recordingForSomeoneElse() {
      rejected(() -> coop.submit(ANA, new Event.ContributionRecorded(
              Contribution.toCollective(BO, ContributionKind.WORK, Quantity.hours("1")))),
          NotPermittedException.class, "recorded by the member who gave it, bo; ana cannot record it for them");
    }

    @Test
    void correctionsByOthersOrOfSupersededEntries() {
      rejected(() -> coop.submit(ANA, new Event.ContributionCorrected(pending,
              Contribution.toMember(BO, ANA, ContributionKind.REPAIR, Quantity.hours("2")))),
          NotPermittedException.class, "Only bo, who recorded contribution");
      long fixed = coop.correct(pending, Contribution.toMember(BO, ANA, ContributionKind.REPAIR, Quantity.hours("2")));
      rejected(() -> coop.correct(pending, Contribution.toMember(BO, ANA, ContributionKind.REPAIR, Quantity.hours("3"))),
          ConflictException.class, "was corrected by entry " + fixed);
      rejected(() -> coop.acknowledge(ANA, pending), ConflictException.class, "acknowledge that one instead");
    }

    @Test
    void membershipMistakes() {
      rejected(() -> coop.admit(ANA, BO, Appearance.byName("Bo")), ConflictException.class, "bo is already a member");
      rejected(() -> coop.submit(ANA, new Event.MemberLeft(BO)), NotPermittedException.class,
          "Only bo can decide to leave");
      rejected(() -> coop.submit(ANA, new Event.CollectiveFounded("Again", KEY.verificationKey().base64Url())),
          ConflictException.class, "founded already");
    }
  }
}
