package coop.lattice.federation.node;

import static coop.lattice.federation.node.PartitionIT.balances;
import static coop.lattice.federation.node.PartitionIT.equalAndOpposite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.exchange.RoundId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 8: a node of the previous build ({@link PreviousBuild}, commit {@code 251bba6},
 * which knows no clearing rounds) interlocks with two nodes of this build, each in a process of its
 * own: the repair café runs the old build, the food co-op and the childcare co-op this one. Trades
 * complete both ways between old and new; a clearing round the co-op proposes to the café and the
 * childcare co-op reaches the café, which takes its entries without refusing them (no dead letter on
 * either current node) but cannot join, so the round lapses at its closing naming the café as
 * silent, on the co-op's ledger and on the childcare co-op's, and no balance moves; the café's copy
 * of the co-op's ledger, pulled to the co-op's signed checkpoint with the round's entries held
 * unread, is as long as the co-op's ledger; the current nodes' copies of the café's ledger are
 * equal; and trades after the round still complete.
 *
 * <p>The co-op coordinates without consenting to join rounds itself ({@link TradingNode#COORDINATES_ONLY}):
 * an agreement that sets {@code clearing-rounds} is a format-1 entry with a parameter the previous
 * build does not know, and that build cannot decode it, so it could not copy such a ledger at all
 * (the childcare co-op's, here; docs/federation.md, "Nodes of different versions", says so).
 */
class PreviousBuildIT {
  static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void aNodeOfThePreviousBuildInterlocksWithTwoOfThisOne(@TempDir Path dir) throws Exception {
    try (ThreeNodes nodes = ThreeNodes.start(dir, PreviousBuildIT::jvm)) {
      TradingProcess f = nodes.food();
      TradingProcess x = nodes.fixit();
      TradingProcess c = nodes.care();
      // The café's process runs the previous build: it knows no clearing rounds.
      assertThatThrownBy(() -> x.ask("rounds", "rounds", WAIT)).hasMessageContaining("unknown command rounds");
      // Old and new each take every kind of step: the co-op gives the café 5 kg and gets 1 back;
      // the café gives the childcare co-op 4; the childcare co-op gives the co-op 3.
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
      equalAndOpposite(before);

      // A round over the cycle, open five seconds: the childcare co-op joins, the café cannot.
      long proposed = System.nanoTime();
      String round = f.ask("round fixit,care 5", "proposed", WAIT).substring("proposed ".length());
      c.await(l -> l.equals("round " + round + " JOINED"), WAIT);
      f.await(l -> l.equals("round " + round + " LAPSED"), WAIT);
      c.await(l -> l.equals("round " + round + " LAPSED"), WAIT);
      System.out.println("PreviousBuildIT: round " + round + " lapsed on both current ledgers "
          + (System.nanoTime() - proposed) / 1_000_000 + " ms after it was proposed (open 5 s)");
      assertThat(f.ask("silent " + round, "silent", WAIT)).isEqualTo("silent " + round + " fixit");
      assertThat(c.ask("silent " + round, "silent", WAIT)).isEqualTo("silent " + round + " fixit");
      assertThat(balances(f, x, c)).isEqualTo(before);
      // The café's node took every entry it was sent, the round's among them: nothing was refused.
      assertThat(f.ask("deadletters", "deadletters", WAIT)).isEqualTo("deadletters 0");
      assertThat(c.ask("deadletters", "deadletters", WAIT)).isEqualTo("deadletters 0");

      // The café's copy of the co-op's ledger reaches the co-op's signed checkpoint, round entries
      // included (held unread: the old build cannot fold them, so its state digest is its own);
      // the childcare co-op's copy is as long.
      long foodSize = size(f.ask("checkpoint", "checkpoint", WAIT), 1);
      String foodAtCafe = x.ask("mirror food", "mirrored food", WAIT);
      String foodAtCare = c.ask("mirror food", "mirrored food", WAIT);
      System.out.println("PreviousBuildIT: the co-op's ledger has " + foodSize + " entries; at the café (" + PreviousBuild.COMMIT
          + "): " + foodAtCafe + "; at the childcare co-op: " + foodAtCare);
      assertThat(foodSize).as("the round's proposal and lapse are in the checkpoint")
          .isGreaterThan(RoundId.parse(round).entry() + 1);
      assertThat(size(foodAtCafe, 2)).isEqualTo(foodSize);
      assertThat(size(foodAtCare, 2)).isEqualTo(foodSize);

      // The old node's ledger reads normally here: both current copies have its size and the same state digest.
      long fixitSize = size(x.ask("checkpoint", "checkpoint", WAIT), 1);
      String fixitAtFood = f.ask("mirror fixit", "mirrored fixit", WAIT);
      assertThat(fixitAtFood).isEqualTo(c.ask("mirror fixit", "mirrored fixit", WAIT));
      assertThat(size(fixitAtFood, 2)).isEqualTo(fixitSize);

      // Trading goes on after the round, both ways.
      f.ask("offer fixit 2", "offered", WAIT);
      x.ask("offer food 1", "offered", WAIT);
      f.acknowledged(5, WAIT);
      x.acknowledged(5, WAIT);
      Map<String, Map<String, BigDecimal>> after = balances(f, x, c);
      assertThat(after.get("food").get("fixit")).isEqualByComparingTo("5");
      equalAndOpposite(after);
      assertThat(f.ask("deadletters", "deadletters", WAIT)).isEqualTo("deadletters 0");
      assertThat(c.ask("deadletters", "deadletters", WAIT)).isEqualTo("deadletters 0");
      nodes.quit();
    }
  }

  /**
   * The café on the previous build; the co-op on this one, without consenting to join rounds
   * ({@link TradingNode#COORDINATES_ONLY}); the childcare co-op on this one.
   */
  private static List<String> jvm(String name) {
    if (name.equals("fixit")) {
      return PreviousBuild.jvmOptions();
    }
    List<String> options = new ArrayList<>(TradingProcess.thisBuild());
    if (name.equals("food")) {
      options.add(0, "-D" + TradingNode.COORDINATES_ONLY + "=true");
    }
    return options;
  }

  /** Word {@code at} of {@code line}, a size: {@code checkpoint N} or {@code mirrored ID N DIGEST}. */
  private static long size(String line, int at) {
    return Long.parseLong(line.split(" ")[at]);
  }
}
