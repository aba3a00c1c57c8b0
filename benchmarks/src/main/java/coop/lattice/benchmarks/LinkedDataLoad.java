package coop.lattice.benchmarks;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.collective.Collective;
import coop.lattice.collective.ContributionTotals;
import coop.lattice.federation.rdf.ValueFlowsShapes;
import coop.lattice.federation.rdf.VfNode;
import coop.lattice.federation.sparql.GraphFeed;
import coop.lattice.federation.sparql.NetworkGraphs;
import coop.lattice.federation.sparql.NetworkQuestions;
import coop.lattice.federation.sparql.SparqlEndpoint;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Ledger;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Issue 16's benchmarks, on one ledger of {@code ENTRIES} entries (acknowledged contributions of
 * food in kilograms and of care in hours, over a year): incremental loading into a TDB2 store in
 * batches of 10,000 entries, as a node's feed loads them (shaping included), in entries a second;
 * a full rebuild of every entry with TDB2's parallel bulk loader; the monthly totals of food shared,
 * by SPARQL over the events (checked against the collective's own fold); and the time from an entry
 * being appended to a query seeing it, through the node's feed.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar coop.lattice.benchmarks.LinkedDataLoad 1000000
 * }</pre>
 */
public final class LinkedDataLoad {
  static final String ACTOR = "https://food.example/collectives/food";
  static final String MONTHLY = """
      PREFIX vf: <https://w3id.org/valueflows/ont/vf#>
      PREFIX om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/>
      SELECT ?month (SUM(?v) AS ?kg) WHERE {
        ?e vf:resourceConformsTo <https://lattice.coop/ns/kinds#food> ; vf:hasPointInTime ?t ; vf:resourceQuantity ?q .
        ?q om2:hasNumericalValue ?v .
        BIND(SUBSTR(STR(?t), 1, 7) AS ?month)
      } GROUP BY ?month ORDER BY ?month""";

  private LinkedDataLoad() {}

  public static void main(String[] args) throws Exception {
    int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = Files.createTempDirectory("lattice-linked");
    long t0 = System.nanoTime();
    SteppingClock clock = SteppingClock.startingAt("2026-01-01T00:00:00Z",
        Duration.ofSeconds(Math.max(1, 365L * 24 * 3600 / (entries * 2L))));
    Collective food = ledger(entries, clock);
    Ledger ledger = food.ledger();
    System.out.printf("ledger: %,d entries in %.1f s%n", ledger.size(), seconds(t0));

    // Incremental: batches of 10,000 entries, shaped and added in one transaction each.
    List<Double> rates = new ArrayList<>();
    try (NetworkGraphs graphs = NetworkGraphs.onDisk(dir.resolve("incremental"))) {
      long limit = Math.min(ledger.size(), 300_000);
      for (long from = 0; from < limit; from += 10_000) {
        long to = Math.min(limit, from + 10_000);
        long start = System.nanoTime();
        List<VfNode> shapes = new ArrayList<>();
        for (long i = from; i < to; i++) {
          ValueFlowsShapes.of(ledger.entry(i), ACTOR, ledger::entry).ifPresent(shapes::add);
        }
        graphs.add(ACTOR, from, to, shapes, ledger.root(to).hex());
        rates.add((to - from) / seconds(start));
      }
    }
    System.out.printf("incremental: median %,.0f entries/s over %d batches of 10,000 (min %,.0f, max %,.0f)%n",
        median(rates), rates.size(), rates.stream().mapToDouble(d -> d).min().orElse(0),
        rates.stream().mapToDouble(d -> d).max().orElse(0));

    // A full rebuild with TDB2's bulk loader.
    try (NetworkGraphs graphs = NetworkGraphs.onDisk(dir.resolve("bulk"))) {
      long start = System.nanoTime();
      graphs.bulkLoad(ACTOR, shapes(ledger), ledger.size(), ledger.root().hex());
      System.out.printf("bulk rebuild: %,d entries in %.1f s%n", ledger.size(), seconds(start));

      SparqlEndpoint endpoint = new SparqlEndpoint(graphs, () -> Set.of(ACTOR), new SparqlEndpoint.Limits(
          Duration.ofMinutes(5), 10_000));
      long slow = System.nanoTime();
      String byEvents = new String(endpoint.query(MONTHLY, SparqlEndpoint.CSV).body(), StandardCharsets.UTF_8);
      System.out.printf("monthly food totals by SPARQL over the events: %.2f s (one run); equal to the fold: %s%n",
          seconds(slow), matches(byEvents, food.monthlyTotals(ZoneOffset.UTC)));
      List<Double> times = new ArrayList<>();
      String answer = "";
      for (int run = 0; run < 5; run++) {
        long q = System.nanoTime();
        answer = new String(endpoint.query(NetworkQuestions.SOVEREIGNTY, SparqlEndpoint.CSV).body(),
            StandardCharsets.UTF_8);
        times.add(seconds(q));
      }
      System.out.printf("monthly totals of every need (NetworkQuestions.SOVEREIGNTY, from the totals kept as triples):"
          + " median %.3f s of 5 runs (%s)%n", median(times), times);
      System.out.println("food in kilograms equal to the fold's monthly totals: " + matches(foodKg(answer),
          food.monthlyTotals(ZoneOffset.UTC)));

      // Visibility: an entry appended, then a query sees it, through the feed (its writer looks every 100 ms).
      try (GraphFeed feed = new GraphFeed(graphs)) {
        feed.follow(ACTOR, () -> new GraphFeed.View(ledger::entry, ledger.size(), ledger::root));
        feed.flush();
        List<Double> visible = new ArrayList<>();
        for (int run = 0; run < 20; run++) {
          long contribution = food.record(Contribution.toMember(MemberId.of("ana"), MemberId.of("bo"),
              ContributionKind.FOOD, Quantity.kilograms("1")));
          food.acknowledge(MemberId.of("bo"), contribution);
          long start2 = System.nanoTime();
          feed.grew(ACTOR);
          String ask = "ASK { <" + ACTOR + "/entries/" + contribution + "#event> ?p ?o }";
          while (!new String(endpoint.query(ask, SparqlEndpoint.CSV).body(), StandardCharsets.UTF_8).contains("true")) {
            Thread.onSpinWait();
          }
          visible.add(seconds(start2) * 1000);
        }
        System.out.printf("visible to queries after: median %.0f ms of 20 (max %.0f ms)%n", median(visible),
            visible.stream().mapToDouble(d -> d).max().orElse(0));
      }
    }
  }

  /** A co-op's ledger of about {@code entries} entries: contributions, each acknowledged. */
  private static Collective ledger(int entries, SteppingClock clock) {
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    MemberId cleo = MemberId.of("cleo");
    Collective c = Collective.found(CollectiveId.of("food"), "Food", ana, Appearance.byName("Ana"),
        LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), clock);
    c.admit(ana, bo, Appearance.byName("Bo"));
    c.admit(ana, cleo, Appearance.onlyInAggregates());
    for (int i = 0; c.ledger().size() < entries; i++) {
      MemberId giver = i % 3 == 0 ? cleo : ana;
      Contribution given = i % 4 == 3
          ? Contribution.toMember(giver, bo, ContributionKind.CARE, Quantity.hours("1.5"))
          : Contribution.toMember(giver, bo, ContributionKind.FOOD, Quantity.kilograms(Integer.toString(1 + i % 7)));
      c.acknowledge(bo, c.record(given));
    }
    return c;
  }

  /** The shapes of every entry of {@code ledger}, one at a time. */
  private static Iterator<VfNode> shapes(Ledger ledger) {
    return new Iterator<>() {
      long next = 0;
      Optional<VfNode> pending = Optional.empty();

      @Override
      public boolean hasNext() {
        while (pending.isEmpty() && next < ledger.size()) {
          Entry e = ledger.entry(next++);
          pending = ValueFlowsShapes.of(e, ACTOR, ledger::entry);
        }
        return pending.isPresent();
      }

      @Override
      public VfNode next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        VfNode n = pending.get();
        pending = Optional.empty();
        return n;
      }
    };
  }

  /** The food-in-kilograms rows of a SOVEREIGNTY answer, as month,amount. */
  private static String foodKg(String csv) {
    StringBuilder out = new StringBuilder("month,kg\n");
    csv.lines().skip(1).map(l -> l.split(",")).filter(f -> f[1].equals("food") && f[2].endsWith("kilogram"))
        .forEach(f -> out.append(f[0]).append(',').append(f[3]).append('\n'));
    return out.toString();
  }

  private static boolean matches(String csv, SortedMap<YearMonth, ContributionTotals> fold) {
    Map<String, BigDecimal> byQuery = new TreeMap<>();
    csv.lines().skip(1).forEach(l -> {
      String[] f = l.split(",");
      byQuery.put(f[0], new BigDecimal(f[1]));
    });
    Map<String, BigDecimal> byFold = new TreeMap<>();
    fold.forEach((m, t) -> {
      BigDecimal kg = t.of(ContributionKind.FOOD, Unit.KILOGRAMS);
      if (kg.signum() > 0) {
        byFold.put(m.toString(), kg);
      }
    });
    if (!byQuery.keySet().equals(byFold.keySet())) {
      return false;
    }
    return byQuery.entrySet().stream().allMatch(e -> e.getValue().compareTo(byFold.get(e.getKey())) == 0);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return Medians.median(sorted);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
