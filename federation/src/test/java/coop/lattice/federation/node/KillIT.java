package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: {@code kill -9} of a node in the middle of trading, then a restart on its directory.
 * Nothing it had acknowledged is lost, the trades in flight when it died all complete (the partners
 * retry what it did not take, it sends what it had not sent, and it takes each step it was due),
 * and every balance ends equal and opposite on its two sides.
 */
class KillIT {
  static final Duration WAIT = PartitionIT.WAIT;

  @Test
  void aNodeKilledMidTradeLosesNothingAndEveryTradeCompletes(@TempDir Path dir) throws Exception {
    try (ThreeNodes nodes = ThreeNodes.start(dir)) {
      TradingProcess f = nodes.food();
      TradingProcess x = nodes.fixit();
      TradingProcess c = nodes.care();
      f.ask("offer fixit 2", "offered", WAIT);
      x.ask("offer food 3", "offered", WAIT);
      f.acknowledged(2, WAIT);
      x.acknowledged(2, WAIT);

      // Trades in flight both ways, and the café's node is killed at once.
      f.ask("offer fixit 1", "offered", WAIT);
      f.ask("offer fixit 1", "offered", WAIT);
      c.ask("offer fixit 4", "offered", WAIT);
      x.ask("offer care 2", "offered", WAIT);
      x = nodes.killAndRestart("fixit");
      String again = x.await(l -> l.startsWith("ready fixit again with "), WAIT);
      long kept = Long.parseLong(again.replaceAll("\\D+", " ").trim().split(" ")[0]);
      assertThat(kept).as("what it had acknowledged before the kill is still acknowledged").isGreaterThanOrEqualTo(2);

      f.acknowledged(4, WAIT);
      c.acknowledged(2, WAIT);
      x.acknowledged(6, WAIT);
      Map<String, Map<String, BigDecimal>> b = PartitionIT.balances(f, x, c);
      assertThat(b.get("food").get("fixit")).isEqualByComparingTo("1");   // gave 2 + 1 + 1, got 3
      assertThat(b.get("care").get("fixit")).isEqualByComparingTo("2");   // gave 4, got 2
      assertThat(b.get("food").get("care")).isEqualByComparingTo("0");
      PartitionIT.equalAndOpposite(b);
      nodes.quit();
    }
  }
}
