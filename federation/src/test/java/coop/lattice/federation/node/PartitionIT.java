package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a real partition between three nodes in processes of their own (a food co-op, a repair
 * café, a childcare co-op). They trade both ways; the café's node stops (its port refuses
 * connections, and it sends nothing); the other two keep trading, and the co-op offers the café
 * more meanwhile; when the café's node returns on the same port, everything converges: every trade
 * reaches its last step on both ledgers and every balance is equal and opposite on its two sides,
 * and two partners' copies of the co-op's ledger, folded in their own processes, have the same
 * size and state digest. The time from the return to convergence is printed.
 */
class PartitionIT {
  static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void aPartitionedNodeCatchesUpAndEveryBalanceConverges(@TempDir Path dir) throws Exception {
    try (ThreeNodes nodes = ThreeNodes.start(dir)) {
      TradingProcess f = nodes.food();
      TradingProcess x = nodes.fixit();
      TradingProcess c = nodes.care();

      // Every pair trades both ways: each node is party to four trades.
      f.ask("offer fixit 2", "offered", WAIT);
      f.ask("offer care 2", "offered", WAIT);
      x.ask("offer food 3", "offered", WAIT);
      x.ask("offer care 3", "offered", WAIT);
      c.ask("offer food 5", "offered", WAIT);
      c.ask("offer fixit 5", "offered", WAIT);
      for (TradingProcess p : List.of(f, x, c)) {
        p.acknowledged(4, WAIT);
      }

      // The café's node goes away. The co-op and the childcare co-op keep trading; the co-op offers the café more.
      x.ask("partition", "partitioned", WAIT);
      f.ask("offer care 1", "offered", WAIT);
      c.ask("offer food 1", "offered", WAIT);
      f.acknowledged(6, WAIT);
      c.acknowledged(6, WAIT);
      f.ask("offer fixit 7", "offered", WAIT);

      // It comes back on the same port: the co-op's waiting offer goes through, and the trade completes on both sides.
      long healed = System.nanoTime();
      x.ask("heal", "healed", WAIT);
      x.acknowledged(5, WAIT);
      f.acknowledged(7, WAIT);
      long converged = (System.nanoTime() - healed) / 1_000_000;
      System.out.println("PartitionIT: converged " + converged + " ms after the café's node returned");

      Map<String, Map<String, BigDecimal>> b = balances(f, x, c);
      // What each owes the other, netted: the co-op gave the café 2 + 7 and got 3; gave care 2 + 1 and got 5 + 1.
      assertThat(b.get("food").get("fixit")).isEqualByComparingTo("6");
      assertThat(b.get("food").get("care")).isEqualByComparingTo("-3");
      assertThat(b.get("fixit").get("care")).isEqualByComparingTo("-2");
      equalAndOpposite(b);
      // Mirrors equal across processes: the café's and the childcare co-op's copies of the co-op's ledger,
      // each folded in its own JVM, have the same size and state digest.
      f.ask("checkpoint", "checkpoint", WAIT);
      String atCafe = x.ask("mirror food", "mirrored food", WAIT);
      String atCare = c.ask("mirror food", "mirrored food", WAIT);
      assertThat(atCafe).isEqualTo(atCare);
      nodes.quit();
    }
  }

  /** Each node's balance with each partner, in kilograms: node, then partner. */
  static Map<String, Map<String, BigDecimal>> balances(TradingProcess food, TradingProcess fixit, TradingProcess care)
      throws Exception {
    Map<String, Map<String, BigDecimal>> b = new HashMap<>();
    b.put("food", balances(food.ask("balances", "balances", WAIT)));
    b.put("fixit", balances(fixit.ask("balances", "balances", WAIT)));
    b.put("care", balances(care.ask("balances", "balances", WAIT)));
    return b;
  }

  /** Every balance is equal and opposite on its two sides. */
  static void equalAndOpposite(Map<String, Map<String, BigDecimal>> b) {
    for (String one : b.keySet()) {
      for (String other : b.get(one).keySet()) {
        assertThat(b.get(one).get(other)).as(one + " with " + other + " against " + other + " with " + one)
            .isEqualByComparingTo(b.get(other).get(one).negate());
      }
    }
  }

  /** {@code balances a=1 b=-2} as a map. */
  static Map<String, BigDecimal> balances(String line) {
    Map<String, BigDecimal> out = new HashMap<>();
    for (String kv : line.substring("balances ".length()).split(" ")) {
      String[] p = kv.split("=");
      out.put(p[0], new BigDecimal(p[1]));
    }
    return out;
  }
}
