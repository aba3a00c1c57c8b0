package coop.lattice.federation.node;

import static coop.lattice.federation.node.PartitionIT.balances;
import static coop.lattice.federation.node.PartitionIT.equalAndOpposite;
import static coop.lattice.federation.node.PartitionIT.readyAndFollowing;
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
    int food = FedifyPeer.freePort();
    int fixit = FedifyPeer.freePort();
    int care = FedifyPeer.freePort();
    List<String> names = List.of("food", "fixit", "care");
    List<List<String>> partners = List.of(List.of("fixit=" + fixit, "care=" + care),
        List.of("food=" + food, "care=" + care), List.of("food=" + food, "fixit=" + fixit));
    int[] ports = {food, fixit, care};
    List<TradingProcess> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        nodes.add(TradingProcess.start(dir, names.get(i), ports[i], partners.get(i)));
      }
      TradingProcess f = nodes.get(0);
      TradingProcess x = nodes.get(1);
      TradingProcess c = nodes.get(2);
      readyAndFollowing(f, x, c);
      // A cycle: the café owes the co-op 4, the co-op owes the childcare co-op 3, which owes the café 4.
      f.ask("offer fixit 4", "offered", WAIT);
      x.ask("offer care 4", "offered", WAIT);
      c.ask("offer food 3", "offered", WAIT);
      f.acknowledged(2, WAIT);
      x.acknowledged(2, WAIT);
      c.acknowledged(2, WAIT);

      String round = f.ask("round fixit,care 60", "proposed", WAIT).substring("proposed ".length());
      int v = names.indexOf(victim);
      nodes.get(v).await(l -> l.equals("round " + round + " " + stage), WAIT);
      nodes.get(v).kill(); // kill -9, by its PID, at once
      nodes.set(v, TradingProcess.start(dir, victim, ports[v], partners.get(v)));
      nodes.get(v).await(l -> l.startsWith("ready"), WAIT);

      List<String> outcomes = new ArrayList<>();
      for (TradingProcess p : nodes) {
        outcomes.add(decided(p, round));
      }
      Map<String, Map<String, BigDecimal>> b = balances(nodes.get(0), nodes.get(1), nodes.get(2));
      equalAndOpposite(b);
      boolean completed = outcomes.get(0).equals("COMPLETED");
      System.out.println("ClearingKillIT: " + victim + " killed once " + stage + "; the round ended " + outcomes);
      if (completed) {
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
      for (TradingProcess p : nodes) {
        p.ask("quit", "bye", WAIT);
      }
    } finally {
      nodes.forEach(TradingProcess::close);
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
