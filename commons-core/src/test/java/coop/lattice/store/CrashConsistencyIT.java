package coop.lattice.store;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.collective.Collective;
import coop.lattice.ledger.Ledger;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash consistency with a real process: a child JVM appends in a loop and reports each durable
 * batch; we SIGKILL it at random moments and check, after every reopen, that every acknowledged
 * entry is there, any torn tail is gone, and the whole log verifies.
 */
class CrashConsistencyIT {
  static final int KILLS = Integer.getInteger("lattice.crash.kills", 24);

  @TempDir Path dir;

  @Test
  void everyAcknowledgedEntrySurvivesSigkill() throws Exception {
    Random random = new Random(20261126L);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    long acknowledged = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Process child = new ProcessBuilder(java, "-cp", cp, CrashWriter.class.getName(), dir.toString(),
          Long.toString(random.nextLong())).redirectErrorStream(true).start();
      int waitFor = 1 + random.nextInt(30);
      int seen = 0;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          if (line.startsWith("durable ")) {
            acknowledged = Long.parseLong(line.substring(8));
            if (++seen == waitFor) {
              break;
            }
          } else if (!line.startsWith("opened ")) {
            throw new AssertionError("child said: " + line);
          }
        }
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
        child.waitFor();
      }
      assertThat(seen).as("acks before kill %s", kill).isEqualTo(waitFor);

      try (FileJournal j = FileJournal.open(dir, 1 << 20)) {
        assertThat(j.damage()).as("damage after kill %s", kill).isEmpty();
        assertThat(j.size()).as("entries after kill %s", kill).isGreaterThanOrEqualTo(acknowledged);
        Ledger ledger = Ledger.open(j, JournalFixture.KEY.verificationKey(), e -> {
          if (e.sequence() >= 3) {
            assertThat(e.event()).isEqualTo(CrashWriter.expected(e.sequence()));
          }
        });
        assertThat(ledger.damage()).isEmpty();
        assertThat(ledger.size()).isEqualTo(j.size());
      }
      try (FileJournal j = FileJournal.open(dir, 1 << 20)) {
        assertThat(j.tornBytesCut()).as("a second open finds no torn tail").isZero();
        Collective c = JournalFixture.open(j); // the collective's own rules accept every entry too
        assertThat(c.ledger().size()).isGreaterThanOrEqualTo(acknowledged);
        List<Path> segs = JournalFixture.segments(dir);
        assertThat(segs).isNotEmpty();
      }
    }
    assertThat(acknowledged).isGreaterThan(KILLS);
  }
}
