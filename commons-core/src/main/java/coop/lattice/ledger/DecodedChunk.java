package coop.lattice.ledger;

import coop.lattice.merkle.Hash;
import coop.lattice.merkle.MerkleTree;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One chunk of stored records as a ledger opening verifies them, in parallel with other chunks:
 * each decoded from its canonical bytes (and checked to be exactly them), its leaf hash, and
 * whether each entry after the chunk's first names the leaf hash of the one before it. Entries
 * stop (null) at the first record that is not a valid canonical entry, with the problem. What
 * depends on the chunks before it (the sequence, the link into the chunk, the collective's rules)
 * the ledger checks in order. A {@link PreparingVisitor}'s work that needs nothing from other
 * entries is done here too, entry by entry ({@link #prepared}).
 *
 * <p>The records arrive one after the other in one array ({@link
 * coop.lattice.store.LedgerStore#readInto}), which the ledger reuses for a later chunk once this
 * one is decoded: nothing decoded refers to it.
 */
final class DecodedChunk {
  final long from;
  final byte[] block;
  final int[] ends;
  final @Nullable Entry[] entries;
  final Hash[] leaves;
  final boolean[] linked;
  /** What the visitor prepared of each entry ahead of its turn (null where it did not, or could not). */
  final @Nullable Object[] prepared;
  @Nullable String problem;

  private DecodedChunk(long from, byte[] block, int[] ends, int n, boolean preparing) {
    this.from = from;
    this.block = block;
    this.ends = ends;
    this.entries = new Entry[n];
    this.leaves = new Hash[n];
    this.linked = new boolean[n];
    this.prepared = preparing ? new Object[n] : null;
  }

  /**
   * Decodes the {@code n} records from index {@code from} in {@code block}, record {@code k} ending
   * at {@code ends[k]}, and prepares each decoded entry with {@code prepare}, if given.
   */
  static DecodedChunk of(long from, byte[] block, int[] ends, int n, @Nullable Function<Entry, ?> prepare) {
    DecodedChunk d = new DecodedChunk(from, block, ends, n, prepare != null);
    for (int k = 0; k < n; k++) {
      int start = k == 0 ? 0 : ends[k - 1];
      Entry e;
      try {
        e = EntryCodec.decodeCanonical(block, start, ends[k]);
      } catch (RuntimeException ex) {
        d.problem = "entry " + (from + k) + " is not a valid canonical entry: " + ex.getMessage();
        break;
      }
      d.entries[k] = e;
      d.leaves[k] = MerkleTree.leafHash(block, start, ends[k] - start);
      d.linked[k] = k > 0 && Objects.equals(e.previous(), d.leaves[k - 1]);
      if (prepare != null) {
        try {
          d.prepared[k] = prepare.apply(e);
        } catch (RuntimeException inItsTurn) {
          // left null: the entry is visited unprepared in its turn, which says what is wrong in order
        }
      }
    }
    return d;
  }

  /** Hands entry {@code k} to {@code visitor}, with what was prepared of it ahead, if anything was. */
  @SuppressWarnings("unchecked") // prepared only by this visitor's own prepare
  void visit(int k, Ledger.EntryVisitor visitor) {
    Object p = prepared == null ? null : prepared[k];
    if (p != null && visitor instanceof PreparingVisitor<?> v) {
      ((PreparingVisitor<Object>) v).visit(Objects.requireNonNull(entries[k]), p);
    } else {
      visitor.visit(Objects.requireNonNull(entries[k]));
    }
  }
}
