package coop.lattice.federation.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Response;
import coop.lattice.collective.Collective;
import coop.lattice.collective.TradeRecord;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Side;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.store.LedgerStore;
import coop.lattice.testkit.SteppingClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner's trade step counts once, for good: known by the partner and its entry's number, so a
 * step sent again (after the inbox forgot the activity id, or after a restart) changes nothing.
 */
class TradeRelayTest {
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final CollectiveId FOOD = CollectiveId.of("food");
  static final CollectiveId FIXIT = CollectiveId.of("fixit");

  @TempDir Path dir;

  static Collective collective(CollectiveId id, SteppingClock clock, CollectiveId partner) {
    Collective c = Collective.found(id, id.value(), ANA, Appearance.byName("Ana"), LedgerStore.inMemory(),
        CollectiveKey.fromSeed(new byte[32]), clock);
    c.admit(ANA, BO, Appearance.byName("Bo"));
    AgreementId exchange = AgreementId.of("exchange");
    long p = c.proposeAgreement(ANA, AgreementTerms.builder(exchange, "Exchange").text("We trade.").scope("trade")
        .reviewOn(LocalDate.of(2027, 12, 1)).rule(DecisionRule.consent(Duration.ofDays(7))).build(), "");
    c.respond(BO, p, Response.CONSENT, "");
    clock.advance(Duration.ofDays(8));
    c.decide(ANA, p, "adopted");
    c.trade().agree(ANA, partner, exchange, List.of(CreditLine.of(Unit.KILOGRAMS, "50", "50")));
    c.trade().appointRelay(ANA, partner, BO, clock.instant().plus(Duration.ofDays(30)));
    return c;
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
    assertThat(relay.alreadyRelayed(fromFixit, entry(fixit, offer))).isFalse();
    assertThat(relay.relay(fromFixit, food, entry(fixit, offer))).isTrue();
    long size = food.ledger().size();

    assertThat(relay.alreadyRelayed(fromFixit, entry(fixit, offer))).isTrue();
    assertThat(relay.relay(fromFixit, food, entry(fixit, offer))).isTrue();
    assertThat(food.ledger().size()).as("sent again: nothing recorded").isEqualTo(size);
    store.close();

    NodeStore again = new NodeStore(dir);
    TradeRelay reopened = new TradeRelay(again);
    assertThat(reopened.link(fromFixit.partnerActor(), FOOD)).hasValue(fromFixit);
    assertThat(reopened.alreadyRelayed(fromFixit, entry(fixit, offer))).isTrue();
    assertThat(reopened.relay(fromFixit, food, entry(fixit, offer))).isTrue();
    assertThat(food.ledger().size()).isEqualTo(size);

    // The co-op accepts; the café fulfils; its fulfilment is relayed once, however often it comes.
    long ours = food.state().exchanges().trades().values().stream().filter(t -> t.partner().equals(FIXIT))
        .mapToLong(TradeRecord::entry).max().orElseThrow();
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
  void flagsKeepTheFirstReasonOfEachActor() {
    assertThat(Flags.live(List.of("https://a.example/c\tequivocated at 5", "https://b.example/c\tbad root",
        "https://a.example/c\tsomething later")))
        .containsExactly("https://a.example/c\tequivocated at 5", "https://b.example/c\tbad root");
  }
}
