package coop.lattice.federation.mirror;

import coop.lattice.LatticeException;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.KeyEvents;
import coop.lattice.ledger.KeyHistory;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.merkle.Hash;
import coop.lattice.store.LedgerStore;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the copies of partners' ledgers keep their entries: one journal per partner under the
 * node's {@code mirrors/} directory, named by the SHA-256 of the partner's actor, holding the
 * entries' canonical bytes as verified. A copy's entries are appended as it takes them and forced to
 * disk when a pull verifies them against a checkpoint; after a restart a copy is read back from its
 * journal (every entry decoded, chained and folded again, and the whole checked against the
 * checkpoint the node remembered verifying), so it is whole at once: a fork pushed right after a
 * restart is found by the push, and the entries can be read from the copy. A journal that does not
 * read back to what was verified is cut to nothing and the copy is pulled again. Without a
 * directory (a mirror in tests), copies keep their entries in memory.
 */
final class MirrorFiles {
  private static final Logger LOG = LoggerFactory.getLogger(MirrorFiles.class);

  private final @Nullable Path dir;
  private final Map<String, LedgerStore> open = new ConcurrentHashMap<>();
  private final Predicate<KeyEvents.KeyRecovered> vouched;

  MirrorFiles(@Nullable Path nodeDir, Predicate<KeyEvents.KeyRecovered> vouched) {
    this.dir = nodeDir == null ? null : nodeDir.resolve("mirrors");
    this.vouched = vouched;
  }

  /** An empty copy of {@code actor}'s ledger, its journal emptied if it held anything. */
  MirrorCopy fresh(String actor) {
    LedgerStore store = store(actor);
    if (store.size() > 0) {
      store.truncate(0);
    }
    return new MirrorCopy(store, vouched);
  }

  /**
   * The copy of {@code actor}'s ledger as its journal holds it, checked against {@code verified},
   * the checkpoint the node verified it against before it stopped, its keys derived again from
   * entry 0's ({@code founding}); an empty copy if the journal does not read back to it.
   */
  MirrorCopy restore(String actor, SignedCheckpoint verified, KeyHistory founding) {
    LedgerStore store = store(actor);
    MirrorCopy c = new MirrorCopy(store, vouched);
    c.keys = founding;
    long size = verified.checkpoint().size();
    try {
      long stored = store.size();
      for (long i = 0; i < stored; i++) {
        byte[] bytes = store.read(i);
        Entry e = LedgerJson.decode(bytes, Entry.class);
        Hash last = i == 0 ? null : c.tree.leafHashAt(i - 1);
        if (e.sequence() != i || last != null && !last.equals(e.previous())) {
          throw new IllegalStateException("entry " + i + " does not follow entry " + (i - 1));
        }
        c.take(e, bytes);
      }
      if (c.tree.size() < size || !c.tree.root(size).equals(verified.checkpoint().root())) {
        throw new IllegalStateException("its " + c.tree.size() + " entries do not add up to the checkpoint of size "
            + size + " verified before");
      }
      c.verified = verified;
      return c;
    } catch (LatticeException | IllegalArgumentException | IllegalStateException e) {
      LOG.warn("The copy of {}'s ledger kept in {} does not read back to what was verified ({}); it is pulled again",
          actor, dir, e.getMessage());
      MirrorCopy fresh = fresh(actor);
      fresh.keys = founding;
      return fresh;
    }
  }

  /** Forces {@code c}'s entries to disk (after a pull verified them). */
  static void sync(MirrorCopy c) {
    c.entries.sync();
  }

  /** Closes every journal (the node stops). */
  void close() {
    open.values().forEach(LedgerStore::close);
    open.clear();
  }

  private LedgerStore store(String actor) {
    return open.computeIfAbsent(actor, a -> {
      if (dir == null) {
        return LedgerStore.inMemory();
      }
      Path home = dir.resolve(Hashing.sha256().hashString(a, StandardCharsets.UTF_8).toString().substring(0, 32));
      try {
        Files.createDirectories(home);
        Files.writeString(home.resolve("actor"), a + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot make the directory for the copy of " + a + "'s ledger", e);
      }
      return LedgerStore.fileJournal(home);
    });
  }
}
