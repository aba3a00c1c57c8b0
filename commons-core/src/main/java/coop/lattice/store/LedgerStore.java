package coop.lattice.store;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The small SPI under a ledger: append records, read them back, keep the latest checkpoint.
 *
 * <p>A store holds opaque records (the canonical bytes of ledger entries) numbered from 0. It
 * knows nothing of entries, hashes or signatures; the {@link coop.lattice.ledger.Ledger} on top of
 * it verifies those. What a store does promise:
 *
 * <ul>
 *   <li>{@link #append} makes records readable at once, in order, and all-or-nothing per call;
 *   <li>{@link #sync} makes everything appended so far durable before it returns (stores that
 *       are not durable return at once); a durable store that finds, when it opens, fewer records
 *       than its syncs acknowledged reports that as {@linkplain #damage() damage}, never as a
 *       shorter store;
 *   <li>{@link #writeCheckpoint} replaces the stored checkpoint atomically: after a crash the
 *       old one or the new one is there, never a mix;
 *   <li>a store that found damage while opening reports it in {@link #damage()} and refuses
 *       {@link #append} until an operator calls {@link #truncate}.
 * </ul>
 *
 * <p>Implementations must allow one appending thread and any number of reading threads at once.
 *
 * <pre>{@code
 * try (LedgerStore store = LedgerStore.fileJournal(Path.of("riverside-ledger"))) {
 *   Collective coop = Collective.open(store, key, Clock.systemUTC());
 * }
 * }</pre>
 */
public interface LedgerStore extends Closeable {

  /** A store in the heap: for tests, and for apps that persist entries elsewhere. */
  static LedgerStore inMemory() {
    return new InMemoryStore();
  }

  /** The durable embedded default: a {@link FileJournal} in {@code directory} (created if absent). */
  static LedgerStore fileJournal(Path directory) {
    return FileJournal.open(directory);
  }

  /** Number of records. */
  long size();

  /** Appends {@code records} in order, as one unit. Throws if the store is damaged or failed. */
  void append(List<byte[]> records);

  /** Blocks until every record appended so far is durable. Concurrent callers share one flush. */
  void sync();

  /** The record at {@code index}. */
  byte[] read(long index);

  /** Records {@code from} (inclusive) to {@code to} (exclusive), in order. */
  List<byte[]> read(long from, long to);

  /**
   * Streams records {@code from} (inclusive) to {@code to} (exclusive) to {@code visitor}, in
   * order. Stores override this when they can read in bulk; verification on open uses it.
   */
  default void scan(long from, long to, RecordVisitor visitor) {
    for (long i = from; i < to; i++) {
      visitor.visit(i, read(i));
    }
  }

  /**
   * Copies records {@code from} (inclusive) to {@code to} (exclusive) one after the other into
   * {@code into}, or into a new, larger array if they do not fit, and returns the array used;
   * {@code ends[k]} (which holds at least {@code to - from}) is set to where record {@code from +
   * k} ends in it. For reading many records
   * without an array each, as a ledger does when it opens: it reuses its arrays. Stores override
   * this when they can copy in bulk.
   */
  default byte[] readInto(long from, long to, byte[] into, int[] ends) {
    byte[] out = into;
    int at = 0;
    for (long i = from; i < to; i++) {
      byte[] r = read(i);
      if (at + r.length > out.length) {
        out = Arrays.copyOf(out, Math.max(2 * out.length, at + r.length));
      }
      System.arraycopy(r, 0, out, at, r.length);
      at += r.length;
      ends[(int) (i - from)] = at;
    }
    return out;
  }

  /** Receives records from {@link #scan}. */
  @FunctionalInterface
  interface RecordVisitor {
    void visit(long index, byte[] record);
  }

  /** The latest checkpoint, if one was written. */
  Optional<StoredCheckpoint> checkpoint();

  /** Durably and atomically replaces the checkpoint. {@code size} is the number of records it covers. */
  void writeCheckpoint(long size, byte[] signedCheckpoint);

  /** Damage found when the store was opened, if any. */
  Optional<Damage> damage();

  /**
   * Why this store stopped, if it did: after an I/O error while writing or forcing, a durable store
   * cannot know which bytes reached the disk, so it refuses every append from then on ({@link
   * coop.lattice.StoreFailedException}) until it is reopened. Empty while it works, and always for
   * stores that cannot fail that way. A read-only query, cheap enough for a health check.
   */
  default Optional<String> failure() {
    return Optional.empty();
  }

  /**
   * The files this store keeps beside the ledger that never leave the collective (sealed claim
   * details, members' profiles), encrypted by the collective before they arrive. Backups of the
   * store must include them. Stores that keep none return {@link PrivateArea#none()}.
   */
  default PrivateArea privateArea() {
    return PrivateArea.none();
  }

  /**
   * An operator's deliberate repair: cut the store back to its first {@code size} records, drop a
   * checkpoint that covers more, and clear the damage. Use it only after deciding that what lies
   * beyond is lost (for example, to fetch it again from a peer).
   */
  void truncate(long size);

  @Override
  void close();

  /** The stored checkpoint bytes and the number of records they cover. */
  record StoredCheckpoint(long size, byte[] bytes) {
    public StoredCheckpoint {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /**
   * Damage found on open.
   *
   * @param firstBadIndex the index of the first record that is missing or failed its check
   * @param reason what was found, in words an operator can act on
   */
  record Damage(long firstBadIndex, String reason) {}
}
