package coop.lattice.federation.node;

import static coop.lattice.federation.node.PartitionIT.balances;
import static coop.lattice.federation.node.PartitionIT.equalAndOpposite;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: {@code kill -9} of a node in the middle of a clearing round, three node processes. The
 * coordinator is killed the moment it has prepared the round, or a participant the moment it has
 * committed its leg; it is started again on its journal and port. After it, the round either
 * completes on every ledger or lapses on every ledger, never half: the balances are either all
 * cleared or all as they were, and every one is equal and opposite on its two sides.
 */
class ClearingKillIT {
  static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void theCoordinatorKilledOnceItPreparedTheRound(@TempDir Path dir) throws Exception {
    killedMidRound(dir, "food", "PREPARED");
  }

  @Test
  void aParticipantKilledOnceItCommittedItsLeg(@TempDir Path dir) throws Exception {
    killedMidRound(dir, "care", "COMMITTED");
  }

  private static void killedMidRound(Path dir, String victim, String stage) throws Exception {
    try (ThreeNodes nodes = ThreeNodes.start(dir)) {
      TradingProcess f = nodes.food();
      TradingProcess x = nodes.fixit();
      TradingProcess c = nodes.care();
      // A cycle: the café owes the co-op 4, the co-op owes the childcare co-op 3, which owes the café 4.
      f.ask("offer fixit 4", "offered", WAIT);
      x.ask("offer care 4", "offered", WAIT);
      c.ask("offer food 3", "offered", WAIT);
      f.acknowledged(2, WAIT);
      x.acknowledged(2, WAIT);
      c.acknowledged(2, WAIT);

      String round = f.ask("round fixit,care 60", "proposed", WAIT).substring("proposed ".length());
      nodes.get(victim).await(l -> l.equals("round " + round + " " + stage), WAIT);
      nodes.killAndRestart(victim).await(l -> l.startsWith("ready"), WAIT); // kill -9, by its PID, at once

      List<String> outcomes = new ArrayList<>();
      for (TradingProcess p : nodes.all()) {
        outcomes.add(decided(p, round));
      }
      Map<String, Map<String, BigDecimal>> b = balances(nodes.food(), nodes.fixit(), nodes.care());
      equalAndOpposite(b);
      System.out.println("ClearingKillIT: " + victim + " killed once " + stage + "; the round ended " + outcomes);
      if (outcomes.get(0).equals("COMPLETED")) {
        assertThat(outcomes).containsExactly("COMPLETED", "SETTLED", "SETTLED");
        assertThat(b.get("food").get("fixit")).isEqualByComparingTo("1");
        assertThat(b.get("food").get("care")).isEqualByComparingTo("0");
        assertThat(b.get("fixit").get("care")).isEqualByComparingTo("1");
      } else {
        assertThat(outcomes).containsOnly("LAPSED");
        assertThat(b.get("food").get("fixit")).isEqualByComparingTo("4");
        assertThat(b.get("food").get("care")).isEqualByComparingTo("-3");
        assertThat(b.get("fixit").get("care")).isEqualByComparingTo("4");
      }
      nodes.quit();
    }
  }

  /** How {@code round} ended on {@code p}'s ledger: asked, or, while it is open there, waited for. */
  private static String decided(TradingProcess p, String round) throws Exception {
    String rounds = p.ask("rounds", "rounds", WAIT);
    for (String r : rounds.substring("rounds".length()).trim().split(" ")) {
      String[] kv = r.split("=");
      if (kv[0].equals(round) && List.of("COMPLETED", "SETTLED", "LAPSED").contains(kv[1])) {
        return kv[1];
      }
    }
    String line = p.await(l -> l.matches("round " + round + " (COMPLETED|SETTLED|LAPSED)"), WAIT);
    return line.substring(line.lastIndexOf(' ') + 1);
  }
}
