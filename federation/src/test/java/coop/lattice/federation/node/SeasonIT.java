package coop.lattice.federation.node;

import static coop.lattice.federation.node.PartitionIT.balances;
import static coop.lattice.federation.node.PartitionIT.equalAndOpposite;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's season, with three real node processes (a food co-op, a repair café, a childcare
 * co-op) driven through the public API: trades in both directions leave a cycle of debt; the co-op
 * proposes a clearing round over the network and the nodes take every other step themselves; the
 * cycle is cleared on all three ledgers, every balance equal and opposite on its two sides; each
 * ledger's copies at its two partners, folded in their own processes, are equal; and normal traffic
 * leaves not one dead letter.
 */
class SeasonIT {
  static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void aSeasonOfTradesAndAClearingRoundOverTheNetwork(@TempDir Path dir) throws Exception {
    try (ThreeNodes nodes = ThreeNodes.start(dir)) {
      TradingProcess f = nodes.food();
      TradingProcess x = nodes.fixit();
      TradingProcess c = nodes.care();
      // The co-op gives the café 5 kg and gets 1 back; the café gives the childcare co-op 4; it gives the co-op 3.
      f.ask("offer fixit 5", "offered", WAIT);
      x.ask("offer food 1", "offered", WAIT);
      x.ask("offer care 4", "offered", WAIT);
      c.ask("offer food 3", "offered", WAIT);
      f.acknowledged(3, WAIT);
      x.acknowledged(3, WAIT);
      c.acknowledged(2, WAIT);
      Map<String, Map<String, BigDecimal>> before = balances(f, x, c);
      assertThat(before.get("food").get("fixit")).isEqualByComparingTo("4");
      assertThat(before.get("food").get("care")).isEqualByComparingTo("-3");
      assertThat(before.get("fixit").get("care")).isEqualByComparingTo("4");

      // A cycle: the café owes the co-op 4, the co-op owes the childcare co-op 3, which owes the café 4.
      String round = f.ask("round fixit,care 120", "proposed", WAIT).substring("proposed ".length());
      f.await(l -> l.equals("round " + round + " COMPLETED"), WAIT);
      x.await(l -> l.equals("round " + round + " SETTLED"), WAIT);
      c.await(l -> l.equals("round " + round + " SETTLED"), WAIT);

      Map<String, Map<String, BigDecimal>> after = balances(f, x, c);
      assertThat(after.get("food").get("fixit")).isEqualByComparingTo("1");
      assertThat(after.get("food").get("care")).isEqualByComparingTo("0");
      assertThat(after.get("fixit").get("care")).isEqualByComparingTo("1");
      equalAndOpposite(after);

      // Mirrors equal: each ledger's copies at its two partners, each folded in its own process.
      for (TradingProcess p : List.of(f, x, c)) {
        p.ask("checkpoint", "checkpoint", WAIT);
      }
      assertThat(x.ask("mirror food", "mirrored food", WAIT)).isEqualTo(c.ask("mirror food", "mirrored food", WAIT));
      assertThat(f.ask("mirror fixit", "mirrored fixit", WAIT)).isEqualTo(c.ask("mirror fixit", "mirrored fixit", WAIT));
      assertThat(f.ask("mirror care", "mirrored care", WAIT)).isEqualTo(x.ask("mirror care", "mirrored care", WAIT));
      for (TradingProcess p : nodes.all()) {
        assertThat(p.ask("deadletters", "deadletters", WAIT)).isEqualTo("deadletters 0");
      }
      nodes.quit();
    }
  }
}
