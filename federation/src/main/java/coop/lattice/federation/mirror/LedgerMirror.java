package coop.lattice.federation.mirror;

import coop.lattice.Progress;
import coop.lattice.collective.CollectiveState;
import coop.lattice.collective.Replica;
import coop.lattice.federation.FederationException;
import coop.lattice.federation.MirroredLedger;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.net.SafeClient;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Equivocation;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.KeyHistory;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.ledger.VerificationKey;
import coop.lattice.merkle.Hash;
import coop.lattice.merkle.MerkleTree;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anti-entropy: a node keeps a verified copy of a partner collective's ledger by pulling what it
 * lacks, so that delivery is an optimisation and not the only path. It fetches the partner's
 * latest signed checkpoint, checks its signature against the key of the ledger's entry 0 (the
 * first one seen is trusted; every later checkpoint must verify with it), pulls the missing
 * entries by index, checks each one's chain link and strict canonical form, folds it with the
 * collective's own rules ({@link Replica}), and requires the Merkle root of the copy to equal
 * the checkpoint's and to extend every checkpoint of the partner's it saw. Two checkpoints no one
 * ledger has are equivocation: the partner is flagged and nothing more is accepted from it. The key
 * and the newest checkpoint verified are remembered across restarts ({@link TrustMemory}).
 *
 * <p>{@code lattice.mirror.lag}, tagged {@code partner} with the partner's collective id, is how many
 * entries a copy lacks of the partner's latest checkpoint seen (pulled, or pushed in a {@code Create});
 * one gauge per mirrored partner, at most {@value MirrorLag#MAX_GAUGES}.
 */
public final class LedgerMirror {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerMirror.class);

  private final PartnerPages pages;
  private final Flags flags;
  private final Evidence evidence;
  private final List<BiConsumer<String, Equivocation>> equivocations = new CopyOnWriteArrayList<>();
  private final List<Verified> verifiedListeners = new CopyOnWriteArrayList<>();

  /** Told of each checkpoint of a partner's that a pull verified, with the hosted collective that pulled. */
  public interface Verified {
    void verified(String actor, HostedCollective as, SignedCheckpoint checkpoint);
  }
  private final Clock clock;
  private final MirrorLag lag;
  private final TrustMemory trust;
  private final Map<String, MirrorCopy> copies = new ConcurrentHashMap<>();
  private final MirrorFiles files;
  private final PushedEntries pushed;
  private final RepairIntake repairs;
  private final RecoveryWitness recoveryWitness;
  private final RecoveryVouching vouching;

  /**
   * A mirror that accepts a partner's declared repairs ({@code acceptRepairs}) or flags a partner
   * that declares one, as the node's collectives agreed.
   */
  public LedgerMirror(SafeClient client, Flags flags, Evidence evidence, boolean acceptRepairs, Clock clock,
      MeterRegistry registry, NodeStore store) {
    this.pages = new PartnerPages(client, clock);
    this.flags = flags;
    this.evidence = evidence;
    this.clock = clock;
    this.lag = new MirrorLag(registry);
    this.pushed = new PushedEntries(copies, flags);
    this.trust = new TrustMemory(store);
    this.vouching = new RecoveryVouching(copies);
    this.files = new MirrorFiles(store.dir(), vouching);
    this.repairs = new RepairIntake(copies, files, flags, trust, acceptRepairs, this::equivocated);
    this.recoveryWitness = new RecoveryWitness(copies, flags);
    trust.replay(this::resume);
  }

  /** Starts a partner's copy from what the node trusted of it before it stopped, and the entries it kept. */
  private void resume(TrustMemory.Trusted t) {
    KeyHistory founding = KeyHistory.founding(t.kind() == TrustMemory.Kind.MIGRATED ? t.keys().current()
        : t.keys().founding());
    MirrorCopy c = t.kind() == TrustMemory.Kind.VERIFIED ? files.restore(t.actor(), t.checkpoint(), founding)
        : files.fresh(t.actor());
    if (c.keys == null) {
      c.keys = founding; // the copy derives the rest again from the entries it takes
    }
    long size = t.checkpoint().checkpoint().size();
    if (t.kind() == TrustMemory.Kind.MIGRATED) {
      c.migratedFrom = t.checkpoint();
    } else {
      c.checkpoints.put(size, t.checkpoint());
      c.latest = size;
      c.repairedFrom = t.kind() == TrustMemory.Kind.REPAIRED ? t.checkpoint() : null;
    }
    copies.put(t.actor(), c);
    if (t.collective() != null) {
      lag.measure(c, t.collective());
    }
  }

  /** Takes the lag gauges out of the registry and closes the copies' journals (the node stops). */
  public void close() {
    lag.close();
    files.close();
  }

  public Optional<CollectiveState> state(String actor) {
    MirrorCopy c = copies.get(actor);
    return c == null ? Optional.empty() : Optional.of(c.replica.state());
  }

  /** The copy of {@code actor}'s ledger this node holds, read-only, if it holds one. */
  public Optional<MirroredLedger> view(String actor) {
    MirrorCopy c = copies.get(actor);
    return c == null ? Optional.empty() : Optional.of(new MirrorView(c));
  }

  /** The partners whose copy this node holds verified against a checkpoint (read back on start, or pulled since). */
  public java.util.Set<String> mirrored() {
    return copies.entrySet().stream().filter(e -> e.getValue().verified != null).map(Map.Entry::getKey)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Called after each pull that verified a partner's checkpoint (the witnesses cosign it). */
  public void onVerified(Verified listener) {
    verifiedListeners.add(listener);
  }

  /** The newest checkpoint of {@code actor}'s ledger this node verified its copy against, if any. */
  public Optional<SignedCheckpoint> verified(String actor) {
    MirrorCopy c = copies.get(actor);
    return c == null ? Optional.empty() : Optional.ofNullable(c.verified);
  }

  /** Called with (actor, proof) for each partner this node finds or learns to have equivocated, once. */
  public void onEquivocation(BiConsumer<String, Equivocation> listener) {
    equivocations.add(listener);
  }

  /** Records a checkpoint seen from {@code actor}; flags the actor on equivocation. */
  void seen(String actor, SignedCheckpoint cp) {
    MirrorCopy c = copies.computeIfAbsent(actor, files::fresh);
    synchronized (c) {
      c.latest = Math.max(c.latest, cp.checkpoint().size());
    }
    SignedCheckpoint before = c.checkpoints.putIfAbsent(cp.checkpoint().size(), cp);
    if (before != null && !before.checkpoint().root().equals(cp.checkpoint().root())) {
      equivocated(actor, Equivocation.ofSameSize(before, cp), "two checkpoints of size " + cp.checkpoint().size()
          + " with different roots");
    }
  }

  /** Flags {@code actor} with {@code proof} as evidence, and tells the listeners (the first time). */
  private void equivocated(String actor, Equivocation proof, String why) {
    flags.flag(actor, why);
    if (evidence.keep(actor, proof)) {
      equivocations.forEach(l -> l.accept(actor, proof));
    }
  }

  /**
   * A proof that {@code actor} equivocated, from another node: believed only if it verifies with the
   * key this node holds for the actor's ledger. Returns what came of it.
   */
  public String offeredProof(String actor, Equivocation proof) {
    MirrorCopy c = copies.get(actor);
    KeyHistory keys = c == null ? null : c.keys;
    if (keys == null) {
      return "not mirrored here: kept nowhere";
    }
    if (!proof.verify(keys)) {
      throw new FederationException("the proof of equivocation does not verify with " + actor + "'s key");
    }
    Instant repairedAt = c.repairedAt;
    if (repairedAt != null && !proof.later().checkpoint().time().isAfter(repairedAt)) {
      return "explained by the repair " + actor + " declared at " + repairedAt + ": nothing flagged";
    }
    equivocated(actor, proof, "equivocated (a proof from another node verified here)");
    return "verified: " + actor + " is flagged";
  }

  /**
   * A repair statement pushed by {@code actor} (in a Create): checked against the copy's key; if it
   * verifies, the copy is dropped back to nothing but the key (the next pull rebuilds it, from the
   * repaired ledger, which must extend the statement's last good checkpoint), or, when this node
   * does not accept repairs, the partner is flagged. A statement that does not verify changes
   * nothing. Returns what came of it.
   */
  public String offeredRepair(String actor, String text) {
    return repairs.offered(actor, text);
  }


  /**
   * How to find the keys of a collective this node hosts, by its actor: a copy takes a partner's
   * recovery of its ledger key only if a collective hosted or mirrored here countersigned it.
   */
  public void hostedKeys(Function<String, Optional<KeyHistory>> keysOfHosted) {
    vouching.hostedBy(keysOfHosted);
  }

  /** Whether the copies let a hosted collective countersign a partner's recovery of its lost ledger key. */
  public RecoveryWitness recoveryWitness() {
    return recoveryWitness;
  }

  /** An entry pushed by {@code actor} (in a Create), checked against the copy ({@link PushedEntries}). */
  public String offeredEntry(String actor, String entry) {
    return pushed.offered(actor, entry);
  }

  /** A checkpoint pushed by {@code actor} (in a Create): checked against the copy's key and remembered. */
  public void offered(String actor, String text) {
    MirrorCopy c = copies.get(actor);
    KeyHistory keys = c == null ? null : c.keys;
    if (keys == null) {
      return; // nothing to check it against yet; a pull will fetch and verify the latest one
    }
    SignedCheckpoint cp;
    try {
      cp = SignedCheckpoint.parse(text.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return;
    }
    if (keys.verifies(cp)) { // one signed by a key the copy does not know yet waits for the next pull
      seen(actor, cp);
    }
  }

  /** Brings the copy of the ledger behind {@code actor} up to its latest checkpoint. */
  public Future<MirroredLedger> pull(String actor, HostedCollective as) {
    return pull(actor, as, Progress.none());
  }

  /**
   * As {@link #pull(String, HostedCollective)}, telling {@code progress} how many entries of the
   * checkpoint the copy holds after each page (on a Vert.x thread), and all of them once the root
   * is verified.
   */
  public Future<MirroredLedger> pull(String actor, HostedCollective as, Progress progress) {
    Optional<String> flagged = flags.why(actor);
    if (flagged.isPresent()) {
      return Future.failedFuture(new FederationException(actor + " is flagged: " + flagged.get()));
    }
    MirrorCopy c = copies.computeIfAbsent(actor, files::fresh);
    return pages.get(actor + "/checkpoint", as).compose(body -> {
      SignedCheckpoint cp = SignedCheckpoint.parse(body);
      KeyHistory known = c.keys;
      return (known != null ? Future.succeededFuture(known) : firstKey(actor, as)).compose(keys -> {
        boolean verifies = keys.verifies(cp);
        // A checkpoint beyond the copy may be signed by a key its next entries put in force: checked once they are in.
        if (!verifies && cp.checkpoint().size() <= c.replica.size()) {
          return Future.failedFuture(new FederationException("the checkpoint of " + actor + " does not verify"));
        }
        if (c.keys == null) {
          c.keys = keys;
        }
        if (verifies) {
          seen(actor, cp);
        }
        Optional<String> equivocated = flags.why(actor);
        if (equivocated.isPresent()) {
          return Future.failedFuture(new FederationException(actor + " equivocated: " + equivocated.get()));
        }
        return fetch(actor, as, c, cp, progress).onSuccess(state -> verifiedListeners.forEach(l ->
            l.verified(actor, as, cp)));
      });
    });
  }

  private Future<KeyHistory> firstKey(String actor, HostedCollective as) {
    return pages.get(actor + "/ledger?from=0&to=1", as).map(body -> {
      Entry e = LedgerPage.read(body)[0];
      if (e.sequence() != 0 || !(e.event() instanceof Event.CollectiveFounded f)) {
        throw new FederationException("entry 0 of " + actor + " is not the founding entry");
      }
      lag.measure(copies.get(actor), e.collective());
      return KeyHistory.founding(VerificationKey.fromBase64Url(f.publicKey()));
    });
  }

  private Future<MirroredLedger> fetch(String actor, HostedCollective as, MirrorCopy c, SignedCheckpoint cp,
      Progress progress) {
    long target = cp.checkpoint().size();
    long from = c.replica.size();
    if (from >= target) {
      return verifyRoot(actor, c, cp).onSuccess(s -> progress.update(target, target));
    }
    progress.update(from, target);
    long to = Math.min(target, from + LedgerPage.MAX);
    return pages.get(actor + "/ledger?from=" + from + "&to=" + to, as).compose(body -> {
      synchronized (c) {
        for (Entry e : LedgerPage.read(body)) {
          long seq = c.replica.size();
          if (e.sequence() < seq && c.tree.leafHashAt(e.sequence()).equals(MerkleTree.leafHash(LedgerJson.canonicalBytes(e)))) {
            continue; // pushed while the page was on its way: held already, the same entry
          }
          if (e.sequence() != seq) {
            return Future.failedFuture(new FederationException("entry " + e.sequence() + " where " + seq + " was due"));
          }
          if (seq > 0 && !c.tree.leafHashAt(seq - 1).equals(e.previous())) {
            return proveFork(actor, as, c, cp).compose(proven -> Future.failedFuture(new FederationException("entry "
                + seq + " does not link to entry " + (seq - 1) + (proven ? "; " + actor + " equivocated, and is flagged"
                : ""))));
          }
          if (seq == 0 && !continuesMigrated(c, e)) {
            flags.flag(actor, "declared a migration, then served a ledger whose entry 0 does not continue the"
                + " ledger it replaced");
            return Future.failedFuture(new FederationException(actor + " served a ledger that does not continue the"
                + " one its migration replaced"));
          }
          c.append(e, LedgerJson.canonicalBytes(e));
        }
      }
      return fetch(actor, as, c, cp, progress);
    });
  }

  /** True unless {@code c} was rebuilt after a migration and entry 0 does not commit to the replaced ledger's last checkpoint. */
  private static boolean continuesMigrated(MirrorCopy c, Entry first) {
    SignedCheckpoint replaced = c.migratedFrom;
    return replaced == null || first.event() instanceof Event.CollectiveFounded f
        && Hash.sha256(replaced.toBytes()).equals(f.continues())
        && f.publicKey().equals(java.util.Objects.requireNonNull(c.keys).current().base64Url());
  }

  private Future<MirroredLedger> verifyRoot(String actor, MirrorCopy c, SignedCheckpoint cp) {
    KeyHistory keys = java.util.Objects.requireNonNull(c.keys);
    if (!keys.verifies(cp)) {
      return Future.failedFuture(new FederationException("the checkpoint of " + actor + " is not signed by the key its"
          + " ledger names for " + cp.checkpoint().size() + " entries"));
    }
    seen(actor, cp);
    SignedCheckpoint lastGood = c.repairedFrom;
    if (lastGood != null && (c.tree.size() < lastGood.checkpoint().size()
        || !c.tree.root(lastGood.checkpoint().size()).equals(lastGood.checkpoint().root()))) {
      flags.flag(actor, "declared a repair after entry " + lastGood.checkpoint().size()
          + ", then served a ledger that does not keep it");
      return Future.failedFuture(new FederationException(actor + " served a ledger that does not extend its repair"));
    }
    if (!c.tree.root(cp.checkpoint().size()).equals(cp.checkpoint().root())) {
      flags.flag(actor, "its entries do not add up to the root it signed at size " + cp.checkpoint().size());
      return Future.failedFuture(new FederationException(actor + " served entries that do not match its checkpoint"));
    }
    SignedCheckpoint earlier = c.contradicted();
    if (earlier != null) { // a checkpoint pushed, pulled, or remembered across a restart
      String why = "signed a ledger of " + cp.checkpoint().size() + " entries whose first "
          + earlier.checkpoint().size() + " differ from the ones it signed before";
      Equivocation proof = Equivocation.between(earlier, cp, c.tree);
      if (proof != null && proof.verify(keys)) {
        equivocated(actor, proof, why);
      } else {
        flags.flag(actor, why);
      }
      return Future.failedFuture(new FederationException(actor + " equivocated, and is flagged: it " + why));
    }
    c.verified = cp;
    MirrorFiles.sync(c);
    trust.remember(new TrustMemory.Trusted(actor, c.collective, keys, TrustMemory.Kind.VERIFIED, cp));
    return Future.succeededFuture(new MirrorView(c));
  }

  /**
   * The partner served, under {@code later}, entries that do not extend the copy: reads its whole
   * ledger as served now into a tree of its own and, if that ledger's prefix disagrees with the
   * checkpoint the copy was verified against, keeps the proof and flags the partner. Completes with
   * whether it proved an equivocation.
   */
  private Future<Boolean> proveFork(String actor, HostedCollective as, MirrorCopy c, SignedCheckpoint later) {
    SignedCheckpoint earlier = c.verified;
    if (earlier == null) {
      return Future.succeededFuture(false);
    }
    return pages.readTree(actor, as, new MerkleTree(), later.checkpoint().size()).map(tree -> {
      Equivocation proof = Equivocation.between(earlier, later, tree);
      if (proof == null || !proof.verify(java.util.Objects.requireNonNull(c.keys))) {
        return false;
      }
      equivocated(actor, proof, "signed a ledger of " + later.checkpoint().size() + " entries whose first "
          + earlier.checkpoint().size() + " differ from the ones it signed before");
      return true;
    });
  }
}
