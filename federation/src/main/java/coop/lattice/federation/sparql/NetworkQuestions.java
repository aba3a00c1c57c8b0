package coop.lattice.federation.sparql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.lattice.Unit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Questions about the network that come with the library, asked of a node's linked data by
 * SPARQL (the texts are public: ask them of a Fuseki server that holds many nodes' graphs too):
 *
 * <ul>
 *   <li>{@link #SOVEREIGNTY}: what the network's collectives met for themselves, per month, need and
 *       unit, from acknowledged contributions (a contribution meets the need its kind names, in the
 *       month it was recorded): the contributions' part of each collective's {@code
 *       SovereigntyMetrics}, summed over the collectives;
 *   <li>{@link #TRADE_FLOWS}: what went from one collective to another in their trades, by unit, each
 *       trade counted once though both ledgers hold it (by its identity, {@code lattice:trade}), once
 *       the receiving side acknowledged it: what moved the partnerships' balances, before any clearing
 *       round (a cleared cycle moves balances and no goods);
 *   <li>{@link #DUE_FOR_REVIEW}: the agreements across the network whose current version comes up for
 *       review by a day (the collectives' {@code agreements()}, filtered by review date);
 *   <li>{@link #IF_FALTERS}: who covers each critical need a faltering partner covered for a
 *       collective, as its redundancy map says ({@code Trade.redundancy().ifFalters}).
 * </ul>
 */
public final class NetworkQuestions {
  /**
   * Per month (yyyy-MM, UTC), need and OM2 unit: the amount met, from the monthly totals each graph
   * keeps beside its events ({@code lattice:MonthlyTotal}): a few triples a month, however many entries.
   */
  public static final String SOVEREIGNTY = """
      PREFIX om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/>
      PREFIX lattice: <https://lattice.coop/ns#>
      SELECT ?month ?need ?unit (SUM(?v) AS ?amount) WHERE { GRAPH ?g {
        ?total a lattice:MonthlyTotal ; lattice:month ?month ; lattice:need ?need ; om2:hasUnit ?unit ;
          om2:hasNumericalValue ?v } } GROUP BY ?month ?need ?unit HAVING (SUM(?v) != 0) ORDER BY ?month ?need ?unit""";

  /** {@link #SOVEREIGNTY}, asked of the events themselves: the same answer, read from every contribution. */
  public static final String SOVEREIGNTY_FROM_EVENTS = """
      PREFIX vf: <https://w3id.org/valueflows/ont/vf#>
      PREFIX om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/>
      SELECT ?month ?need ?unit (SUM(?v) AS ?amount) WHERE {
        GRAPH ?g {
          ?e a vf:EconomicEvent ; vf:resourceConformsTo ?kind ; vf:hasPointInTime ?t .
          { ?e vf:resourceQuantity ?q } UNION { ?e vf:effortQuantity ?q }
          ?q om2:hasNumericalValue ?v ; om2:hasUnit ?unit .
          FILTER(STRSTARTS(STR(?kind), "https://lattice.coop/ns/kinds#"))
          FILTER NOT EXISTS { ?correction <https://lattice.coop/ns#withdraws> ?e }
        }
        BIND(SUBSTR(STR(?t), 1, 7) AS ?month)
        BIND(STRAFTER(STR(?kind), "#") AS ?need)
      } GROUP BY ?month ?need ?unit ORDER BY ?month ?need ?unit""";

  /** From collective, to collective and OM2 unit: the amount delivered in their trades. */
  public static final String TRADE_FLOWS = """
      PREFIX vf: <https://w3id.org/valueflows/ont/vf#>
      PREFIX om2: <http://www.ontology-of-units-of-measure.org/resource/om-2/>
      PREFIX lattice: <https://lattice.coop/ns#>
      SELECT ?from ?to ?unit (SUM(?v) AS ?amount) WHERE {
        { SELECT DISTINCT ?trade ?from ?to ?unit ?v WHERE { GRAPH ?g {
            ?e a vf:EconomicEvent ; vf:fulfills ?c ; lattice:trade ?trade ; vf:provider ?from ; vf:receiver ?to ;
               vf:resourceQuantity ?q ; lattice:acknowledged ?taken .
            ?q om2:hasNumericalValue ?v ; om2:hasUnit ?unit } } }
      } GROUP BY ?from ?to ?unit ORDER BY ?from ?to ?unit""";

  /**
   * The current version of each agreement across the network whose review date is on or before a
   * day (replace {@code %s} with it, {@code yyyy-MM-dd}): the agreement, its title, its review date.
   */
  public static final String DUE_FOR_REVIEW = """
      PREFIX vf: <https://w3id.org/valueflows/ont/vf#>
      PREFIX lattice: <https://lattice.coop/ns#>
      PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
      SELECT ?agreement ?name ?reviewOn WHERE { GRAPH ?g {
        ?v a vf:Agreement ; lattice:agreement ?agreement ; lattice:decided ?d ; vf:name ?name ; lattice:reviewOn ?reviewOn .
        FILTER NOT EXISTS { ?w lattice:agreement ?agreement ; lattice:decided ?later . FILTER(?later > ?d) }
        FILTER(?reviewOn <= "%s"^^xsd:date) } } ORDER BY ?reviewOn ?agreement""";

  /**
   * If the partner named {@code %2$s} (its agent IRI) falters: for each critical need the collective
   * whose graph is {@code %1$s} declared it covers, the other partners declared for it (none: nobody
   * left), by the collective's latest declaration of each need; its redundancy map's {@code ifFalters}.
   */
  public static final String IF_FALTERS = """
      PREFIX lattice: <https://lattice.coop/ns#>
      SELECT ?need ?other WHERE { GRAPH <%1$s> {
        ?cov a lattice:Coverage ; lattice:need ?need ; lattice:decided ?d ; lattice:coveredBy <%2$s> .
        FILTER NOT EXISTS { ?newer a lattice:Coverage ; lattice:need ?need ; lattice:decided ?later . FILTER(?later > ?d) }
        OPTIONAL { ?cov lattice:coveredBy ?other . FILTER(?other != <%2$s>) } } } ORDER BY ?need ?other""";

  /** An agreement due for review: its IRI ({@code <actor>/agreements/<id>}), title and review date. */
  public record Due(String agreement, String title, java.time.LocalDate reviewOn) {}

  /** An amount met in a month, for a need, in a unit. */
  public record Met(YearMonth month, String need, Unit unit, BigDecimal amount) {}

  /** An amount delivered from one collective (its agent IRI) to another, in a unit. */
  public record Flow(String from, String to, Unit unit, BigDecimal amount) {}

  private static final Map<String, Unit> UNITS = Map.of(
      "http://www.ontology-of-units-of-measure.org/resource/om-2/kilogram", Unit.KILOGRAMS,
      "http://www.ontology-of-units-of-measure.org/resource/om-2/hour", Unit.HOURS,
      "http://www.ontology-of-units-of-measure.org/resource/om-2/one", Unit.ITEMS);

  private static final ObjectMapper JSON = new ObjectMapper();
  private final NetworkLinkedData data;

  public NetworkQuestions(NetworkLinkedData data) {
    this.data = data;
  }

  /** {@link #SOVEREIGNTY}, asked. */
  public List<Met> sovereignty() {
    return met(SOVEREIGNTY);
  }

  /** {@link #SOVEREIGNTY_FROM_EVENTS}, asked: the same, the slow way. */
  public List<Met> sovereigntyFromEvents() {
    return met(SOVEREIGNTY_FROM_EVENTS);
  }

  private List<Met> met(String query) {
    List<Met> out = new ArrayList<>();
    for (String[] row : rows(query)) {
      out.add(new Met(YearMonth.parse(row[0]), row[1], unit(row[2]), new BigDecimal(row[3])));
    }
    return out;
  }

  /** {@link #DUE_FOR_REVIEW}, asked, for {@code by}. */
  public List<Due> dueForReview(java.time.LocalDate by) {
    List<Due> out = new ArrayList<>();
    for (String[] row : rows(DUE_FOR_REVIEW.formatted(by))) {
      out.add(new Due(row[0], row[1], java.time.LocalDate.parse(row[2])));
    }
    return out;
  }

  /**
   * {@link #IF_FALTERS}, asked of the graph of the collective at {@code actor}, for its partner
   * {@code partner} (an agent IRI, {@code urn:lattice:collective:<id>}): per need, the others.
   */
  public SortedMap<String, List<String>> ifFalters(String actor, String partner) {
    SortedMap<String, List<String>> out = new TreeMap<>();
    for (String[] row : rows(IF_FALTERS.formatted(actor, partner))) {
      List<String> others = out.computeIfAbsent(row[0], n -> new ArrayList<>());
      if (!row[1].isEmpty()) {
        others.add(row[1]);
      }
    }
    return out;
  }

  /** {@link #TRADE_FLOWS}, asked. */
  public List<Flow> tradeFlows() {
    List<Flow> out = new ArrayList<>();
    for (String[] row : rows(TRADE_FLOWS)) {
      out.add(new Flow(row[0], row[1], unit(row[2]), new BigDecimal(row[3])));
    }
    return out;
  }

  /** The rows of {@code query}'s answer (SPARQL JSON results), each the values of its variables in order. */
  private List<String[]> rows(String query) {
    SparqlEndpoint.Answer a = data.query(query, SparqlEndpoint.JSON);
    if (a.status() != 200) {
      throw new IllegalStateException("the question was not answered (" + a.status() + "): "
          + new String(a.body(), StandardCharsets.UTF_8));
    }
    try {
      JsonNode answer = JSON.readTree(a.body());
      List<String> vars = new ArrayList<>();
      answer.path("head").path("vars").forEach(v -> vars.add(v.asText()));
      List<String[]> rows = new ArrayList<>();
      for (JsonNode binding : answer.path("results").path("bindings")) {
        rows.add(vars.stream().map(v -> binding.path(v).path("value").asText()).toArray(String[]::new));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("the endpoint's answer does not read as SPARQL JSON results", e);
    }
  }

  private static Unit unit(String iri) {
    Unit u = UNITS.get(iri);
    if (u == null) {
      throw new IllegalStateException("a unit the questions do not know: " + iri);
    }
    return u;
  }
}
