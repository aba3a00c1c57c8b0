package coop.lattice.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.launcher.config.KeyFiles;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.FileJournal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as operators run it: nodes started from configuration files as child processes,
 * one following the other, a collective added and removed while a node runs, the journal commands
 * on a running node's journal, and a bad configuration that keeps a node from starting.
 */
class LauncherIT {
  static final Duration WAIT = Duration.ofSeconds(60);
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  private static String config(int port, int peerPort, String collectives) {
    return """
        node:
          base-url: http://127.0.0.1:%d
          port: %d
          directory: node-state
          allow: ["127.0.0.1:%d"]
        collectives:
        %s""".formatted(port, port, peerPort, collectives);
  }

  private static String collective(String id, String follow) {
    return """
          - id: %s
            name: %s
            journal: %s-ledger
            key-file: %s.key
            founder: ana
            founder-name: Ana
        %s""".formatted(id, id, id, id, follow.isEmpty() ? "" : "    follow: [\"" + follow + "\"]\n");
  }

  private static Path write(Path dir, String text) throws Exception {
    Files.createDirectories(dir);
    Path tmp = dir.resolve("lattice.yaml.tmp");
    Files.writeString(tmp, text);
    return Files.move(tmp, dir.resolve("lattice.yaml"), StandardCopyOption.ATOMIC_MOVE);
  }

  private static int status(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("accept", "application/activity+json").build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void twoNodesFromConfigFilesOneFollowsTheOther() throws Exception {
    int portA = ChildProcess.freePort();
    int portB = ChildProcess.freePort();
    String actorA = "http://127.0.0.1:" + portA + "/collectives/food";
    String actorB = "http://127.0.0.1:" + portB + "/collectives/repair";
    Path a = write(dir.resolve("a"), config(portA, portB, collective("food", ""))).getParent();
    Path b = write(dir.resolve("b"), config(portB, portA, collective("repair", actorA))).getParent();
    try (ChildProcess nodeA = ChildProcess.lattice(a, "node", "--config", "lattice.yaml")) {
      nodeA.await("lattice node listening on 127.0.0.1:" + portA, WAIT);
      try (ChildProcess nodeB = ChildProcess.lattice(b, "node", "--config", "lattice.yaml")) {
        nodeB.await("lattice node listening on 127.0.0.1:" + portB, WAIT);
        nodeA.await("food: accepted Follow from " + actorB, WAIT);
        nodeB.await("repair: accepted Accept from " + actorA, WAIT);
      }
    }
    // Both stopped by SIGTERM: their journals are closed, and verify reads them whole.
    try (ChildProcess verify = ChildProcess.lattice(a, "verify", "food-ledger")) {
      assertThat(verify.exitCode(WAIT)).isZero();
      assertThat(verify.output()).contains("collective: food").contains("entries verified: 2");
    }
  }

  @Test
  void aCollectiveIsAddedAndRemovedWhileTheNodeRuns() throws Exception {
    int port = ChildProcess.freePort();
    Path home = dir.resolve("n");
    write(home, config(port, 1, collective("food", "")));
    String base = "http://127.0.0.1:" + port + "/collectives/";
    try (ChildProcess node = ChildProcess.lattice(home, "node", "--config", "lattice.yaml")) {
      node.await("lattice node listening", WAIT);
      assertThat(status(base + "repair")).isEqualTo(404);
      write(home, config(port, 1, collective("food", "") + collective("repair", "")));
      node.await("repair: now hosted", WAIT);
      assertThat(status(base + "repair")).isEqualTo(200);
      write(home, config(port, 1, collective("repair", "")));
      node.await("food: no longer hosted", WAIT);
      assertThat(status(base + "food")).isEqualTo(404);
      assertThat(status(base + "repair")).isEqualTo(200);
      write(home, "node: [this is not a node section]\n");
      node.await("the changed configuration is not taken", WAIT);
      assertThat(status(base + "repair")).isEqualTo(200);
    }
  }

  @Test
  void theJournalCommandsWorkOnARunningNodesJournal() throws Exception {
    int port = ChildProcess.freePort();
    Path home = dir.resolve("n");
    write(home, config(port, 1, collective("food", "")));
    try (ChildProcess node = ChildProcess.lattice(home, "node", "--config", "lattice.yaml")) {
      node.await("lattice node listening", WAIT);
      try (ChildProcess verify = ChildProcess.lattice(home, "verify", "food-ledger")) {
        assertThat(verify.exitCode(WAIT)).as(verify.output()).isZero();
        assertThat(verify.output()).contains("entries verified: 2").contains("verified: every entry");
      }
      try (ChildProcess export = ChildProcess.lattice(home, "export", "food-ledger")) {
        assertThat(export.exitCode(WAIT)).isZero();
        assertThat(export.output().lines().filter(l -> l.startsWith("{")).count()).isEqualTo(2);
        assertThat(export.output()).contains("\"CollectiveFounded\"");
      }
      try (ChildProcess backup = ChildProcess.lattice(home, "backup", "food-ledger", "food-backup")) {
        assertThat(backup.exitCode(WAIT)).as(backup.output()).isZero();
        assertThat(backup.output()).contains("backed up 2 entries");
      }
      try (ChildProcess truncate = ChildProcess.lattice(home, "truncate", "food-ledger", "--at", "1", "--yes")) {
        assertThat(truncate.exitCode(WAIT)).isEqualTo(1);
        assertThat(truncate.output()).contains("lattice: ").contains(Long.toString(node.pid()));
      }
    }
    try (ChildProcess verifyBackup = ChildProcess.lattice(home, "verify", "food-backup")) {
      assertThat(verifyBackup.exitCode(WAIT)).isZero();
      assertThat(verifyBackup.output()).contains("entries verified: 2");
    }
    try (ChildProcess migrate = ChildProcess.lattice(home, "migrate", "food-ledger", "food-2", "--key", "food.key")) {
      assertThat(migrate.exitCode(WAIT)).as(migrate.output()).isZero();
      assertThat(migrate.output()).contains("migrated 2 entries of food to food-2; it folds to the same state");
    }
    try (ChildProcess verifyMigrated = ChildProcess.lattice(home, "verify", "food-2")) {
      assertThat(verifyMigrated.exitCode(WAIT)).as(verifyMigrated.output()).isZero();
    }
    // The members' profiles (encrypted) are in the backup too: without them it would not know who its handles are.
    Path profiles = Path.of("private", "profiles");
    assertThat(home.resolve("food-backup").resolve(profiles)).exists()
        .hasSameBinaryContentAs(home.resolve("food-ledger").resolve(profiles));
  }

  /**
   * {@code lattice rotate-key} on a collective founded with one key: the old seed becomes its secret
   * file, the new key its key file; {@code verify} reads the rotated ledger, and a node configured
   * with both opens it.
   */
  @Test
  void aLedgerKeyRotatedByTheLauncherVerifiesAndOpensWithTheNewKey() throws Exception {
    Path home = dir.resolve("r");
    Files.createDirectories(home);
    CollectiveKey key = CollectiveKey.generate();
    KeyFiles.write(home.resolve("food.key"), key.seed());
    try (FileJournal journal = FileJournal.open(home.resolve("food-ledger"))) {
      Collective.found(CollectiveId.of("food"), "food", MemberId.of("ana"), Appearance.byName("Ana"), journal, key,
          Clock.systemUTC()).checkpoint();
    }
    try (ChildProcess rotate = ChildProcess.lattice(home, "rotate-key", "food-ledger", "--key", "food.key",
        "--new-key", "food-2.key", "--secret", "food.secret", "--by", "ana")) {
      assertThat(rotate.exitCode(WAIT)).as(rotate.output()).isZero();
      assertThat(rotate.output()).contains("rotated the ledger key of food at entry 2");
    }
    try (ChildProcess again = ChildProcess.lattice(home, "rotate-key", "food-ledger", "--key", "food.key",
        "--new-key", "food-3.key", "--secret", "food.secret", "--by", "ana")) {
      assertThat(again.exitCode(WAIT)).isEqualTo(1); // the old key is no longer the one in force
      assertThat(again.output()).contains("not its key in force");
    }
    try (ChildProcess verify = ChildProcess.lattice(home, "verify", "food-ledger")) {
      assertThat(verify.exitCode(WAIT)).as(verify.output()).isZero();
      assertThat(verify.output()).contains("entries verified: 3");
    }
    int port = ChildProcess.freePort();
    write(home, config(port, 1, collective("food", "").replace("key-file: food.key",
        "key-file: food-2.key\n    secret-file: food.secret")));
    try (ChildProcess node = ChildProcess.lattice(home, "node", "--config", "lattice.yaml")) {
      node.await("lattice node listening", WAIT);
      assertThat(node.output()).contains("food: opened, 3 entries");
    }
  }

  @Test
  void truncateWithoutConfirmationChangesNothing() throws Exception {
    int port = ChildProcess.freePort();
    Path home = dir.resolve("n");
    write(home, config(port, 1, collective("food", "")));
    try (ChildProcess node = ChildProcess.lattice(home, "node", "--config", "lattice.yaml")) {
      node.await("lattice node listening", WAIT);
    }
    try (ChildProcess truncate = ChildProcess.lattice(home, "truncate", "food-ledger", "--at", "1")) {
      // No one types the confirmation: standard input is closed.
      assertThat(truncate.exitCode(WAIT)).isEqualTo(1);
      assertThat(truncate.output()).contains("not confirmed: nothing changed");
    }
    try (ChildProcess verify = ChildProcess.lattice(home, "verify", "food-ledger")) {
      assertThat(verify.exitCode(WAIT)).isZero();
      assertThat(verify.output()).contains("entries verified: 2");
    }
  }

  @Test
  void aBadConfigurationKeepsTheNodeFromStarting() throws Exception {
    Path home = dir.resolve("bad");
    write(home, config(ChildProcess.freePort(), 1, collective("food", "")).replace("  port:", "  prot:"));
    try (ChildProcess node = ChildProcess.lattice(home, "node", "--config", "lattice.yaml")) {
      assertThat(node.exitCode(WAIT)).isEqualTo(1);
      assertThat(node.output()).contains("lattice.yaml, line 3: unknown key `prot`. Did you mean `port`?")
          .doesNotContain("listening");
    }
    assertThat(home.resolve("food-ledger")).doesNotExist();
  }
}
