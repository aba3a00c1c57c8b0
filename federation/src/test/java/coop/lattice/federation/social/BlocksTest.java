package coop.lattice.federation.social;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.federation.hosting.NodeStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A block holds whatever spelling of a host or an actor a sender uses. */
class BlocksTest {
  @Test
  void aBlockedDomainCoversItsSubdomainsAndEverySpellingOfItsHost(@TempDir Path dir) {
    NodeStore store = new NodeStore(dir);
    try {
      Blocks blocks = new Blocks(store);
      blocks.blockDomain("evil.example", "spam");
      blocks.blockDomain("bücher.example", "spam too");
      assertThat(blocks.why("https://evil.example/u")).contains("spam");
      assertThat(blocks.why("https://EVIL.example./u")).contains("spam");
      assertThat(blocks.why("https://sub.evil.example:8443/u")).contains("spam");
      assertThat(blocks.why("https://bücher.example/u")).contains("spam too");
      assertThat(blocks.why("https://xn--bcher-kva.example/u")).contains("spam too");
      assertThat(blocks.why("https://notevil.example/u")).isEmpty();
    } finally {
      store.close();
    }
  }

  @Test
  void aBlockedActorIsFoundHoweverItsOriginIsWritten(@TempDir Path dir) {
    NodeStore store = new NodeStore(dir);
    try {
      Blocks blocks = new Blocks(store);
      blocks.blockActor("https://Social.example/users/mallory", "harassment");
      assertThat(blocks.why("https://social.example:443/users/mallory")).contains("harassment");
      assertThat(blocks.why("https://social.example/users/mallory")).contains("harassment");
      assertThat(blocks.why("https://social.example/users/bob")).isEmpty();
    } finally {
      store.close();
    }
  }
}
