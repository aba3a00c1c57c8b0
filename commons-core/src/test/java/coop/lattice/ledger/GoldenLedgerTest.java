package coop.lattice.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.TestClock;
import coop.lattice.Unit;
import coop.lattice.agreement.AcknowledgementRule;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.collective.Collective;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.FundId;
import coop.lattice.exchange.ItemId;
import coop.lattice.exchange.Posting;
import coop.lattice.store.FileJournal;
import coop.lattice.store.LedgerStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

  static Collective smallLedger(LedgerStore store) {
    byte[] seed = new byte[32];
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) i;
    }
    TestClock clock = TestClock.startingAt("2026-01-15T18:30:00Z");
    Collective c = Collective.found(CollectiveId.of("riverside-food-coop"), "Riverside Food Co-op \u2615", ANA,
        Appearance.byName("Ana Lúcia"), store, CollectiveKey.fromSeed(seed), clock);
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
        .reviewOn(java.time.LocalDate.of(2026, 7, 1)).rule(DecisionRule.consent(java.time.Duration.ofHours(1)))
        .set(Parameter.ACKNOWLEDGED_BY, AcknowledgementRule.ANY_OTHER_MEMBER).lapseAfterDays(30).build();
    long p = c.proposeAgreement(ANA, terms, "as discussed");
    c.respond(BO, p, Response.CONCERN, "let us watch it");
    clock.advance(java.time.Duration.ofHours(2));
    c.decide(ANA, p, "adopted");
    c.accept(BO, AgreementId.of("acknowledgements"));
    // Rotations: a published plan, a cover accepted by the other member, a lottery announced and drawn.
    java.time.LocalDate monday = java.time.LocalDate.of(2026, 2, 2);
    coop.lattice.rotation.Plan plan = c.planRotation(coop.lattice.rotation.RotationPolicy.fair(7),
        java.util.List.of(coop.lattice.rotation.Participant.of(ANA, java.time.LocalDate.of(2025, 1, 1)),
            coop.lattice.rotation.Participant.of(BO, java.time.LocalDate.of(2025, 1, 1))),
        java.util.List.of(coop.lattice.rotation.Role.of(coop.lattice.rotation.RoleId.of("facilitation"), "Facilitation",
            coop.lattice.rotation.Cadence.weekly(monday))), monday, monday.plusWeeks(2));
    c.publishPlan(ANA, plan);
    coop.lattice.rotation.Slot first = plan.assignments().get(0).slot();
    MemberId holder = plan.assignments().get(0).member();
    MemberId other = holder.equals(ANA) ? BO : ANA;
    c.acceptHandOver(other, c.proposeHandOver(holder, first, other, null, "a cold"));
    java.time.Instant commitBy = java.time.Instant.parse("2026-01-16T12:00:00Z");
    coop.lattice.rotation.Lottery.Announcement a = coop.lattice.rotation.Lottery.Announcement.of("circle keeper",
        java.util.List.of(ANA, BO), 1, c.ledger().size() + 2, commitBy, commitBy.plusSeconds(3600));
    long announced = c.announceLottery(ANA, a);
    String nonce = "5a".repeat(32);
    c.changeAppearance(BO, Appearance.byName("Bo B."));
    clock.advance(java.time.Duration.ofHours(20));
    coop.lattice.rotation.Lottery.Transcript t = coop.lattice.rotation.Lottery.draw(a,
        java.util.List.of(new coop.lattice.rotation.Lottery.Commitment(ANA, coop.lattice.rotation.Lottery.commitmentOf(nonce),
            commitBy.minusSeconds(60))),
        java.util.List.of(new coop.lattice.rotation.Lottery.Reveal(ANA, nonce, commitBy.plusSeconds(60))),
        c.anchorRoot(a.anchorHeight()).orElseThrow());
    c.recordLottery(ANA, announced, t);
    // Circles and cycles: a circle keeping to the rotation, a tension, a meeting; a short campaign and its debrief.
    coop.lattice.circle.CircleId circle = coop.lattice.circle.CircleId.of("care-circle");
    c.formCircle(ANA, circle, "Care circle", coop.lattice.rotation.RoleId.of("facilitation"));
    c.raiseTension(BO, circle, new coop.lattice.circle.Tension("late pick-ups", java.util.List.of(ANA),
        coop.lattice.circle.Tension.Visibility.PUBLIC_SUMMARY, "pick-ups"));
    clock.advance(java.time.Duration.ofDays(20)); // a meeting is recorded after it took place
    MemberId keeper = c.currentPlan().orElseThrow().at(first).orElseThrow().member();
    c.recordCircleMeeting(keeper, new Event.CircleMeetingHeld(circle, first.date(), java.util.List.of(ANA, BO), 300,
        java.util.List.of(new coop.lattice.circle.Turn(ANA, 1, 0, 120), coop.lattice.circle.Turn.pass(BO, 120),
            new coop.lattice.circle.Turn(BO, 2, 130, 250)),
        java.util.List.of(coop.lattice.circle.CircleOutcome.resolvedInternally("a pick-up rota"))));
    coop.lattice.cycle.Campaign drive = new coop.lattice.cycle.Campaign("winter-drive", "Winter drive", java.util.List.of(
        new coop.lattice.cycle.Campaign.Phase(coop.lattice.cycle.Campaign.Phase.Kind.INTENSITY,
            java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 1, 7)),
        new coop.lattice.cycle.Campaign.Phase(coop.lattice.cycle.Campaign.Phase.Kind.REST,
            java.time.LocalDate.of(2026, 1, 8), java.time.LocalDate.of(2026, 1, 10))));
    c.startCampaign(ANA, drive);
    c.optIntoRest(BO, "winter-drive");
    c.debrief(BO, "winter-drive", new coop.lattice.cycle.Debrief(java.util.List.of("warm coats"), java.util.List.of(),
        java.util.List.of("start earlier")));
    // Exchanges: hours both ways, an offer, a trade with two partners and a cleared leg, a fund, a loan.
    java.time.LocalDate day = java.time.LocalDate.of(2026, 2, 4);
    c.timeBank().confirm(ANA, c.timeBank().record(BO, BO, ANA, Quantity.hours("1.5"), day, "bread class"));
    c.timeBank().decline(BO, c.timeBank().record(ANA, ANA, BO, Quantity.hours("1"), day, "x"), "a slip");
    long posted = c.offers().post(ANA, new Posting(Posting.Type.OFFER, ContributionKind.REPAIR, "mend a coat",
        Quantity.hours("1"), java.time.Instant.parse("2026-03-01T00:00:00Z")));
    c.offers().answer(BO, posted, "my winter coat");
    c.offers().commit(ANA, posted, BO, java.time.LocalDate.of(2026, 2, 20));
    c.offers().fulfil(ANA, posted);
    c.offers().confirm(BO, posted);
    CollectiveId fixit = CollectiveId.of("fixit-cafe");
    CollectiveId hands = CollectiveId.of("little-hands");
    for (CollectiveId partner : java.util.List.of(fixit, hands)) {
      c.trade().agree(ANA, partner, AgreementId.of("acknowledgements"),
          java.util.List.of(CreditLine.of(Unit.KILOGRAMS, "50", "20.5")));
      c.trade().appointRelay(ANA, partner, BO, java.time.Instant.parse("2026-06-01T00:00:00Z"));
    }
    java.time.Instant expires = java.time.Instant.parse("2026-03-01T00:00:00Z");
    long give = c.trade().offer(ANA, fixit, Side.US, Side.US, Quantity.kilograms("8"), "apples", expires);
    long take = c.trade().offer(BO, hands, Side.PARTNER, Side.PARTNER, Quantity.kilograms("5"), "jam", expires);
    c.trade().accept(BO, give, Side.PARTNER);
    c.trade().accept(BO, take, Side.US);
    c.trade().fulfil(ANA, give, Side.US);
    c.trade().fulfil(BO, take, Side.PARTNER);
    c.trade().acknowledge(BO, give, Side.PARTNER);
    c.trade().acknowledge(ANA, take, Side.US);
    c.trade().recordClearing(ANA, new coop.lattice.exchange.Clearing.Leg("2026-02", Unit.KILOGRAMS,
        new java.math.BigDecimal("2.5"), fixit, hands));
    c.trade().declareCoverage(ANA, coop.lattice.metrics.Need.REPAIR, java.util.List.of(fixit));
    c.aidFund().open(ANA, FundId.of("legal-defence"), "Legal defence", Unit.HOURS);
    c.aidFund().payIn(BO, FundId.of("legal-defence"), Quantity.hours("10"));
    ItemId ladder = ItemId.of("ladder-3m");
    c.toolLibrary().list(ANA, ladder, "3 m ladder", 7);
    c.toolLibrary().hold(BO, ladder);
    c.toolLibrary().lendToNext(ANA, ladder);
    c.toolLibrary().returned(BO, ladder);
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
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> EntryCodec.decodeCanonical((canonical.replace("{\"author\"", "{ \"author\"")).getBytes(UTF_8)))
        .hasMessageContaining("not in canonical form");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> EntryCodec.decodeCanonical(canonical.replace("\"time\"", "\"extra\":1,\"time\"").getBytes(UTF_8)))
        .hasMessageContaining("unknown members");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> EntryCodec.decodeCanonical(canonical.replace("\"author\":\"bo\"", "\"author\":\"bo\",\"author\":\"bo\"")
                .getBytes(UTF_8)))
        .hasMessageContaining("Duplicate field");
  }
}
