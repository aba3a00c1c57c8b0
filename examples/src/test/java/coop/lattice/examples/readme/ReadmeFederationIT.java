package coop.lattice.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coop.lattice.collective.CollectiveState;
import coop.lattice.collective.TradeRecord;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's federation snippet, run as written on two free loopback ports: the nodes follow
 * each other, a trade crosses in both directions, and the café's verified copy of the co-op's
 * ledger equals the co-op's own state.
 */
class ReadmeFederationIT {
  @Test
  void twoNodesFollowTradeAndMirror(@TempDir Path dir) throws Exception {
    Snippets.Run<CollectiveState> run = Snippets.run(() -> TwoNodes.followTradeAndMirror(dir, freePort(), freePort()));
    assertEquals(List.of("8", "-8", "true"), run.printed());
    CollectiveState copy = run.result();
    assertEquals(List.of(TradeRecord.Stage.ACKNOWLEDGED),
        copy.exchanges().trades().values().stream().map(TradeRecord::stage).toList(),
        "the copy holds the trade, acknowledged by the café");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
