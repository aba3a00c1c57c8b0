package coop.lattice.ledger;

import coop.lattice.merkle.Hash;
import coop.lattice.merkle.MerkleTree;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One chunk of stored records as a ledger opening verifies them, in parallel with other chunks:
 * each decoded from its canonical bytes (and checked to be exactly them), its leaf hash, and
 * whether each entry after the chunk's first names the leaf hash of the one before it. Entries
 * stop (null) at the first record that is not a valid canonical entry, with the problem. What
 * depends on the chunks before it (the sequence, the link into the chunk, the collective's rules)
 * the ledger checks in order.
 */
final class DecodedChunk {
  final long from;
  final @Nullable Entry[] entries;
  final Hash[] leaves;
  final boolean[] linked;
  @Nullable String problem;

  private DecodedChunk(long from, int n) {
    this.from = from;
    this.entries = new Entry[n];
    this.leaves = new Hash[n];
    this.linked = new boolean[n];
  }

  static DecodedChunk of(long from, List<byte[]> records) {
    DecodedChunk d = new DecodedChunk(from, records.size());
    for (int k = 0; k < records.size(); k++) {
      byte[] bytes = records.get(k);
      Entry e;
      try {
        e = EntryCodec.decodeCanonical(bytes);
      } catch (RuntimeException ex) {
        d.problem = "entry " + (from + k) + " is not a valid canonical entry: " + ex.getMessage();
        break;
      }
      d.entries[k] = e;
      d.leaves[k] = MerkleTree.leafHash(bytes);
      d.linked[k] = k > 0 && Objects.equals(e.previous(), d.leaves[k - 1]);
    }
    return d;
  }
}
