package coop.lattice.federation.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.StoreLockedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One node per directory: a second store on it is refused, names the holder and writes nothing. */
class NodeStoreLockTest {
  @TempDir Path dir;

  @Test
  void aSecondStoreOnTheSameDirectoryIsRefusedUntilTheFirstCloses() throws IOException {
    NodeStore first = new NodeStore(dir);
    first.log("flagged", NodeStore.Compaction.KEEP_ALL).append("https://a.example/u\tequivocated");
    byte[] before = Files.readAllBytes(dir.resolve("flagged.log"));

    assertThatThrownBy(() -> new NodeStore(dir))
        .isInstanceOfSatisfying(StoreLockedException.class, e -> {
          assertThat(e.directory()).isEqualTo(dir);
          assertThat(e.holderPid()).hasValue(ProcessHandle.current().pid());
        })
        .hasMessageContaining("node directory " + dir)
        .hasMessageContaining("pid " + ProcessHandle.current().pid());
    assertThat(Files.readAllBytes(dir.resolve("flagged.log"))).isEqualTo(before);

    first.close();
    NodeStore second = new NodeStore(dir);
    second.close();
  }
}
