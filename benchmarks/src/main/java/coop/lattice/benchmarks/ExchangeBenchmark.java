package coop.lattice.benchmarks;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Response;
import coop.lattice.collective.Collective;
import coop.lattice.collective.Replica;
import coop.lattice.exchange.Clearing;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Debt;
import coop.lattice.exchange.ItemId;
import coop.lattice.exchange.Side;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Entry;
import coop.lattice.store.LedgerStore;
import coop.lattice.testkit.SteppingClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exchanges. Targets: applying exchange entries to a collective's state at least 200,000 entries
 * per second; clearing a network of 1,000 collectives with 10,000 credit lines in at most 1 s.
 *
 * <p>"Applying" is {@link Replica#apply}: each entry is checked against every rule the collective
 * applied to it as a command (limits, sides, expiry, the fair hold queue) and folded, exactly as
 * when a collective reopens, without the byte verification (measured in {@code ReopenBenchmark}).
 */
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class ExchangeBenchmark {
  static final int MEMBERS = 1_000;
  static final int ROUNDS = 40_000;

  @State(Scope.Benchmark)
  public static class Ledger {
    List<Entry> entries;

    /**
     * A collective of 1,000 members running its exchanges: per round, a time-bank transfer
     * recorded and confirmed both ways, a trade with one of 20 partner collectives through its
     * four steps, and a tool loan and return, with holds queuing.
     */
    @Setup(Level.Trial)
    public void build() {
      // One second per reading, so that nothing expires during the workload.
      SteppingClock clock = SteppingClock.startingAt("2026-01-05T00:00:00Z", Duration.ofSeconds(1));
      List<MemberId> m = new ArrayList<>();
      for (int i = 0; i < MEMBERS; i++) {
        m.add(MemberId.of("member-" + i));
      }
      Collective coop = Collective.found(CollectiveId.of("exchange-coop"), "Exchange Co-op", m.get(0),
          Appearance.byName("Member 0"), LedgerStore.inMemory(), Workload.KEY, clock);
      for (int i = 1; i < MEMBERS; i++) {
        coop.admit(m.get(0), m.get(i), Appearance.pseudonym("p" + i));
      }
      AgreementId exchange = AgreementId.of("exchange");
      long p = coop.agreements().propose(m.get(0), AgreementTerms.builder(exchange, "Exchanges").text("How we trade.")
          .scope("trade").reviewOn(LocalDate.of(2027, 6, 1)).rule(DecisionRule.consent(Duration.ofDays(7))).build(), "");
      coop.agreements().respond(m.get(1), p, Response.CONSENT, "");
      clock.advance(Duration.ofDays(8));
      coop.agreements().decide(m.get(0), p, "");
      List<CollectiveId> partners = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        partners.add(CollectiveId.of("partner-" + i));
        coop.trade().agree(m.get(0), partners.get(i), exchange, List.of(CreditLine.of(Unit.KILOGRAMS, "100", "100")));
        coop.trade().appointRelay(m.get(0), partners.get(i), m.get(0), clock.instant().plus(Duration.ofDays(3650)));
      }
      ItemId[] items = new ItemId[50];
      for (int i = 0; i < items.length; i++) {
        items[i] = ItemId.of("tool-" + i);
        coop.toolLibrary().list(m.get(0), items[i], "Tool " + i, 7);
      }
      for (int r = 0; r < ROUNDS; r++) {
        MemberId a = m.get(r % MEMBERS);
        MemberId b = m.get((r * 7 + 3) % MEMBERS);
        if (a.equals(b)) {
          b = m.get((r + 1) % MEMBERS);
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        coop.timeBank().confirm(b, coop.timeBank().record(a, a, b, Quantity.hours("1.5"), day, "childcare"));
        coop.timeBank().confirm(a, coop.timeBank().record(b, b, a, Quantity.hours("1.5"), day, "repairs"));
        CollectiveId partner = partners.get(r % partners.size());
        Side gives = (r / partners.size()) % 2 == 0 ? Side.US : Side.PARTNER;
        MemberId relay = m.get(0); // partner steps are recorded by the appointed relay
        long t = coop.trade().offer(relay, partner, gives, gives, Quantity.kilograms("4"), "vegetables",
            clock.instant().plus(Duration.ofDays(1)));
        coop.trade().accept(relay, t, gives.other());
        coop.trade().fulfil(relay, t, gives);
        coop.trade().acknowledge(relay, t, gives.other());
        ItemId item = items[r % items.length];
        coop.toolLibrary().hold(b, item);
        coop.toolLibrary().lendToNext(a, item);
        coop.toolLibrary().returned(a, item);
      }
      entries = coop.ledger().entries(0, coop.ledger().size());
    }
  }

  /** Folds the whole ledger: about 440,000 exchange entries after 1,000 joins and the setup. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 5)
  public Replica applyExchangeEntries(Ledger l) {
    Replica r = new Replica();
    for (Entry e : l.entries) {
      r.apply(e);
    }
    return r;
  }

  @State(Scope.Benchmark)
  public static class Network {
    List<Debt> debts;

    /** 1,000 collectives, 10,000 credit lines between random pairs, balances from 0.001 to 1,000 hours. */
    @Setup(Level.Trial)
    public void build() {
      Random random = new Random(20261127);
      Set<Long> pairs = new HashSet<>();
      debts = new ArrayList<>();
      while (debts.size() < 10_000) {
        int a = random.nextInt(1_000);
        int b = random.nextInt(1_000);
        if (a != b && pairs.add(a * 1_000L + b) && !pairs.contains(b * 1_000L + a)) {
          debts.add(new Debt(CollectiveId.of("c" + a), CollectiveId.of("c" + b), Unit.HOURS,
              BigDecimal.valueOf(1 + random.nextInt(1_000_000), 3)));
        }
      }
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 5)
  @Measurement(iterations = 10)
  public Clearing.Result clear1000Collectives10000Lines(Network n) {
    return Clearing.clear("bench", n.debts);
  }
}
