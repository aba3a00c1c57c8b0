package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.federation.sparql.NetworkQuestions;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's season: three collectives on three nodes in processes of their own (a food co-op, a
 * repair café, a childcare co-op) trade both ways and mirror each other; each node keeps its own
 * ledger and its two verified copies as linked data (TDB2 on disk) and writes them to one real
 * Fuseki too. The trade flows asked at each node and at Fuseki are the same, each trade counted
 * once though two ledgers hold it, and they net to the balances each collective's fold keeps.
 */
class LinkedDataSeasonIT {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void everyNodeAndFusekiAnswerAsTheFolds(@TempDir Path dir) throws Exception {
    try (FusekiServer fuseki = FusekiServer.start(dir);
        ThreeNodes nodes = ThreeNodes.start(dir, name -> List.of("-Dlattice.fuseki=" + fuseki.dataset(),
            "-cp", System.getProperty("java.class.path")))) {
      TradingProcess f = nodes.food();
      TradingProcess x = nodes.fixit();
      TradingProcess c = nodes.care();
      f.ask("offer fixit 5", "offered", ThreeNodes.WAIT);
      x.ask("offer food 1", "offered", ThreeNodes.WAIT);
      x.ask("offer care 4", "offered", ThreeNodes.WAIT);
      c.ask("offer food 3", "offered", ThreeNodes.WAIT);
      f.acknowledged(3, ThreeNodes.WAIT);
      x.acknowledged(3, ThreeNodes.WAIT);
      c.acknowledged(2, ThreeNodes.WAIT);
      for (TradingProcess p : List.of(f, x, c)) {
        p.ask("checkpoint", "checkpoint", ThreeNodes.WAIT);
      }
      for (String name : ThreeNodes.NAMES) {
        TradingProcess p = nodes.node(name);
        for (String partner : ThreeNodes.NAMES) {
          if (!partner.equals(name)) {
            p.ask("mirror " + partner, "mirrored " + partner, ThreeNodes.WAIT);
          }
        }
        p.ask("linked", "linked", ThreeNodes.WAIT);
      }

      Map<String, BigDecimal> expected = new TreeMap<>(Map.of("food>fixit", new BigDecimal("5"),
          "fixit>food", new BigDecimal("1"), "fixit>care", new BigDecimal("4"), "care>food", new BigDecimal("3")));
      for (String name : ThreeNodes.NAMES) {
        assertThat(flows(csv(nodes.port(name), NetworkQuestions.TRADE_FLOWS))).as("at %s's node", name)
            .isEqualTo(expected);
      }
      assertThat(flows(fuseki.csv(NetworkQuestions.TRADE_FLOWS))).as("at Fuseki").isEqualTo(expected);

      // The flows net to the balances each fold keeps: what the partner owes, kilograms.
      String balances = f.ask("balances", "balances", ThreeNodes.WAIT);
      assertThat(balances).contains("fixit=4").contains("care=-3");
      nodes.quit();
    }
  }

  /** {@code from>to} to the amount, from a TRADE_FLOWS answer in CSV. */
  private static Map<String, BigDecimal> flows(String csv) {
    Map<String, BigDecimal> out = new TreeMap<>();
    csv.lines().skip(1).forEach(l -> {
      String[] f = l.split(",");
      out.put(f[0].substring(f[0].lastIndexOf(':') + 1) + ">" + f[1].substring(f[1].lastIndexOf(':') + 1),
          new BigDecimal(f[3]).stripTrailingZeros());
    });
    return out;
  }

  private static String csv(int port, String query) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sparql?query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("accept", "text/csv").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }
}
