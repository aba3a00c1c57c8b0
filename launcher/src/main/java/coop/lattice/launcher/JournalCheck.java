package coop.lattice.launcher;

import coop.lattice.Progress;
import coop.lattice.collective.Replica;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.ledger.VerificationKey;
import coop.lattice.store.LedgerStore;
import java.util.Optional;

/**
 * A journal verified in full without the collective's private key: the key it is checked against
 * is the public one its founding entry records, and every entry is checked for its canonical form,
 * its link to the one before, the collective's rules ({@link Replica}) and the Merkle tree; the
 * stored checkpoint must verify and match the tree.
 *
 * @param size entries that verified
 * @param root the Merkle root over them (hex)
 * @param collective whose journal it is, if entry 0 reads
 * @param checkpoint the stored checkpoint's size, if one is stored and verifies
 * @param damage the first bad entry and why, if any
 */
record JournalCheck(long size, String root, Optional<String> collective, Optional<Long> checkpoint,
    Optional<LedgerStore.Damage> damage) {

  static JournalCheck of(LedgerStore store) {
    if (store.size() == 0) {
      return new JournalCheck(0, "(empty)", Optional.empty(), Optional.empty(), store.damage());
    }
    try {
      Entry first = LedgerJson.decode(store.read(0), Entry.class);
      if (!(first.event() instanceof Event.CollectiveFounded f)) {
        return damaged(store, 0, "entry 0 is not the founding entry");
      }
      VerificationKey.fromBase64Url(f.publicKey());
    } catch (RuntimeException e) {
      return damaged(store, 0, "entry 0 does not read: " + e.getMessage());
    }
    Replica replica = new Replica();
    // Without a key to hold it to: the ledger's own keys (entry 0's, and each change since) sign its checkpoints.
    Ledger ledger = Ledger.open(store, null, replica::apply, Progress.none());
    Optional<Long> checkpoint = Optional.empty();
    Optional<LedgerStore.Damage> damage = ledger.damage();
    Optional<LedgerStore.StoredCheckpoint> stored = store.checkpoint();
    if (damage.isEmpty() && stored.isPresent()) {
      SignedCheckpoint cp = SignedCheckpoint.parse(stored.get().bytes());
      long n = cp.checkpoint().size();
      if (!ledger.keys().verifies(cp) || n > ledger.size() || !ledger.root(n).equals(cp.checkpoint().root())) {
        damage = Optional.of(new LedgerStore.Damage(Math.min(n, ledger.size()),
            "the stored checkpoint does not verify against the entries"));
      } else {
        checkpoint = Optional.of(n);
      }
    }
    return new JournalCheck(ledger.size(), ledger.root().toString(), ledger.collective().map(Object::toString),
        checkpoint, damage);
  }

  private static JournalCheck damaged(LedgerStore store, long at, String why) {
    return new JournalCheck(0, "(none)", Optional.empty(), Optional.empty(),
        Optional.of(new LedgerStore.Damage(at, why)));
  }

  /** The report an operator reads. */
  String report() {
    StringBuilder b = new StringBuilder();
    b.append("collective: ").append(collective.orElse("(unknown)")).append('\n');
    b.append("entries verified: ").append(size).append('\n');
    b.append("root: ").append(root).append('\n');
    b.append("checkpoint: ").append(checkpoint.map(n -> "signed at " + n + " entries, verifies").orElse("none"))
        .append('\n');
    damage.ifPresentOrElse(
        d -> b.append("DAMAGED at entry ").append(d.firstBadIndex()).append(": ").append(d.reason()).append('\n')
            .append("Restore the journal from a backup, or cut it to ").append(d.firstBadIndex())
            .append(" entries with `lattice truncate DIR --at ").append(d.firstBadIndex())
            .append("` once you accept losing what follows.\n"),
        () -> b.append("verified: every entry, its chain, the collective's rules and the Merkle root\n"));
    return b.toString();
  }
}
