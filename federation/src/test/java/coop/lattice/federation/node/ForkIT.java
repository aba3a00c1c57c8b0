package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a fork in three node processes. The food co-op's ledger is cut back and another history
 * appended past where it was (a truncation and re-append on its node, as a bad repair would do),
 * after the repair café and the childcare co-op had each verified a copy of it. The café, following
 * it, finds the fork in the entries it pushes; the childcare co-op, whose node was down meanwhile,
 * finds it when it comes back, in the entries the co-op's outbox kept for it. Each flags the co-op,
 * and the flag outlives a {@code kill -9} and restart of the node that found it. (A fork found by a
 * pull against a signed checkpoint is {@code MirrorIT}'s, in one process.)
 */
class ForkIT {
  static final Duration WAIT = ThreeNodes.WAIT;

  @Test
  void aForkIsFoundByEveryPartnerAndOutlivesTheirRestarts(@TempDir Path dir) throws Exception {
    try (ThreeNodes nodes = ThreeNodes.start(dir)) {
      TradingProcess f = nodes.food();
      TradingProcess x = nodes.fixit();
      TradingProcess c = nodes.care();
      f.ask("offer fixit 2", "offered", WAIT);
      x.ask("offer food 1", "offered", WAIT);
      c.ask("offer food 1", "offered", WAIT);
      f.acknowledged(3, WAIT);
      long size = Long.parseLong(f.ask("checkpoint", "checkpoint", WAIT).substring("checkpoint ".length()));
      assertThat(x.ask("mirror food", "mirrored food", WAIT)).startsWith("mirrored food " + size + " ");
      assertThat(c.ask("mirror food", "mirrored food", WAIT)).startsWith("mirrored food " + size + " ");

      // The childcare co-op's node is down while the co-op's ledger forks from entry size - 4.
      c.ask("partition", "partitioned", WAIT);
      f.ask("fork " + (size - 4), "forked", WAIT);
      String atCafe = x.await(l -> l.startsWith("flagged ") && l.contains("/collectives/food"), WAIT);
      assertThat(atCafe).contains("pushed an entry").contains("that does not follow");

      // Back, the childcare co-op's node takes the entries the co-op's outbox kept for it, and finds the fork.
      c.ask("heal", "healed", WAIT);
      String atCare = c.await(l -> l.startsWith("flagged ") && l.contains("/collectives/food"), WAIT);
      assertThat(atCare).contains("that does not follow");
      System.out.println("ForkIT: the café found it by push (" + atCafe + "); the childcare co-op on its return ("
          + atCare + ")");

      // Both flags outlive a kill -9 and restart of the node that set them.
      for (String name : new String[] {"fixit", "care"}) {
        TradingProcess again = nodes.killAndRestart(name);
        again.await(l -> l.startsWith("ready"), WAIT);
        assertThat(again.ask("flagged food", "is ", WAIT)).startsWith("is flagged food");
      }
      nodes.quit();
    }
  }
}
