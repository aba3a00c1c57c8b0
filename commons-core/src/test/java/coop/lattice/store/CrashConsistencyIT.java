package coop.lattice.store;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.collective.Collective;
import coop.lattice.ledger.Ledger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash consistency with a real process: a child JVM appends continuously and reports each
 * durable batch; we SIGKILL it after a random delay drawn from a seeded {@link Random}, so the
 * kill lands anywhere (computing a batch, in the middle of writing it, while forcing it, between
 * the force and the acknowledgement), and check, after every reopen, that every acknowledged
 * entry is there, any torn tail is gone, and the whole log verifies.
 *
 * <p>Every other child writes in pieces of 4 to 32 bytes ({@link PiecewiseFiles}), so that
 * kills often land inside a frame and leave a torn tail to cut; the test asserts some did. A
 * killed process leaves the page cache intact, so this test cannot tell whether the journal
 * forces anything: {@link PowerCutTest} does, over a disk that loses what was not forced.
 */
class CrashConsistencyIT {
  static final int KILLS = Integer.getInteger("lattice.crash.kills", 40);
  /** Kills land up to this long after the child says it has opened the journal. */
  static final long MAX_DELAY_MICROS = 150_000;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedEntrySurvivesSigkillAnywhere() throws Exception {
    Random random = new Random(20261126L);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    long acknowledged = 0;
    int tornTails = 0;
    int beyondAcknowledged = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      int piece = kill % 2 == 1 ? 4 + random.nextInt(29) : 0;
      long delay = random.nextLong(MAX_DELAY_MICROS);
      Process child = new ProcessBuilder(java, "-cp", cp, CrashWriter.class.getName(), dir.toString(),
          Long.toString(random.nextLong()), Integer.toString(piece)).redirectErrorStream(true).start();
      Output out = new Output(child);
      boolean exited;
      try {
        assertThat(out.opened.await(120, TimeUnit.SECONDS)).as("the child opened the journal").isTrue();
        exited = child.waitFor(delay, TimeUnit.MICROSECONDS);
      } finally {
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
        child.waitFor();
      }
      out.reader.join();
      assertThat(out.problem.get()).as("the child said").isNull();
      assertThat(exited).as("the child runs until it is killed").isFalse();
      acknowledged = Math.max(acknowledged, out.acknowledged.get());

      String when = "after kill " + kill + " (" + delay + " µs in" + (piece > 0 ? ", writing " + piece + " bytes at a"
          + " time)" : ")");
      try (FileJournal j = FileJournal.open(dir, 1 << 20)) {
        assertThat(j.damage()).as("damage " + when).isEmpty();
        assertThat(j.size()).as("entries " + when).isGreaterThanOrEqualTo(acknowledged);
        assertThat(j.acknowledgedSize()).as("acknowledged size " + when).isGreaterThanOrEqualTo(acknowledged);
        tornTails += j.tornBytesCut() > 0 ? 1 : 0;
        beyondAcknowledged += j.size() > acknowledged ? 1 : 0;
        Ledger ledger = Ledger.open(j, JournalFixture.KEY.verificationKey(), e -> {
          if (e.sequence() >= 3) {
            assertThat(e.event()).isEqualTo(CrashWriter.expected(e.sequence()));
          }
        });
        assertThat(ledger.damage()).as("ledger " + when).isEmpty();
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
    System.out.printf("CrashConsistencyIT: %d kills, %d torn tails cut, %d reopens with unacknowledged entries,"
        + " %d entries acknowledged%n", KILLS, tornTails, beyondAcknowledged, acknowledged);
    assertThat(acknowledged).isGreaterThan(KILLS);
    assertThat(tornTails).as("kills that tore a frame").isPositive();
  }

  /** Reads what a child says until it dies: the last acknowledgement, and anything unexpected. */
  private static final class Output {
    final CountDownLatch opened = new CountDownLatch(1);
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicReference<String> problem = new AtomicReference<>();
    final Thread reader;

    Output(Process child) {
      reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith("durable ")) {
              acknowledged.set(Long.parseLong(line.substring(8)));
            } else if (line.startsWith("opened ")) {
              opened.countDown();
            } else {
              problem.compareAndSet(null, line);
              opened.countDown();
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, "crash-child-output");
      reader.start();
    }
  }
}
