package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import coop.lattice.CollectiveId;
import coop.lattice.KeyNotInForceException;
import coop.lattice.LatticeException;
import coop.lattice.LedgerDamagedException;
import coop.lattice.MemberId;
import coop.lattice.NewerFormatException;
import coop.lattice.Progress;
import coop.lattice.merkle.ConsistencyProof;
import coop.lattice.merkle.Hash;
import coop.lattice.merkle.InclusionProof;
import coop.lattice.merkle.MerkleTree;
import coop.lattice.store.LedgerStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A collective's append-only, tamper-evident ledger: entries in canonical bytes on a {@link
 * LedgerStore}, hashed into an RFC 9162 {@link MerkleTree}, vouched for by signed checkpoints.
 *
 * <p>Each entry carries the leaf hash of the one before it, so a missing, reordered or altered
 * entry breaks the chain at a known index; the Merkle tree gives compact proofs that an entry is
 * in the ledger and that the ledger only ever grew.
 *
 * <p>Opening a ledger re-verifies everything: every record's checksum (in the store), canonical
 * form, sequence number, collective and chain link, then the latest checkpoint's signature and
 * root. A ledger that fails is still readable up to the damage, but {@linkplain #damage()
 * refuses to append} until an operator acts.
 *
 * <p>Most applications use a {@link coop.lattice.collective.Collective}, which validates commands
 * and keeps the state; the ledger is the layer underneath it, and what peers verify. Appends are
 * serialized; reads, roots and proofs may run concurrently with them.
 */
public final class Ledger {
  private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

  private final LedgerStore store;
  /** The key the ledger was opened or created with: the key in force, once every entry is read; null if lost. */
  private final @Nullable VerificationKey key;
  private volatile KeyHistory keys;
  private final MerkleTree tree = new MerkleTree();
  private final Object appendLock = new Object();
  private volatile @Nullable CollectiveId collective;
  private volatile LedgerStore.@Nullable Damage damage;

  private Ledger(LedgerStore store, @Nullable VerificationKey key) {
    this.store = store;
    this.key = key;
    // Without a key (lost), entry 0 names the founding key before anything reads it; an empty store is refused.
    this.keys = KeyHistory.founding(key != null ? key : CollectiveKey.fromSeed(new byte[32]).verificationKey());
  }

  /** Receives each verified entry while a ledger opens, in order: how state is rebuilt. */
  @FunctionalInterface
  public interface EntryVisitor {
    void visit(Entry entry);
  }

  /**
   * Opens the ledger in {@code store}, verifying every entry, and hands each verified entry to
   * {@code visitor} in order; {@code key} must be the key in force (entry 0's, or the last one a
   * change of key put in force: {@link #keys()}), or null for a ledger whose key in force is lost,
   * which appends but signs nothing until a recovery puts a new key in force. An empty store gives
   * an empty ledger.
   *
   * <p>Damage does not throw here: check {@link #damage()}. If the visitor rejects an entry
   * (throws a {@link LatticeException}), that entry counts as damage too; one it cannot read as it
   * was written by a newer version ({@link NewerFormatException}) is thrown as it is.
   */
  public static Ledger open(LedgerStore store, VerificationKey key, EntryVisitor visitor) {
    return open(store, key, visitor, Progress.none());
  }

  /** As {@link #open(LedgerStore, VerificationKey, EntryVisitor)}, telling {@code progress} how many entries are verified. */
  public static Ledger open(LedgerStore store, @Nullable VerificationKey key, EntryVisitor visitor, Progress progress) {
    checkArgument(key != null || store.size() > 0, "an empty ledger is opened with its key");
    Ledger l = new Ledger(store, key);
    long stored = store.size();
    l.verifyAndLoad(visitor, progress, stored);
    progress.update(stored, stored);
    LedgerStore.Damage d = l.damage;
    if (d == null && stored > 0 && key != null && !l.keys.current().equals(key)) {
      throw new KeyNotInForceException("The key given to open the ledger in " + store + " (" + key + ") is not its key"
          + " in force (" + l.keys.current() + ", since entry " + (l.keys.periods().size() == 1 ? 0
          : l.keys.periods().get(l.keys.periods().size() - 1).from() - 1) + "): open it with that key.");
    }
    if (d != null) {
      // Logged here as well as thrown by Collective.open: an application may catch the exception
      // and go on read-only, and the operator still has to learn that the journal needs them.
      LOG.error("The ledger of {} in {} is damaged at entry {}: {}. It refuses appends until it is restored or"
          + " truncated to {} entries.", l.collective().map(CollectiveId::value).orElse("an unknown collective"),
          store, d.firstBadIndex(), d.reason(), d.firstBadIndex());
    }
    return l;
  }

  /** Records per unit of parallel work while verifying on open. */
  private static final int CHUNK = 4096;

  /**
   * Verifies every stored record and feeds the good prefix to the tree and the visitor.
   *
   * <p>Decoding, the canonical-form check, leaf hashing and the chain links within a chunk are
   * independent of other chunks, so they run in parallel, chunk by chunk; the rest of the checks,
   * the link into each chunk, the tree and the visitor then consume the chunks strictly in order
   * on this thread, so the first bad index is the same as a sequential scan would find.
   */
  private void verifyAndLoad(EntryVisitor visitor, Progress progress, long stored) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    // A small ledger is verified on this thread; threads pay off only from a few chunks on.
    ExecutorService pool = stored <= 2L * CHUNK
        ? MoreExecutors.newDirectExecutorService()
        : Executors.newFixedThreadPool(threads, r -> {
          Thread t = new Thread(r, "lattice-verify");
          t.setDaemon(true);
          return t;
        });
    try {
      ArrayDeque<Future<DecodedChunk>> inFlight = new ArrayDeque<>();
      ArrayDeque<DecodedChunk> done = new ArrayDeque<>(); // whose arrays the next chunks reuse
      Function<Entry, ?> prepare = visitor instanceof PreparingVisitor<?> p ? p::prepare : null;
      long next = 0;
      Hash prev = null;
      while (next < stored || !inFlight.isEmpty()) {
        while (next < stored && inFlight.size() < 2 * threads) {
          long from = next;
          int n = (int) Math.min(CHUNK, stored - from);
          DecodedChunk old = done.poll();
          int[] ends = old == null ? new int[CHUNK] : old.ends;
          byte[] block = store.readInto(from, from + n, old == null ? new byte[0] : old.block, ends);
          inFlight.add(pool.submit(() -> DecodedChunk.of(from, block, ends, n, prepare)));
          next = from + n;
        }
        DecodedChunk chunk = Futures.getUnchecked(inFlight.poll());
        done.add(chunk);
        for (int k = 0; k < chunk.entries.length; k++) {
          long i = chunk.from + k;
          Entry e = chunk.entries[k];
          boolean linked = k == 0 ? e != null && Objects.equals(e.previous(), prev) : chunk.linked[k];
          String problem = e == null ? chunk.problem : checkEntry(i, e, linked, chunk, k, visitor);
          if (problem != null) {
            damage = new LedgerStore.Damage(i, problem);
            inFlight.forEach(f -> f.cancel(true));
            return;
          }
          tree.appendLeafHash(chunk.leaves[k]);
          prev = chunk.leaves[k];
        }
        if (chunk.from + chunk.entries.length < stored) {
          progress.update(chunk.from + chunk.entries.length, stored);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    Optional<LedgerStore.Damage> storeDamage = store.damage();
    if (storeDamage.isPresent()) {
      damage = storeDamage.get();
      return;
    }
    Optional<LedgerStore.StoredCheckpoint> checkpoint = store.checkpoint();
    if (checkpoint.isPresent()) {
      damage = OpenedCheckpoint.check(checkpoint.get(), keys, collective, tree);
    }
  }

  /**
   * What is wrong with entry {@code i} (entry {@code k} of {@code chunk}), or null once {@code visitor} took it;
   * {@code linked}: it names the leaf hash of entry {@code i - 1}.
   */
  private @Nullable String checkEntry(long i, Entry e, boolean linked, DecodedChunk chunk, int k, EntryVisitor visitor) {
    if (e.sequence() != i) {
      return "entry " + i + " carries sequence number " + e.sequence() + ": entries are missing or out of order";
    }
    if (i == 0) {
      if (!(e.event() instanceof Event.CollectiveFounded f)) {
        return "entry 0 is not the founding of a collective";
      }
      try {
        keys = KeyHistory.founding(VerificationKey.fromBase64Url(f.publicKey()));
      } catch (IllegalArgumentException ex) {
        return "entry 0 names no valid collective key: " + ex.getMessage();
      }
      collective = e.collective();
    } else {
      if (!e.collective().equals(collective)) {
        return "entry " + i + " belongs to collective " + e.collective() + ", not " + collective;
      }
      if (!linked) {
        return "entry " + i + " does not follow entry " + (i - 1) + ": the hash chain is broken";
      }
    }
    try {
      KeyHistory next = keys.after(e, tree::root);
      chunk.visit(k, visitor);
      if (next != keys) { // a volatile write only where the key changes, not once per entry read
        keys = next;
      }
    } catch (NewerFormatException ex) {
      throw ex;
    } catch (LatticeException | IllegalArgumentException ex) {
      return "entry " + i + " breaks the collective's rules: " + ex.getMessage();
    }
    return null;
  }

  // ------------------------------------------------------------------------------------ writing
  /** A new entry's content before the ledger gives it a sequence number and chain link. */
  public record Draft(Instant time, MemberId author, Event event) {}

  /** Starts a new collective's ledger in an empty {@code store}: the first append founds it, naming {@code key}. */
  public static Ledger create(LedgerStore store, CollectiveId collective, VerificationKey key) {
    checkArgument(store.size() == 0, "the store already holds %s records; open it instead", store.size());
    Ledger l = new Ledger(store, key);
    l.collective = collective;
    return l;
  }

  /** Appends one entry (not yet durable: see {@link #sync()}). A change of key is appended on its own. */
  public Entry append(Instant time, MemberId author, Event event) {
    return appendAll(List.of(new Draft(time, author, event))).get(0);
  }

  /**
   * Appends entries in order as one unit: all of them reach the store or none do. They are
   * readable at once and durable after {@link #sync()}.
   *
   * @throws LedgerDamagedException if the ledger failed verification
   */
  public List<Entry> appendAll(List<Draft> drafts) {
    synchronized (appendLock) {
      checkWritable();
      CollectiveId id = Objects.requireNonNull(collective);
      long n = tree.size();
      Hash prev = n == 0 ? null : tree.leafHashAt(n - 1);
      List<Entry> entries = new ArrayList<>(drafts.size());
      List<byte[]> records = new ArrayList<>(drafts.size());
      List<Hash> leaves = new ArrayList<>(drafts.size());
      KeyHistory history = keys;
      for (Draft d : drafts) {
        if (n == 0) {
          checkArgument(d.event() instanceof Event.CollectiveFounded f && f.publicKey().equals(key.base64Url()),
              "entry 0 must found the collective with its own key");
        } else {
          checkArgument(!(d.event() instanceof Event.CollectiveFounded), "a collective is founded only once");
        }
        Entry e = new Entry(n++, d.time(), id, d.author(), d.event(), prev);
        history = history.after(e, tree::root); // refuses a change of key that is not signed as it must be
        byte[] bytes = EntryCodec.encode(e);
        prev = MerkleTree.leafHash(bytes);
        entries.add(e);
        records.add(bytes);
        leaves.add(prev);
      }
      store.append(records); // all or nothing; the tree follows only once the store has them
      for (Hash h : leaves) {
        tree.appendLeafHash(h);
      }
      keys = history;
      return entries;
    }
  }

  /** Makes every appended entry durable (group commit in durable stores). */
  public void sync() {
    store.sync();
  }

  /** Signs a checkpoint of the current size and root with {@code signer}, the key in force, and stores it. */
  public SignedCheckpoint checkpoint(CollectiveKey signer, Instant time) {
    checkArgument(signer.verificationKey().equals(keys.current()), "this is not the key in force of the collective's"
        + " ledger (%s)", keys.current());
    synchronized (appendLock) {
      checkWritable();
      long size = tree.size();
      SignedCheckpoint cp = new Checkpoint(Objects.requireNonNull(collective), size, tree.root(size), time).sign(signer);
      store.writeCheckpoint(size, cp.toBytes());
      return cp;
    }
  }

  private void checkWritable() {
    LedgerStore.Damage d = damage;
    if (d != null) {
      throw new LedgerDamagedException(d.firstBadIndex(), "the ledger refuses to append: " + d.reason()
          + ". Restore it from a backup or a peer, or truncate the store to " + d.firstBadIndex()
          + " entries once you accept losing what follows.");
    }
  }

  // ------------------------------------------------------------------------------------ reading

  /** The collective this ledger belongs to; empty only for an empty store. */
  public Optional<CollectiveId> collective() {
    return Optional.ofNullable(collective);
  }

  /** The key in force: the one that signs this ledger's checkpoints from now on. */
  public VerificationKey verificationKey() {
    return keys.current();
  }

  /** Every key this ledger was signed with, and the checkpoint sizes each signs. */
  public KeyHistory keys() {
    return keys;
  }

  /** Number of verified entries. */
  public long size() {
    return tree.size();
  }

  public Hash root() {
    return tree.root();
  }

  public Hash root(long size) {
    return tree.root(size);
  }

  public Entry entry(long index) {
    checkState(index < tree.size(), "no entry %s in a ledger of %s", index, tree.size());
    return EntryCodec.decode(store.read(index), Entry.class);
  }

  /** The canonical bytes of entry {@code index}, exactly as hashed. */
  public byte[] entryBytes(long index) {
    checkState(index < tree.size(), "no entry %s in a ledger of %s", index, tree.size());
    return store.read(index);
  }

  /** Entries {@code from} (inclusive) to {@code to} (exclusive). */
  public List<Entry> entries(long from, long to) {
    checkArgument(0 <= from && from <= to && to <= tree.size(), "range %s..%s outside 0..%s", from, to, tree.size());
    List<Entry> out = new ArrayList<>((int) (to - from));
    store.scan(from, to, (i, b) -> out.add(EntryCodec.decode(b, Entry.class)));
    return out;
  }

  public Hash leafHash(long index) {
    return tree.leafHashAt(index);
  }

  /** Proof that entry {@code index} is in the ledger at its current size. */
  public InclusionProof inclusionProof(long index) {
    return tree.inclusionProof(index, tree.size());
  }

  public InclusionProof inclusionProof(long index, long size) {
    return tree.inclusionProof(index, size);
  }

  /** Proof that the ledger at {@code size1} is a prefix of the ledger at {@code size2}. */
  public ConsistencyProof consistencyProof(long size1, long size2) {
    return tree.consistencyProof(size1, size2);
  }

  /** The latest stored checkpoint, verified when the ledger opened. */
  public Optional<SignedCheckpoint> latestCheckpoint() {
    return store.checkpoint().map(c -> SignedCheckpoint.parse(c.bytes()));
  }

  /** Damage found while opening; while present, every append throws {@link LedgerDamagedException}. */
  public Optional<LedgerStore.Damage> damage() {
    return Optional.ofNullable(damage);
  }

  /**
   * Why the store under this ledger stopped after a storage failure, if it did ({@link
   * LedgerStore#failure()}); from then on every append throws {@link coop.lattice.StoreFailedException}.
   * With {@link #damage()}, what a health check asks: the ledger takes appends when both are empty.
   */
  public Optional<String> failure() {
    return store.failure();
  }

  /** Checks an entry's canonical bytes against an inclusion proof and a root someone vouched for. */
  public static boolean verifyInclusion(byte[] entryBytes, InclusionProof proof, Hash root) {
    return proof.verify(MerkleTree.leafHash(entryBytes), root);
  }
}
