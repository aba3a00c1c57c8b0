package coop.lattice.federation.mirror;

import coop.lattice.LatticeException;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.merkle.Hash;
import coop.lattice.merkle.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A partner's entries as they arrive by push (each in the {@code Create} its node sends to its
 * followers), checked against the copy this node's mirror holds of its ledger, as a pull checks
 * them: an entry the copy already holds must be the same entry; the next one must link to the
 * copy's last and keep the collective's rules, and then extends the copy, which so stays current
 * between pulls; one further on waits for the next pull. An entry that contradicts what the
 * partner showed before (another entry at the same place, or one that does not follow) is a fork:
 * the partner is flagged. Unsigned entries are no proof another node can check; the signed proof
 * comes from the next checkpoint, which the copy must then extend.
 */
final class PushedEntries {
  private final Map<String, MirrorCopy> copies;
  private final Flags flags;

  PushedEntries(Map<String, MirrorCopy> copies, Flags flags) {
    this.copies = copies;
    this.flags = flags;
  }

  /** Checks {@code entryJson}, pushed by {@code actor}; returns what came of it. */
  String offered(String actor, String entryJson) {
    MirrorCopy c = copies.get(actor);
    if (c == null || c.keys == null || flags.why(actor).isPresent()) {
      return "not mirrored here";
    }
    Entry e;
    byte[] bytes;
    try {
      e = LedgerJson.decode(entryJson.getBytes(StandardCharsets.UTF_8), Entry.class);
      bytes = LedgerJson.canonicalBytes(e);
    } catch (RuntimeException notAnEntry) {
      return "not an entry: " + notAnEntry.getMessage();
    }
    synchronized (c) {
      long held = c.tree.size();
      long seq = e.sequence();
      if (seq < held) {
        if (c.tree.leafHashAt(seq).equals(MerkleTree.leafHash(bytes))) {
          return "held already";
        }
        return fork(actor, "pushed an entry " + seq + " other than the entry " + seq + " it showed before");
      }
      if (seq > held) {
        return "ahead of the copy (" + held + " entries): the next pull brings what lies between";
      }
      Hash last = held == 0 ? null : c.tree.leafHashAt(held - 1);
      if (last != null && !last.equals(e.previous())) {
        return fork(actor, "pushed an entry " + seq + " that does not follow the entry " + (seq - 1) + " it showed before");
      }
      try {
        c.append(e, bytes);
      } catch (LatticeException | IllegalArgumentException refused) {
        return "refused: " + refused.getMessage();
      }
      return "appended to the copy";
    }
  }

  private String fork(String actor, String why) {
    flags.flag(actor, why);
    return "refused: " + actor + " " + why + "; it is flagged";
  }
}
