package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.LedgerDamagedException;
import coop.lattice.Progress;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.CollectiveSecret;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.FinanceEvents;
import coop.lattice.ledger.JoiningEvents;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.PollEvents;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.merkle.Hash;
import coop.lattice.privacy.Pseudonyms;
import coop.lattice.privacy.Vault;
import coop.lattice.store.LedgerStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converts a ledger written before members appeared as handles (it carries the app's ids and the
 * names members chose) into a new ledger that names nobody, entry for entry.
 *
 * <p>The old collective is opened (every entry re-verified), and a checkpoint covering all of it is
 * signed. The new ledger has the same entries at the same places, with the same times and the same
 * commands, written as a collective writes them now: members as handles and tags, appearances as
 * seals; the members' names go to the new store's private profiles, the sealed aid claims with
 * them, the secret ballots and the applications to join too. Its entry 0 commits to the old ledger's last signed checkpoint ({@code
 * CollectiveFounded.continues}), so anyone holding both can check that one continues the other.
 * Before it returns, the new collective is opened from its store and must fold to exactly the old
 * one's state; otherwise nothing is claimed and the new store should be discarded.
 *
 * <pre>{@code
 * try (FileJournal old = FileJournal.open(Path.of("riverside-ledger"));
 *     FileJournal fresh = FileJournal.open(Path.of("riverside-ledger-2"))) {
 *   Collective coop = Migration.migrate(old, fresh, key, Clock.systemUTC());
 * }
 * }</pre>
 *
 * <p>Partners still hold the old ledger: tell them with a declared migration ({@code
 * Collective.declareRepair("migration", why)}, which a node announces to its followers), whose
 * last good checkpoint is the old ledger's last one; their copies are rebuilt from the new ledger,
 * which must continue it. The old ledger's last checkpoint is kept beside the new one for that.
 */
public final class Migration {
  private static final int BATCH = 10_000;
  /** The private file that keeps the continued ledger's last signed checkpoint, whose hash entry 0 holds. */
  static final String CONTINUES = "continues";

  private Migration() {}

  /**
   * The last signed checkpoint of the ledger {@code c} continues, if it was written by a
   * migration: kept beside the ledger, and checked against the hash in entry 0.
   */
  static Optional<SignedCheckpoint> continued(Collective c) {
    if (!(c.ledger().entry(0).event() instanceof Event.CollectiveFounded f) || f.continues() == null) {
      return Optional.empty();
    }
    Optional<byte[]> kept = c.privateFile(CONTINUES);
    if (kept.isEmpty() || !Hash.sha256(kept.get()).equals(f.continues())) {
      throw new LedgerDamagedException(0, "Entry 0 continues a ledger whose last checkpoint is not kept beside this"
          + " one (private/" + CONTINUES + " is missing or does not match): restore it from the backup.");
    }
    return Optional.of(SignedCheckpoint.parse(kept.get()));
  }

  /**
   * Writes the collective in {@code from} into the empty store {@code to}, naming nobody, and
   * returns it opened from {@code to}.
   *
   * @throws ConflictException if {@code to} is not empty
   * @throws LedgerDamagedException if the old ledger does not verify, or the new one does not fold
   *     to the old one's state
   */
  public static Collective migrate(LedgerStore from, LedgerStore to, CollectiveKey key, Clock clock) {
    if (to.size() != 0) {
      throw new ConflictException("The store to migrate into already holds " + to.size() + " entries; give an empty one.");
    }
    Collective old = Collective.open(from, key, clock);
    SignedCheckpoint last = old.checkpoint();
    Ledger ledger = Ledger.create(to, old.id(), key.verificationKey());
    CollectiveSecret collectiveSecret = CollectiveSecret.of(key); // a ledger from before handles has one key
    Vault vault = Vault.of(collectiveSecret);
    Pseudonymizer names = new Pseudonymizer(Profiles.open(to.privateArea(), vault, Pseudonyms.of(collectiveSecret)));
    Pseudonymizer before = new Pseudonymizer(Profiles.open(from.privateArea(), vault, Pseudonyms.of(collectiveSecret)));
    SealedClaims sealed = SealedClaims.open(to.privateArea(), vault);
    SecretBallots secret = SecretBallots.open(to.privateArea(), vault);
    SecretBallots secretBefore = old.read(Fold::secretBallots);
    Receipts receipts = Receipts.open(to.privateArea(), vault);
    Receipts receiptsBefore = old.read(Fold::receipts);
    PrivateRecords<Hash, SealedApplication> applications = JoiningFold.kept(to.privateArea(), vault);
    PrivateRecords<Hash, SealedApplication> applicationsBefore = old.read(Fold::applications);
    List<Ledger.Draft> drafts = new ArrayList<>(BATCH);
    long size = old.ledger().size();
    for (long from0 = 0; from0 < size; from0 += BATCH) {
      for (Entry recorded : old.ledger().entries(from0, Math.min(size, from0 + BATCH))) {
        Entry command = before.resolve(recorded);
        Event event = command.event();
        if (command.sequence() == 0 && event instanceof Event.CollectiveFounded f) {
          event = new Event.CollectiveFounded(f.name(), f.publicKey(), Hash.sha256(last.toBytes()));
        } else if (event instanceof Event.AidClaimed c) {
          old.sealedClaims().get(c.sealed()).ifPresent(sealed::put);
        } else if (event instanceof PollEvents.BallotSealed b) {
          secretBefore.get(b.commitment()).ifPresent(secret::put);
        } else if (event instanceof FinanceEvents.ExpenseClaimed c) { // an intact receipt only, under its own hash
          receiptsBefore.read(c.receipt()).filter(r -> Hash.sha256(r).equals(c.receipt())).ifPresent(receipts::keep);
        } else if (event instanceof JoiningEvents.ApplicationReceived a) {
          applicationsBefore.get(a.sealed()).ifPresent(applications::put);
        }
        names.before(event);
        Pseudonymizer.Published p = names.publish(command.author(), event, command.sequence());
        drafts.add(new Ledger.Draft(command.time(), p.author(), p.event()));
      }
      ledger.appendAll(drafts);
      drafts.clear();
    }
    ledger.sync();
    ledger.checkpoint(key, clock.instant());
    vault.write(to.privateArea(), CONTINUES, last.toBytes());
    Collective migrated = Collective.open(to, key, clock, Progress.none());
    if (!migrated.state().equals(old.state())) {
      throw new LedgerDamagedException(0, "The migrated ledger does not fold to the old collective's state; discard"
          + " the new store and keep the old one.");
    }
    return migrated;
  }
}
