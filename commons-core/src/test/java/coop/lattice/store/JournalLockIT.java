package coop.lattice.store;

import static coop.lattice.store.JournalFixture.build;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.StoreLockedException;
import coop.lattice.ledger.Ledger;
import coop.lattice.merkle.Hash;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per journal across processes: a child JVM holds the journal open, this process is
 * refused with the child's pid and writes nothing, and once the child is killed (by its pid) the
 * journal opens here with the same size and root.
 */
class JournalLockIT {
  @TempDir Path dir;

  @Test
  void anotherProcessHoldingTheJournalIsNamedAndNothingIsWritten() throws Exception {
    try (FileJournal j = FileJournal.open(dir)) {
      build(j, 10, true);
    }
    long size;
    Hash root;
    try (FileJournal j = FileJournal.openReadOnly(dir)) {
      Ledger l = Ledger.open(j, JournalFixture.KEY.verificationKey(), e -> {});
      size = l.size();
      root = l.root();
    }

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child = new ProcessBuilder(java, "-cp", cp, JournalHolder.class.getName(), dir.toString())
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("the child's first words").startsWith("holding ");
      long pid = Long.parseLong(line.split(" ")[1]);
      assertThat(pid).isEqualTo(child.pid()).isNotEqualTo(ProcessHandle.current().pid());
      assertThat(Long.parseLong(line.split(" ")[2])).isEqualTo(size);
      Map<String, byte[]> before = JournalLockTest.files(dir);

      assertThatThrownBy(() -> FileJournal.open(dir))
          .isInstanceOfSatisfying(StoreLockedException.class, e -> assertThat(e.holderPid()).hasValue(pid))
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("process " + pid)
          .hasMessageContaining("Stop the process that holds it, or open it read-only to verify, back up or export");

      assertThat(JournalLockTest.files(dir)).as("nothing written by the refused opener")
          .containsExactlyInAnyOrderEntriesOf(before);
      try (FileJournal j = FileJournal.openReadOnly(dir)) { // what an operator's verify does meanwhile
        Ledger l = Ledger.open(j, JournalFixture.KEY.verificationKey(), e -> {});
        assertThat(l.damage()).isEmpty();
        assertThat(l.size()).isEqualTo(size);
        assertThat(l.root()).isEqualTo(root);
      }

      ProcessHandle holder = ProcessHandle.of(pid).orElseThrow();
      holder.destroyForcibly(); // SIGKILL, by pid
      holder.onExit().get(30, TimeUnit.SECONDS);
      child.waitFor();
    } finally {
      child.destroyForcibly();
    }

    try (FileJournal j = FileJournal.open(dir)) { // the OS let go of the lock with the process
      Ledger l = Ledger.open(j, JournalFixture.KEY.verificationKey(), e -> {});
      assertThat(l.size()).isEqualTo(size);
      assertThat(l.root()).isEqualTo(root);
    }
  }
}
