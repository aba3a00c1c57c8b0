package coop.lattice.federation.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Unit;
import coop.lattice.collective.ClearingRound;
import coop.lattice.collective.ClearingRound.Stage;
import coop.lattice.collective.Collective;
import coop.lattice.collective.CollectiveState;
import coop.lattice.collective.Replica;
import coop.lattice.exchange.RoundId;
import coop.lattice.federation.MirroredLedger;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.federation.mirror.TradeRelay;
import coop.lattice.ledger.ClearingEvents;
import coop.lattice.ledger.ClearingEvents.RoundPrepared;
import coop.lattice.ledger.ClearingEvents.Statement;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.merkle.ConsistencyProof;
import coop.lattice.merkle.Hash;
import coop.lattice.merkle.InclusionProof;
import coop.lattice.testkit.SteppingClock;
import coop.lattice.testkit.TradingPartners;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A participant that committed to a round and never heard the coordinator's word ends it only as
 * the coordinator's ledger shows: settled when the ledger completed it (and every counterpart of
 * its legs was heard to commit), left provisional otherwise; lapsed when the ledger lapsed it or
 * went past the closing time without completing it. So no debt is cleared on one side only.
 */
class CoordinationTest {
  static final MemberId ANA = TradingPartners.ANA;
  static final MemberId BO = TradingPartners.BO;
  static final CollectiveId FOOD = CollectiveId.of("food");
  static final CollectiveId FIXIT = CollectiveId.of("fixit");
  static final CollectiveId CARE = CollectiveId.of("care");

  @TempDir Path dir;
  final SteppingClock clock = SteppingClock.startingAt("2026-12-01T10:00:00Z", Duration.ZERO);
  Collective food;
  Collective fixit;
  Collective care;
  Coordination atCare;
  RoundId round;
  long prepared;

  @BeforeEach
  void committedRound() {
    food = TradingPartners.collective(FOOD, clock, "50", true, FIXIT, CARE);
    fixit = TradingPartners.collective(FIXIT, clock, "50", true, FOOD, CARE);
    care = TradingPartners.collective(CARE, clock, "50", true, FOOD, FIXIT);
    TradingPartners.give(fixit, food, "5", clock);   // the co-op owes the café 5 kg
    TradingPartners.give(care, fixit, "3", clock);
    TradingPartners.give(food, care, "4", clock);
    round = food.clearing().propose(ANA, List.of(FIXIT, CARE), clock.instant().plus(Duration.ofHours(1)));
    ClearingRound r = food.clearing().round(round).orElseThrow();
    fixit.clearing().join(BO, round, r.invited(), r.closes());
    care.clearing().join(BO, round, r.invited(), r.closes());
    prepared = food.clearing().prepare(ANA, round, List.of(statement(fixit), statement(care))).sequence();
    RoundPrepared p = (RoundPrepared) food.ledger().entry(prepared).event();
    Hash leaf = food.ledger().leafHash(prepared);
    food.clearing().commit(ANA, round, leaf, p);
    fixit.clearing().commit(BO, round, leaf, p);
    care.clearing().commit(BO, round, leaf, p);
    TradeRelay links = new TradeRelay(new NodeStore(dir));
    links.link(new TradeRelay.Link(CARE, FOOD, "https://food.example/collectives/food", BO));
    atCare = new Coordination(links);
  }

  @Test
  void aRoundCompletedOnTheCoordinatorsLedgerIsSettledOnceTheCounterpartsWereHeardToCommit() {
    List<ClearingEvents.Commitment> all = List.of(commitment(care), commitment(fixit), commitment(food));
    food.clearing().complete(ANA, round, all);
    ClearingRound committed = care.clearing().round(round).orElseThrow();

    // The counterparts' commitments never reached care: it stays provisional, nothing moves.
    atCare.resolve(care, committed, copyOf(food));
    assertThat(care.clearing().round(round).orElseThrow().stage()).isEqualTo(Stage.COMMITTED);
    assertThat(balance(care, FOOD)).isEqualByComparingTo("-4");

    heard(atCare, fixit, all.get(1).entry());
    heard(atCare, food, all.get(2).entry());
    atCare.resolve(care, committed, copyOf(food));
    assertThat(care.clearing().round(round).orElseThrow().stage()).isEqualTo(Stage.SETTLED);
    assertThat(balance(care, FOOD)).isEqualByComparingTo("-1");
    assertThat(balance(care, FIXIT)).isEqualByComparingTo("0");
  }

  @Test
  void aRoundTheCoordinatorLetLapseLapsesHereToo() {
    clock.advance(Duration.ofHours(1));
    food.clearing().lapse(ANA, round, List.of(CARE), "care did not commit in time");
    atCare.resolve(care, care.clearing().round(round).orElseThrow(), copyOf(food));
    ClearingRound here = care.clearing().round(round).orElseThrow();
    assertThat(here.stage()).isEqualTo(Stage.LAPSED);
    assertThat(here.silent()).containsExactly(CARE);
    assertThat(balance(care, FOOD)).isEqualByComparingTo("-4");
  }

  @Test
  void aCoordinatorsLedgerPastTheClosingTimeWithoutACompletionLapsesTheRoundAndOneStillOpenLeavesItProvisional() {
    atCare.resolve(care, care.clearing().round(round).orElseThrow(), copyOf(food));
    assertThat(care.clearing().round(round).orElseThrow().stage()).as("nothing said yet").isEqualTo(Stage.COMMITTED);

    clock.advance(Duration.ofHours(2));
    food.trade().appointRelay(ANA, FIXIT, BO, clock.instant().plus(Duration.ofDays(30))); // any later entry
    atCare.resolve(care, care.clearing().round(round).orElseThrow(), copyOf(food));
    assertThat(care.clearing().round(round).orElseThrow().stage()).isEqualTo(Stage.LAPSED);
    assertThat(balance(care, FOOD)).isEqualByComparingTo("-4");
  }

  @Test
  void aLapseSentByAnyoneButTheCoordinatorIsNoCommandAndChangesNothing() {
    // The café, a partner of the childcare co-op but not the round's coordinator, "follows" a lapse it made up.
    long forged = fixit.clearing().follow(BO, round, List.of(), "made up", 1).sequence();
    String json = new String(LedgerJson.canonicalBytes(fixit.ledger().entry(forged)), StandardCharsets.UTF_8);
    NodeStore store = new NodeStore(dir.resolve("relay"));
    TradeRelay links = new TradeRelay(store);
    TradeRelay.Link fromFixit = new TradeRelay.Link(CARE, FIXIT, "https://fixit.example/collectives/fixit", BO);
    links.link(fromFixit);
    ClearingRelay relay = new ClearingRelay(store, links);
    long size = care.ledger().size();
    assertThat(relay.decide(fromFixit, care, json, true)).isEqualTo(TradeRelay.Decision.PUBLIC_ENTRY);
    assertThat(relay.relay(fromFixit, care, json)).isFalse();
    assertThat(care.ledger().size()).isEqualTo(size);
    assertThat(care.clearing().round(round).orElseThrow().stage()).isEqualTo(Stage.COMMITTED);
  }

  private Statement statement(Collective c) {
    ClearingRound r = c.clearing().round(round).orElseThrow();
    return new Statement(c.id(), r.entry(), c.ledger().leafHash(r.entry()), r.owes());
  }

  private ClearingEvents.Commitment commitment(Collective c) {
    return new ClearingEvents.Commitment(c.id(), c.clearing().round(round).orElseThrow().entry());
  }

  /** {@code from}'s commitment at its entry {@code entry}, as care's node would keep it on arrival. */
  private static void heard(Coordination at, Collective from, long entry) {
    Entry e = from.ledger().entry(entry);
    at.heard(CARE, e, new String(LedgerJson.canonicalBytes(e), StandardCharsets.UTF_8));
  }

  private static BigDecimal balance(Collective c, CollectiveId partner) {
    return c.trade().partnership(partner).orElseThrow().balance(Unit.KILOGRAMS);
  }

  /** The coordinator's ledger as a node's verified copy shows it: its entries, in order. */
  private static MirroredLedger copyOf(Collective c) {
    return new MirroredLedger() {
      @Override
      public long size() {
        return c.ledger().size();
      }

      @Override
      public Optional<SignedCheckpoint> verified() {
        return Optional.empty();
      }

      @Override
      public Entry entry(long index) {
        return c.ledger().entry(index);
      }

      @Override
      public byte[] entryBytes(long index) {
        return LedgerJson.canonicalBytes(c.ledger().entry(index));
      }

      @Override
      public Hash root(long size) {
        return c.ledger().root(size);
      }

      @Override
      public InclusionProof inclusionProof(long index, long size) {
        throw new UnsupportedOperationException("not read here");
      }

      @Override
      public ConsistencyProof consistencyProof(long size1, long size2) {
        throw new UnsupportedOperationException("not read here");
      }

      @Override
      public CollectiveState state() {
        return c.state();
      }

      @Override
      public List<Replica.Unread> unread() {
        return List.of();
      }

      @Override
      public coop.lattice.agreement.Parameters parameters(java.time.Instant at) {
        return c.agreements().parameters(at);
      }
    };
  }
}
