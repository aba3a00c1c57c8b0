package coop.lattice.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coop.lattice.collective.ClearingRound;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's clearing snippet, run as written on a free loopback port: three collectives on one
 * node trade into a cycle of debt, and the round the co-op proposes clears 3 kg off each debt on
 * all three ledgers.
 */
class ReadmeClearingIT {
  @Test
  void aRoundClearsTheCycleOnAllThreeLedgers(@TempDir Path dir) throws Exception {
    Snippets.Run<List<ClearingRound>> run = Snippets.run(() -> ClearingRoundOverTheNetwork.clearACycle(dir, freePort()));
    assertEquals(List.of(ClearingRound.Stage.COMPLETED, ClearingRound.Stage.SETTLED, ClearingRound.Stage.SETTLED),
        run.result().stream().map(ClearingRound::stage).toList());
    assertEquals(List.of("food with care: 1", "food with fixit: -2", "fixit with care: 0", "fixit with food: 2",
        "care with fixit: 0", "care with food: -1"), run.printed());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
