package coop.lattice.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.AcknowledgementRule;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.circle.CircleId;
import coop.lattice.circle.CircleOutcome;
import coop.lattice.circle.Tension;
import coop.lattice.circle.Turn;
import coop.lattice.collective.Collective;
import coop.lattice.cycle.Campaign;
import coop.lattice.cycle.Debrief;
import coop.lattice.exchange.Clearing;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.FundId;
import coop.lattice.exchange.ItemId;
import coop.lattice.exchange.Posting;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import coop.lattice.metrics.Need;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Lottery;
import coop.lattice.rotation.LotteryV1;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.RotationPolicy;
import coop.lattice.rotation.Slot;
import coop.lattice.store.FileJournal;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the canonical bytes and hashes of a small ledger. If this fails, the ledger format
 * changed: every node in a federation would compute different hashes for the same entries.
 * Regenerate only for a deliberate format change, with
 * {@code mvn test -Dtest=GoldenLedgerTest -Dlattice.golden.write=commons-core/src/test/resources/golden}.
 */
class GoldenLedgerTest {
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");

  static CollectiveKey key() {
    byte[] seed = new byte[32];
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) i;
    }
    return CollectiveKey.fromSeed(seed);
  }

  static Collective smallLedger(LedgerStore store) {
    SteppingClock clock = SteppingClock.startingAt("2026-01-15T18:30:00Z", Duration.ofMinutes(1));
    CollectiveKey key = key();
    Collective c = Collective.found(CollectiveId.of("riverside-food-coop"), "Riverside Food Co-op \u2615", ANA,
        Appearance.byName("Ana Lúcia"), store, key, clock);
    c.admit(ANA, BO, Appearance.pseudonym("bo the \"baker\""));
    c.admit(BO, MemberId.of("cy"), Appearance.onlyInAggregates());
    long food = c.record(Contribution.toCollective(BO, ContributionKind.FOOD, Quantity.kilograms("12.50"))
        .servedFor("Thursday pantry").note("bread,\nrolls"));
    c.acknowledge(ANA, food);
    long care = c.record(Contribution.toMember(ANA, BO, ContributionKind.CARE, Quantity.hours("3")));
    c.correct(care, Contribution.toMember(ANA, BO, ContributionKind.CARE, Quantity.hours("2.75")));
    c.changeAppearance(BO, Appearance.byName("Bo"));
    c.leave(MemberId.of("cy"));
    // Governance: a proposal, a response with a reason, a decision once the window passed, an acceptance.
    AgreementTerms terms = AgreementTerms.builder(AgreementId.of("acknowledgements"), "Who acknowledges help")
        .text("Help counts once someone who saw it acknowledges it.").scope("contributions")
        .reviewOn(LocalDate.of(2026, 7, 1)).rule(DecisionRule.consent(Duration.ofHours(1)))
        .set(Parameter.ACKNOWLEDGED_BY, AcknowledgementRule.ANY_OTHER_MEMBER).lapseAfterDays(30).build();
    long p = c.agreements().propose(ANA, terms, "as discussed");
    c.agreements().respond(BO, p, Response.CONCERN, "let us watch it");
    clock.advance(Duration.ofHours(2));
    c.agreements().decide(ANA, p, "adopted");
    c.agreements().accept(BO, AgreementId.of("acknowledgements"));
    // Rotations: a published plan, a cover accepted by the other member, a lottery announced and drawn.
    LocalDate monday = LocalDate.of(2026, 2, 2);
    Plan plan = c.rotations().plan(RotationPolicy.fair(7),
        List.of(Participant.of(ANA, LocalDate.of(2025, 1, 1)),
            Participant.of(BO, LocalDate.of(2025, 1, 1))),
        List.of(Role.of(RoleId.of("facilitation"), "Facilitation",
            Cadence.weekly(monday))), monday, monday.plusWeeks(2));
    c.rotations().publish(ANA, plan);
    Slot first = plan.assignments().get(0).slot();
    MemberId holder = plan.assignments().get(0).member();
    MemberId other = holder.equals(ANA) ? BO : ANA;
    c.rotations().acceptHandOver(other, c.rotations().proposeHandOver(holder, first, other, null, "a cold"));
    // A lattice-lottery-v1 lottery, as ledgers written before issue 20 hold one. This version takes no
    // new v1 lottery as a command, so its two entries are appended as an older version wrote them, and
    // the collective is reopened from the store: replay must accept them as they are.
    Instant commitBy = Instant.parse("2026-01-16T12:00:00Z");
    Lottery.Announcement a = new Lottery.Announcement("circle keeper", List.of(ANA, BO), 1, c.ledger().size() + 2,
        commitBy, commitBy.plusSeconds(3600), LotteryV1.PROCEDURE);
    long announced = c.ledger().append(clock.instant(), ANA, new Event.LotteryAnnounced(a)).sequence();
    String nonce = "5a".repeat(32);
    c.changeAppearance(BO, Appearance.byName("Bo B."));
    clock.advance(Duration.ofHours(20));
    LotteryV1.Transcript t = LotteryV1.draw(a,
        List.of(new LotteryV1.Commitment(ANA, Lottery.commitmentOf(nonce),
            commitBy.minusSeconds(60))),
        List.of(new LotteryV1.Reveal(ANA, nonce, commitBy.plusSeconds(60))),
        c.anchorRoot(a.anchorHeight()).orElseThrow());
    c.ledger().append(clock.instant(), ANA, new Event.LotteryDrawn(announced, t));
    c.ledger().sync();
    c = Collective.open(store, key, clock);
    // Circles and cycles: a circle keeping to the rotation, a tension, a meeting; a short campaign and its debrief.
    CircleId circle = CircleId.of("care-circle");
    c.circles().form(ANA, circle, "Care circle", RoleId.of("facilitation"));
    c.circles().raiseTension(BO, circle, new Tension("late pick-ups", List.of(ANA),
        Tension.Visibility.PUBLIC_SUMMARY, "pick-ups"));
    clock.advance(Duration.ofDays(20)); // a meeting is recorded after it took place
    MemberId keeper = c.rotations().current().orElseThrow().at(first).orElseThrow().member();
    c.circles().recordMeeting(keeper, new Event.CircleMeetingHeld(circle, first.date(), List.of(ANA, BO), 300,
        List.of(new Turn(ANA, 1, 0, 120), Turn.pass(BO, 120),
            new Turn(BO, 2, 130, 250)),
        List.of(CircleOutcome.resolvedInternally("a pick-up rota"))));
    Campaign drive = new Campaign("winter-drive", "Winter drive", List.of(
        new Campaign.Phase(Campaign.Phase.Kind.INTENSITY,
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 7)),
        new Campaign.Phase(Campaign.Phase.Kind.REST,
            LocalDate.of(2026, 1, 8), LocalDate.of(2026, 1, 10))));
    c.campaigns().start(ANA, drive);
    c.campaigns().optIntoRest(BO, "winter-drive");
    c.campaigns().debrief(BO, "winter-drive", new Debrief(List.of("warm coats"), List.of(),
        List.of("start earlier")));
    // Exchanges: hours both ways, an offer, a trade with two partners and a cleared leg, a fund, a loan.
    LocalDate day = LocalDate.of(2026, 2, 4);
    c.timeBank().confirm(ANA, c.timeBank().record(BO, BO, ANA, Quantity.hours("1.5"), day, "bread class"));
    c.timeBank().decline(BO, c.timeBank().record(ANA, ANA, BO, Quantity.hours("1"), day, "x"), "a slip");
    long posted = c.offers().post(ANA, new Posting(Posting.Type.OFFER, ContributionKind.REPAIR, "mend a coat",
        Quantity.hours("1"), Instant.parse("2026-03-01T00:00:00Z")));
    c.offers().answer(BO, posted, "my winter coat");
    c.offers().commit(ANA, posted, BO, LocalDate.of(2026, 2, 20));
    c.offers().fulfil(ANA, posted);
    c.offers().confirm(BO, posted);
    CollectiveId fixit = CollectiveId.of("fixit-cafe");
    CollectiveId hands = CollectiveId.of("little-hands");
    for (CollectiveId partner : List.of(fixit, hands)) {
      c.trade().agree(ANA, partner, AgreementId.of("acknowledgements"),
          List.of(CreditLine.of(Unit.KILOGRAMS, "50", "20.5")));
      c.trade().appointRelay(ANA, partner, BO, Instant.parse("2026-06-01T00:00:00Z"));
    }
    Instant expires = Instant.parse("2026-03-01T00:00:00Z");
    long give = c.trade().offer(ANA, fixit, Side.US, Side.US, Quantity.kilograms("8"), "apples", expires);
    long take = c.trade().relayOffer(BO, TradeId.of(hands, 17), Side.PARTNER, Quantity.kilograms("5"), "jam", expires);
    c.trade().accept(BO, give, Side.PARTNER);
    c.trade().accept(BO, take, Side.US);
    c.trade().fulfil(ANA, give, Side.US);
    c.trade().fulfil(BO, take, Side.PARTNER);
    c.trade().acknowledge(BO, give, Side.PARTNER);
    c.trade().acknowledge(ANA, take, Side.US);
    c.trade().recordClearing(ANA, new Clearing.Leg("2026-02", Unit.KILOGRAMS,
        new BigDecimal("2.5"), fixit, hands));
    c.trade().declareCoverage(ANA, Need.REPAIR, List.of(fixit));
    c.aidFund().open(ANA, FundId.of("legal-defence"), "Legal defence", Unit.HOURS);
    c.aidFund().payIn(BO, FundId.of("legal-defence"), Quantity.hours("10"));
    ItemId ladder = ItemId.of("ladder-3m");
    c.toolLibrary().list(ANA, ladder, "3 m ladder", 7);
    c.toolLibrary().hold(BO, ladder);
    c.toolLibrary().lendToNext(ANA, ladder);
    c.toolLibrary().returned(BO, ladder);
    // A lattice-lottery-v2 lottery (issue 20), added after everything above so that no earlier entry
    // changes: each commitment and reveal an entry of its member's, the draw derived from them.
    Instant commitByV2 = Instant.parse("2026-02-06T00:00:00Z");
    long lottery = c.lotteries().announce(ANA, Lottery.Announcement.of("tool library steward",
        List.of(ANA, BO), 1, c.ledger().size() + 2, commitByV2, commitByV2.plus(Duration.ofDays(1))));
    String anaNonce = "a1".repeat(32);
    c.lotteries().commit(ANA, lottery, Lottery.commitmentOf(anaNonce));
    c.lotteries().commit(BO, lottery, Lottery.commitmentOf("b2".repeat(32)));
    clock.advance(Duration.ofHours(12));
    c.lotteries().reveal(ANA, lottery, anaNonce); // bo withholds: the draw goes ahead without bo's nonce
    clock.advance(Duration.ofDays(1));
    c.lotteries().draw(BO, lottery);
    c.checkpoint();
    return c;
  }

  static List<String> render(Collective c) {
    List<String> lines = new ArrayList<>();
    Ledger l = c.ledger();
    for (long i = 0; i < l.size(); i++) {
      lines.add(new String(l.entryBytes(i), UTF_8));
      lines.add("leaf " + l.leafHash(i).hex());
    }
    lines.add("root " + l.root().hex());
    lines.add(new String(l.latestCheckpoint().orElseThrow().toBytes(), UTF_8));
    return lines;
  }

  @Test
  void theBytesAndHashesOfASmallLedgerAreExactlyThePinnedOnes() throws IOException {
    List<String> actual = render(smallLedger(LedgerStore.inMemory()));
    String out = System.getProperty("lattice.golden.write");
    if (out != null) {
      Files.write(Path.of(out).resolve("small-ledger.txt"), actual, UTF_8);
    }
    List<String> expected;
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/golden/small-ledger.txt"))) {
      expected = new String(in.readAllBytes(), UTF_8).lines().toList();
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  /**
   * A ledger written before members appeared as handles (names and the app's ids on it) still
   * opens, verifies and folds to the same members, appearing as its entries said.
   */
  @Test
  void aLedgerWrittenBeforeHandlesStillOpensAndFolds() throws IOException {
    List<String> lines;
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/golden/small-ledger-v1.txt"))) {
      lines = new String(in.readAllBytes(), UTF_8).lines().toList();
    }
    LedgerStore store = LedgerStore.inMemory();
    List<byte[]> entries = lines.stream().filter(l -> l.startsWith("{\"author\"")).map(l -> l.getBytes(UTF_8)).toList();
    store.append(entries);
    store.writeCheckpoint(entries.size(), lines.get(lines.size() - 1).getBytes(UTF_8));
    byte[] seed = new byte[32];
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) i;
    }
    Collective old = Collective.open(store, CollectiveKey.fromSeed(seed),
        SteppingClock.startingAt("2026-06-01T00:00:00Z", Duration.ofMinutes(1)));
    assertThat(old.ledger().size()).isEqualTo(entries.size());
    assertThat(old.member(ANA).orElseThrow().appearance()).isEqualTo(Appearance.byName("Ana Lúcia"));
    assertThat(old.member(BO).orElseThrow().appearance()).isEqualTo(Appearance.byName("Bo B."));
    assertThat(old.member(MemberId.of("cy")).orElseThrow().active()).isFalse();
    // Written before trades had one identity: its own offer is known by its entry, the partner's has none.
    assertThat(old.state().exchanges().trades().values()).hasSize(2).allSatisfy(t -> assertThat(t.id())
        .isEqualTo(t.offeredBy() == Side.US ? TradeId.of(old.id(), t.entry()) : null));
    old.record(Contribution.toCollective(BO, ContributionKind.FOOD, Quantity.kilograms("2")));
    String added = new String(old.ledger().entryBytes(old.ledger().size() - 1), UTF_8);
    assertThat(added).doesNotContain("\"bo\"").contains("\"author\":\"h-");
  }

  @Test
  void theLedgerWithBothLotteryProceduresReopensToTheSameState() {
    LedgerStore store = LedgerStore.inMemory();
    Collective c = smallLedger(store);
    Collective reopened = Collective.open(store, key(), Clock.systemUTC());
    assertThat(reopened.state()).isEqualTo(c.state());
    assertThat(c.state().lotteriesV1()).hasSize(1);
    assertThat(c.state().lotteries()).hasSize(1);
    Lottery.Transcript drawn = c.state().lotteries().values().iterator().next();
    assertThat(drawn.withheld()).containsExactly(BO);
    assertThat(drawn.drawn()).hasSize(1);
  }

  @Test
  void theSameCommandsClockAndKeyGiveByteIdenticalJournals(@TempDir Path dir) throws IOException {
    for (String run : List.of("a", "b")) {
      try (FileJournal j = FileJournal.open(dir.resolve(run))) {
        smallLedger(j);
      }
    }
    for (String file : List.of("journal-00000000000000000000.seg", "checkpoint")) {
      byte[] a = Files.readAllBytes(dir.resolve("a").resolve(file));
      byte[] b = Files.readAllBytes(dir.resolve("b").resolve(file));
      assertThat(a).as(file).isNotEmpty().isEqualTo(b);
    }
  }

  @Test
  void decodingIsStrictAndCanonical() {
    Collective c = smallLedger(LedgerStore.inMemory());
    String canonical = new String(c.ledger().entryBytes(3), UTF_8);
    String bo = c.ledger().entry(3).author().value();
    assertThatThrownBy(
            () -> EntryCodec.decodeCanonical((canonical.replace("{\"author\"", "{ \"author\"")).getBytes(UTF_8)))
        .hasMessageContaining("not in canonical form");
    assertThatThrownBy(
            () -> EntryCodec.decodeCanonical(canonical.replace("\"time\"", "\"extra\":1,\"time\"").getBytes(UTF_8)))
        .hasMessageContaining("unknown members");
    assertThatThrownBy(
            () -> EntryCodec.decodeCanonical(canonical.replace("\"author\":\"" + bo + "\"", "\"author\":\"" + bo + "\",\"author\":\"" + bo + "\"")
                .getBytes(UTF_8)))
        .hasMessageContaining("Duplicate field");
  }
}
