package coop.lattice.federation.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.collective.Collective;
import coop.lattice.exchange.ItemId;
import coop.lattice.ledger.Contribution;
import coop.lattice.metrics.Need;
import coop.lattice.metrics.SovereigntyMetrics;
import coop.lattice.testkit.SteppingClock;
import coop.lattice.testkit.TradingPartners;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The questions that come with the library, asked of one store that holds two collectives' ledgers
 * (as a node holds its own and a verified copy, or a Fuseki server many nodes'), answer what each
 * collective's own folds compute: the network's sovereignty per month, need and unit is the sum of
 * the collectives' sovereignty metrics (contributions and exchanges settled inside the collective); the trade flows between them, each trade once though both
 * ledgers hold it, net to the partnership's balance.
 */
class NetworkQuestionsTest {
  static final CollectiveId FOOD = CollectiveId.of("food");
  static final CollectiveId FIXIT = CollectiveId.of("fixit");
  static final CollectiveId CARE = CollectiveId.of("care");

  @Test
  void theAnswersAreWhatTheFoldsCompute() {
    SteppingClock clock = SteppingClock.startingAt("2026-10-20T10:00:00Z", Duration.ofMinutes(1));
    Collective food = TradingPartners.collective(FOOD, clock, "50", false, FIXIT, CARE);
    Collective fixit = TradingPartners.collective(FIXIT, clock, "50", false, FOOD);
    long four = contribute(food, ContributionKind.FOOD, Quantity.kilograms("4"));
    contribute(fixit, ContributionKind.REPAIR, Quantity.hours("2"));
    // Corrections: of an acknowledged contribution (it counts no longer; the correction counts once acknowledged),
    // and of one never acknowledged (nothing to take back).
    long three = food.correct(four, Contribution.toMember(TradingPartners.ANA, TradingPartners.BO, ContributionKind.FOOD,
        Quantity.kilograms("3")));
    food.acknowledge(TradingPartners.BO, three);
    long pending = food.record(Contribution.toMember(TradingPartners.ANA, TradingPartners.BO, ContributionKind.FOOD,
        Quantity.kilograms("9")));
    food.acknowledge(TradingPartners.BO, food.correct(pending, Contribution.toMember(TradingPartners.ANA,
        TradingPartners.BO, ContributionKind.FOOD, Quantity.kilograms("1"))));
    TradingPartners.give(food, fixit, "6", clock);
    clock.advance(Duration.ofDays(40)); // into another month
    contribute(food, ContributionKind.FOOD, Quantity.kilograms("2.5"));
    contribute(food, ContributionKind.CARE, Quantity.hours("1.5"));
    // Exchanges inside the co-op count too, once settled: an hour of mutual help, a tool lent.
    long hour = food.timeBank().record(TradingPartners.ANA, TradingPartners.ANA, TradingPartners.BO, Quantity.hours("1"),
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), "help");
    food.timeBank().confirm(TradingPartners.BO, hour);
    food.toolLibrary().list(TradingPartners.ANA, ItemId.of("drill"), "Drill", 7);
    food.toolLibrary().lend(TradingPartners.ANA, ItemId.of("drill"), TradingPartners.BO);
    TradingPartners.give(fixit, food, "2", clock);
    food.trade().declareCoverage(TradingPartners.ANA, Need.of("food"), List.of(FIXIT, CARE));
    food.trade().declareCoverage(TradingPartners.ANA, Need.of("repair"), List.of(FIXIT));
    food.trade().declareCoverage(TradingPartners.ANA, Need.of("childcare"), List.of(CARE));
    food.trade().declareCoverage(TradingPartners.ANA, Need.of("repair"), List.of(CARE, FIXIT)); // replaces the first

    try (NetworkGraphs graphs = NetworkGraphs.inMemory(); GraphFeed feed = new GraphFeed(graphs)) {
      for (Collective c : List.of(food, fixit)) {
        feed.follow("https://" + c.id().value() + ".example/collectives/" + c.id().value(),
            () -> new GraphFeed.View(c.ledger()::entry, c.ledger().size(), c.ledger()::root));
      }
      feed.flush();
      NetworkQuestions questions = new NetworkQuestions(new NetworkLinkedData(feed,
          new SparqlEndpoint(graphs, feed::followed, SparqlEndpoint.Limits.DEFAULT)));

      List<NetworkQuestions.Met> met = questions.sovereignty();
      assertThat(met).hasSize(6);
      assertThat(met).usingRecursiveFieldByFieldElementComparator(org.assertj.core.api.recursive.comparison
          .RecursiveComparisonConfiguration.builder().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
          .build()).isEqualTo(questions.sovereigntyFromEvents()); // the totals kept are what the events add up to
      SovereigntyMetrics foodMetrics = SovereigntyMetrics.compute(food.ledger().entries(0, food.ledger().size()),
          ZoneOffset.UTC);
      SovereigntyMetrics fixitMetrics = SovereigntyMetrics.compute(fixit.ledger().entries(0, fixit.ledger().size()),
          ZoneOffset.UTC);
      for (NetworkQuestions.Met m : met) {
        BigDecimal folded = foodMetrics.report(m.month()).of(Need.of(m.need()), m.unit())
            .add(fixitMetrics.report(m.month()).of(Need.of(m.need()), m.unit()));
        assertThat(m.amount()).as("%s", m).isEqualByComparingTo(folded);
      }

      List<NetworkQuestions.Flow> flows = questions.tradeFlows();
      assertThat(flows).extracting(NetworkQuestions.Flow::unit).containsOnly(Unit.KILOGRAMS);
      BigDecimal toFixit = amount(flows, "urn:lattice:collective:food", "urn:lattice:collective:fixit");
      BigDecimal toFood = amount(flows, "urn:lattice:collective:fixit", "urn:lattice:collective:food");
      assertThat(toFixit).isEqualByComparingTo("6"); // once, though both ledgers hold the trade
      assertThat(toFood).isEqualByComparingTo("2");
      assertThat(toFixit.subtract(toFood)).isEqualByComparingTo(
          food.trade().partnership(FIXIT).orElseThrow().balance(Unit.KILOGRAMS));

      // Agreements due for review: each collective's current versions, by their review date.
      LocalDate by = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(5);
      List<NetworkQuestions.Due> due = questions.dueForReview(by);
      List<LocalDate> folded = new ArrayList<>();
      for (Collective c : List.of(food, fixit)) {
        c.agreements().all().stream().filter(a -> !a.terms().reviewOn().isAfter(by))
            .forEach(a -> folded.add(a.terms().reviewOn()));
      }
      assertThat(due).extracting(NetworkQuestions.Due::reviewOn).containsExactlyInAnyOrderElementsOf(folded);
      assertThat(due).extracting(NetworkQuestions.Due::title).containsOnly("Exchange");
      assertThat(questions.dueForReview(by.minusYears(10))).isEmpty();

      // If the repair café falters: who is left for each need it covered for the co-op, as the co-op's map says.
      SortedMap<String, List<String>> left = questions.ifFalters("https://food.example/collectives/food",
          "urn:lattice:collective:fixit");
      SortedMap<String, List<String>> byFold = new TreeMap<>();
      food.trade().redundancy().ifFalters(FIXIT).forEach((need, others) -> byFold.put(need.value(),
          others.stream().map(o -> "urn:lattice:collective:" + o.value()).toList()));
      assertThat(left).isEqualTo(byFold).containsOnlyKeys("food", "repair");
      assertThat(left.get("repair")).containsExactly("urn:lattice:collective:care");
    }
  }

  private static long contribute(Collective c, ContributionKind kind, Quantity q) {
    long entry = c.record(Contribution.toMember(TradingPartners.ANA, TradingPartners.BO, kind, q));
    c.acknowledge(TradingPartners.BO, entry);
    return entry;
  }

  private static BigDecimal amount(List<NetworkQuestions.Flow> flows, String from, String to) {
    return flows.stream().filter(f -> f.from().equals(from) && f.to().equals(to)).map(NetworkQuestions.Flow::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
