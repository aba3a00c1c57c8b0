package coop.lattice.federation.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.RejectedCommandException;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.collective.Collective;
import coop.lattice.collective.TradeRecord;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import coop.lattice.federation.mirror.TradeRelay.Decision;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.merkle.Hash;
import coop.lattice.testkit.SteppingClock;
import coop.lattice.testkit.TradingPartners;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the relay makes of a partner's entry: a step of this collective's own trade addressed to it
 * is relayed, a step of the partner's trade with someone else is a public entry (or, addressed
 * here, refused with the reason and nothing recorded). A step counts once, for good: known by the
 * partner and its entry's number, so a step sent again (after the inbox forgot the activity id, or
 * after a restart) changes nothing. The relayed offer carries the trade's identity.
 */
class TradeRelayTest {
  static final MemberId ANA = TradingPartners.ANA;
  static final MemberId BO = TradingPartners.BO;
  static final CollectiveId FOOD = CollectiveId.of("food");
  static final CollectiveId FIXIT = CollectiveId.of("fixit");
  static final CollectiveId CARE = CollectiveId.of("care");

  @TempDir Path dir;

  static Collective collective(CollectiveId id, SteppingClock clock, CollectiveId partner) {
    return TradingPartners.collective(id, clock, "50", false, partner);
  }

  static String entry(Collective c, long index) {
    return new String(LedgerJson.canonicalBytes(c.ledger().entry(index)), StandardCharsets.UTF_8);
  }

  @Test
  void aStepSentAgainIsRecognisedAndRecordedOnceEvenAfterARestart() {
    SteppingClock clock = SteppingClock.startingAt("2026-11-27T10:00:00Z", Duration.ZERO);
    Collective food = collective(FOOD, clock, FIXIT);
    Collective fixit = collective(FIXIT, clock, FOOD);
    TradeRelay.Link fromFixit = new TradeRelay.Link(FOOD, FIXIT, "https://fixit.example/collectives/fixit", BO);

    NodeStore store = new NodeStore(dir);
    TradeRelay relay = new TradeRelay(store);
    relay.link(fromFixit);
    long offer = fixit.trade().offer(ANA, FOOD, Side.US, Side.US, Quantity.kilograms("3"), "bread",
        clock.instant().plus(Duration.ofDays(2)));
    assertThat(relay.decide(fromFixit, food, entry(fixit, offer), true)).isEqualTo(Decision.RELAY);
    assertThat(relay.relay(fromFixit, food, entry(fixit, offer))).isTrue();
    long size = food.ledger().size();

    assertThat(relay.decide(fromFixit, food, entry(fixit, offer), true)).isEqualTo(Decision.ALREADY_RELAYED);
    assertThat(relay.relay(fromFixit, food, entry(fixit, offer))).isTrue();
    assertThat(food.ledger().size()).as("sent again: nothing recorded").isEqualTo(size);
    store.close();

    NodeStore again = new NodeStore(dir);
    TradeRelay reopened = new TradeRelay(again);
    assertThat(reopened.link(fromFixit.partnerActor(), FOOD)).hasValue(fromFixit);
    assertThat(reopened.actorOf(FOOD, FIXIT)).hasValue(fromFixit.partnerActor());
    assertThat(reopened.decide(fromFixit, food, entry(fixit, offer), true)).isEqualTo(Decision.ALREADY_RELAYED);
    assertThat(reopened.relay(fromFixit, food, entry(fixit, offer))).isTrue();
    assertThat(food.ledger().size()).isEqualTo(size);

    // The co-op accepts; the café fulfils; its fulfilment is relayed once, however often it comes.
    long ours = food.trade().trade(TradeId.of(FIXIT, offer)).orElseThrow().entry();
    food.trade().accept(ANA, ours, Side.US);
    fixit.trade().accept(BO, offer, Side.PARTNER); // as the café's relay would record the co-op's acceptance
    long fulfilled = fixit.trade().fulfil(ANA, offer, Side.US).sequence();
    reopened.relay(fromFixit, food, entry(fixit, fulfilled));
    long afterFulfil = food.ledger().size();
    assertThat(food.trade().trade(ours).orElseThrow().stage()).isEqualTo(TradeRecord.Stage.FULFILLED);
    assertThat(reopened.relay(fromFixit, food, entry(fixit, fulfilled))).isTrue();
    assertThat(food.ledger().size()).isEqualTo(afterFulfil);
    again.close();
  }

  @Test
  void aStepThatOvertakesItsOfferIsRefusedForNowAndRelayedOnceTheOfferIsIn() {
    SteppingClock clock = SteppingClock.startingAt("2026-11-27T10:00:00Z", Duration.ZERO);
    Collective food = collective(FOOD, clock, FIXIT);
    Collective fixit = collective(FIXIT, clock, FOOD);
    TradeRelay.Link fromFixit = new TradeRelay.Link(FOOD, FIXIT, "https://fixit.example/collectives/fixit", BO);
    TradeRelay relay = new TradeRelay(new NodeStore(dir));
    relay.link(fromFixit);
    // The café offers and, the co-op having accepted, fulfils at once; the two deliveries race.
    long offer = fixit.trade().offer(ANA, FOOD, Side.US, Side.US, Quantity.kilograms("3"), "bread",
        clock.instant().plus(Duration.ofDays(2)));
    fixit.trade().accept(BO, offer, Side.PARTNER);
    long fulfilled = fixit.trade().fulfil(ANA, offer, Side.US).sequence();

    early(food, () -> relay.decide(fromFixit, food, entry(fixit, fulfilled), true),
        "that offer has not reached it (yet); send the step again once the offer is delivered");
    relay.relay(fromFixit, food, entry(fixit, offer));
    long ours = food.trade().trade(TradeId.of(FIXIT, offer)).orElseThrow().entry();
    food.trade().accept(ANA, ours, Side.US);
    assertThat(relay.decide(fromFixit, food, entry(fixit, fulfilled), true)).as("sent again").isEqualTo(Decision.RELAY);
    relay.relay(fromFixit, food, entry(fixit, fulfilled));
    assertThat(food.trade().trade(ours).orElseThrow().stage()).isEqualTo(TradeRecord.Stage.FULFILLED);
  }

  @Test
  void aStepRecordedBeforeACrashLostTheNoteOfItCountsOnceWhenItComesAgain() throws Exception {
    SteppingClock clock = SteppingClock.startingAt("2026-11-27T10:00:00Z", Duration.ZERO);
    Collective food = collective(FOOD, clock, FIXIT);
    Collective fixit = collective(FIXIT, clock, FOOD);
    TradeRelay.Link fromFixit = new TradeRelay.Link(FOOD, FIXIT, "https://fixit.example/collectives/fixit", BO);
    TradeRelay before = new TradeRelay(new NodeStore(dir.resolve("before")));
    before.link(fromFixit);
    long offer = fixit.trade().offer(ANA, FOOD, Side.US, Side.US, Quantity.kilograms("3"), "bread",
        clock.instant().plus(Duration.ofDays(2)));
    before.relay(fromFixit, food, entry(fixit, offer));
    long ours = food.trade().trade(TradeId.of(FIXIT, offer)).orElseThrow().entry();
    food.trade().accept(ANA, ours, Side.US);
    fixit.trade().accept(BO, offer, Side.PARTNER);
    long fulfilled = fixit.trade().fulfil(ANA, offer, Side.US).sequence();
    before.relay(fromFixit, food, entry(fixit, fulfilled));
    long size = food.ledger().size();
    Hash root = food.ledger().root();

    // The node restarts with no note of either (killed between the ledger and the note): both come again.
    TradeRelay after = new TradeRelay(new NodeStore(dir.resolve("after")));
    after.link(fromFixit);
    assertThat(after.relay(fromFixit, food, entry(fixit, offer))).isTrue();
    assertThat(after.relay(fromFixit, food, entry(fixit, fulfilled))).isTrue();
    assertThat(food.ledger().size()).isEqualTo(size);
    assertThat(food.ledger().root()).isEqualTo(root);
    assertThat(after.decide(fromFixit, food, entry(fixit, fulfilled), true)).isEqualTo(Decision.ALREADY_RELAYED);
  }

  @Test
  void theRelayedOfferRecordsTheTradesIdentityAndThePartnersCopyIsKnownByIt() {
    SteppingClock clock = SteppingClock.startingAt("2026-11-27T10:00:00Z", Duration.ZERO);
    Collective food = collective(FOOD, clock, FIXIT);
    Collective fixit = collective(FIXIT, clock, FOOD);
    TradeRelay atFood = new TradeRelay(new NodeStore(dir.resolve("food")));
    TradeRelay atFixit = new TradeRelay(new NodeStore(dir.resolve("fixit")));
    TradeRelay.Link fromFixit = new TradeRelay.Link(FOOD, FIXIT, "https://fixit.example/collectives/fixit", BO);
    TradeRelay.Link fromFood = new TradeRelay.Link(FIXIT, FOOD, "https://food.example/collectives/food", BO);
    atFood.link(fromFixit);
    atFixit.link(fromFood);

    // Two offers that say the same thing: only the identity tells them apart.
    long first = fixit.trade().offer(ANA, FOOD, Side.US, Side.US, Quantity.kilograms("3"), "bread",
        clock.instant().plus(Duration.ofDays(2)));
    long second = fixit.trade().offer(ANA, FOOD, Side.US, Side.US, Quantity.kilograms("3"), "bread",
        clock.instant().plus(Duration.ofDays(2)));
    atFood.relay(fromFixit, food, entry(fixit, second));
    atFood.relay(fromFixit, food, entry(fixit, first));
    TradeId id = TradeId.of(FIXIT, second);
    long copy = food.trade().trade(id).orElseThrow().entry();
    assertThat(food.ledger().entry(copy).event()).isInstanceOfSatisfying(Event.TradeOffered.class,
        o -> assertThat(o.trade()).as("on the receiving ledger").isEqualTo(id));
    assertThat(food.trade().trade(copy).orElseThrow().id()).isEqualTo(fixit.trade().trade(second).orElseThrow().id());

    // The co-op's copy comes back to the café, which learns that the co-op's entry is its second offer.
    assertThat(atFixit.decide(fromFood, fixit, entry(food, copy), true)).isEqualTo(Decision.RELAY);
    long size = fixit.ledger().size();
    atFixit.relay(fromFood, fixit, entry(food, copy));
    assertThat(fixit.ledger().size()).as("a copy records nothing").isEqualTo(size);
    long accepted = food.trade().accept(ANA, copy, Side.US).sequence();
    atFixit.relay(fromFood, fixit, entry(food, accepted));
    assertThat(fixit.trade().trade(second).orElseThrow().stage()).isEqualTo(TradeRecord.Stage.ACCEPTED);
    assertThat(fixit.trade().trade(first).orElseThrow().stage()).isEqualTo(TradeRecord.Stage.OFFERED);

    // A copy naming an offer the café never made is refused, and nothing changes.
    String forged = entry(food, copy).replace("\"entry\":" + second + "}", "\"entry\":" + (second + 100) + "}")
        .replace("\"sequence\":" + copy + ",", "\"sequence\":" + (copy + 100) + ",");
    unchanged(fixit, () -> atFixit.decide(fromFood, fixit, forged, true), "copied the offer fixit/" + (second + 100)
        + ", which fixit never made to it");
  }

  @Test
  void onlyAStepAddressedToThisCollectiveOfOneOfItsOwnTradesIsRelayed() {
    SteppingClock clock = SteppingClock.startingAt("2026-11-27T10:00:00Z", Duration.ZERO);
    Collective food = collective(FOOD, clock, FIXIT);
    Collective fixit = collective(FIXIT, clock, FOOD);
    fixit.trade().agree(ANA, CARE, AgreementId.of("exchange"), List.of(CreditLine.of(Unit.KILOGRAMS, "50", "50")));
    fixit.trade().appointRelay(ANA, CARE, BO, clock.instant().plus(Duration.ofDays(30)));
    TradeRelay relay = new TradeRelay(new NodeStore(dir));
    TradeRelay.Link fromFixit = new TradeRelay.Link(FOOD, FIXIT, "https://fixit.example/collectives/fixit", BO);
    relay.link(fromFixit);

    // The café trades with the childcare co-op; the food co-op follows the café and sees every step.
    long withCare = fixit.trade().offer(ANA, CARE, Side.US, Side.US, Quantity.kilograms("2"), "soup",
        clock.instant().plus(Duration.ofDays(2)));
    long careAccepted = fixit.trade().accept(BO, withCare, Side.PARTNER).sequence();
    long fulfilledForCare = fixit.trade().fulfil(ANA, withCare, Side.US).sequence();
    for (long step : List.of(withCare, careAccepted, fulfilledForCare)) {
      assertThat(relay.decide(fromFixit, food, entry(fixit, step), false)).as("entry %s, not addressed", step)
          .isEqualTo(Decision.PUBLIC_ENTRY);
    }
    // Addressed to the co-op by mistake (or forged), a step of a trade it does not have is refused, saying why.
    unchanged(food, () -> relay.decide(fromFixit, food, entry(fixit, withCare), true),
        "the offer at entry " + withCare + " of fixit's ledger is made to care, not to food");
    early(food, () -> relay.decide(fromFixit, food, entry(fixit, fulfilledForCare), true),
        "names its trade offered at its entry " + withCare + ", which is no trade of food: that offer has not reached it (yet)");
    early(food, () -> relay.relay(fromFixit, food, entry(fixit, fulfilledForCare)), "which is no trade of food");

    // The café's own trade with the co-op: relayed only when addressed to the co-op.
    long offer = fixit.trade().offer(ANA, FOOD, Side.US, Side.US, Quantity.kilograms("3"), "bread",
        clock.instant().plus(Duration.ofDays(2)));
    assertThat(relay.decide(fromFixit, food, entry(fixit, offer), false)).isEqualTo(Decision.PUBLIC_ENTRY);
    assertThat(relay.decide(fromFixit, food, entry(fixit, offer), true)).isEqualTo(Decision.RELAY);
    relay.relay(fromFixit, food, entry(fixit, offer));
    long ours = food.trade().trade(TradeId.of(FIXIT, offer)).orElseThrow().entry();
    food.trade().accept(ANA, ours, Side.US);
    fixit.trade().accept(BO, offer, Side.PARTNER);
    long fulfilled = fixit.trade().fulfil(ANA, offer, Side.US).sequence();
    assertThat(relay.decide(fromFixit, food, entry(fixit, fulfilled), false)).isEqualTo(Decision.PUBLIC_ENTRY);
    assertThat(relay.decide(fromFixit, food, entry(fixit, fulfilled), true)).isEqualTo(Decision.RELAY);

    // A forged step naming a trade the co-op does not know: refused with the reason, nothing recorded.
    String forged = entry(fixit, fulfilled).replace("\"offer\":" + offer + ",", "\"offer\":" + (offer + 50) + ",");
    assertThat(forged).isNotEqualTo(entry(fixit, fulfilled));
    early(food, () -> relay.decide(fromFixit, food, forged, true), "names its trade offered at its entry "
        + (offer + 50) + ", which is no trade of food");
    early(food, () -> relay.relay(fromFixit, food, forged), "which is no trade of food");
    // Not addressed here, an entry is not even read; addressed here, one that does not read as an entry is refused.
    assertThat(relay.decide(fromFixit, food, "{\"event\":\"not an entry\"}", false)).isEqualTo(Decision.PUBLIC_ENTRY);
    assertThatThrownBy(() -> relay.decide(fromFixit, food, "{\"event\":\"not an entry\"}", true))
        .isInstanceOf(RuntimeException.class);
    // An entry that is not a trade step is never a command, addressed or not.
    long other = fixit.trade().appointRelay(ANA, FOOD, BO, clock.instant().plus(Duration.ofDays(40))).sequence();
    assertThat(relay.decide(fromFixit, food, entry(fixit, other), true)).isEqualTo(Decision.PUBLIC_ENTRY);
  }

  /**
   * {@code refused} throws {@link EarlyStep} (answered 503, sent again) saying {@code says},
   * and {@code c}'s ledger keeps its size and root.
   */
  static void early(Collective c, ThrowingCallable refused, String says) {
    long size = c.ledger().size();
    Hash root = c.ledger().root();
    assertThatThrownBy(refused).isInstanceOf(EarlyStep.class).hasMessageContaining(says);
    assertThat(c.ledger().size()).isEqualTo(size);
    assertThat(c.ledger().root()).isEqualTo(root);
  }

  /** {@code refused} throws saying {@code says}, and {@code c}'s ledger keeps its size and root. */
  static void unchanged(Collective c, ThrowingCallable refused, String says) {
    long size = c.ledger().size();
    Hash root = c.ledger().root();
    assertThatThrownBy(refused).isInstanceOf(RejectedCommandException.class).hasMessageContaining(says);
    assertThat(c.ledger().size()).isEqualTo(size);
    assertThat(c.ledger().root()).isEqualTo(root);
  }

  @Test
  void compactionKeepsTheLatestLinkAndEveryRef() {
    assertThat(PartnerLog.live(List.of(
        "link\tfood\tfixit\thttps://fixit.example/c\tbo",
        "ref\tfood/fixit/7\t12",
        "link\tfood\tfixit\thttps://fixit.example/c\tana",
        "ref\tfood/fixit/9\t14",
        "ref\tfood/fixit/7\t12")))
        .containsExactly("link\tfood\tfixit\thttps://fixit.example/c\tana", "ref\tfood/fixit/7\t12",
            "ref\tfood/fixit/9\t14");
  }

  @Test
  void aPartnerLinkedToAnotherActorAndBackIsAddressedAtTheLatestAfterCompactionAndReopening() throws Exception {
    TradeRelay.Link first = new TradeRelay.Link(FOOD, FIXIT, "https://fixit.example/c", BO);
    TradeRelay.Link moved = new TradeRelay.Link(FOOD, FIXIT, "https://fixit.example/moved", BO);
    List<String> lines = List.of("link\tfood\tfixit\thttps://fixit.example/c\tbo",
        "link\tfood\tfixit\thttps://fixit.example/moved\tbo", "link\tfood\tfixit\thttps://fixit.example/c\tbo");
    assertThat(PartnerLog.live(lines)).containsExactly("link\tfood\tfixit\thttps://fixit.example/moved\tbo",
        "link\tfood\tfixit\thttps://fixit.example/c\tbo");
    NodeStore store = new NodeStore(dir);
    TradeRelay relay = new TradeRelay(store);
    relay.link(first);
    relay.link(moved);
    assertThat(relay.actorOf(FOOD, FIXIT)).hasValue(moved.partnerActor());
    relay.link(first);
    assertThat(relay.actorOf(FOOD, FIXIT)).hasValue(first.partnerActor());
    store.close();
    NodeStore again = new NodeStore(dir);
    assertThat(new TradeRelay(again).actorOf(FOOD, FIXIT)).hasValue(first.partnerActor());
    assertThat(new TradeRelay(again).actorOf(FIXIT, FOOD)).isEmpty();
    again.close();
  }

  @Test
  void flagsKeepTheFirstReasonOfEachActor() {
    assertThat(Flags.live(List.of("https://a.example/c\tequivocated at 5", "https://b.example/c\tbad root",
        "https://a.example/c\tsomething later")))
        .containsExactly("https://a.example/c\tequivocated at 5", "https://b.example/c\tbad root");
  }
}
