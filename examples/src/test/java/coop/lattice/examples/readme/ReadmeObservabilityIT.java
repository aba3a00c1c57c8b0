package coop.lattice.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.FileJournal;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's observability snippets, run as written: a node started with the application's
 * registry has its meters there (no dead letters on a new node), and a journal reopens with
 * progress to its full size. A real server, so failsafe.
 */
class ReadmeObservabilityIT {
  @Test
  void aNodesMetersAreInTheRegistryItWasGiven(@TempDir Path dir) throws Exception {
    Snippets.Run<Double> run = Snippets.run(() -> Observability.meterANode(dir, freePort()));
    assertEquals(0.0, run.result());
    assertEquals(List.of("dead letters waiting: 0.0"), run.printed());
  }

  @Test
  void aJournalReopensWithProgressToItsFullSize(@TempDir Path dir) throws Exception {
    CollectiveKey key = CollectiveKey.generate();
    long size;
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = Collective.found(CollectiveId.of("food"), "Riverside Food Co-op", MemberId.of("ana"),
          Appearance.byName("Ana"), journal, key, Clock.systemUTC());
      coop.admit(MemberId.of("ana"), MemberId.of("bo"), Appearance.byName("Bo"));
      size = coop.ledger().size();
    }
    assertEquals(size, Observability.reopenWithProgress(dir, key));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
