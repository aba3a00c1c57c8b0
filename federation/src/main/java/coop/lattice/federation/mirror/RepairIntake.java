package coop.lattice.federation.mirror;

import coop.lattice.ledger.Equivocation;
import coop.lattice.ledger.KeyHistory;
import coop.lattice.ledger.RepairStatement;
import coop.lattice.ledger.SignedCheckpoint;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A repair statement a partner pushed (in a Create), checked against the copy a node's {@link
 * LedgerMirror} holds of its ledger: if it verifies, the copy is dropped back to nothing but its
 * keys (the next pull rebuilds it from the repaired ledger, which must extend the statement's last
 * good checkpoint), or, when the node does not accept repairs, the partner is flagged. A "last
 * good" checkpoint that contradicts what the partner showed before is a rewrite, not a repair.
 */
final class RepairIntake {
  private static final Logger LOG = LoggerFactory.getLogger(RepairIntake.class);

  /** Flags a partner with the proof of its equivocation, and tells the mirror's listeners. */
  @FunctionalInterface
  interface Equivocated {
    void equivocated(String actor, Equivocation proof, String why);
  }

  private final Map<String, MirrorCopy> copies;
  private final MirrorFiles files;
  private final Flags flags;
  private final TrustMemory trust;
  private final boolean acceptRepairs;
  private final Equivocated equivocated;

  RepairIntake(Map<String, MirrorCopy> copies, MirrorFiles files, Flags flags, TrustMemory trust,
      boolean acceptRepairs, Equivocated equivocated) {
    this.copies = copies;
    this.files = files;
    this.flags = flags;
    this.trust = trust;
    this.acceptRepairs = acceptRepairs;
    this.equivocated = equivocated;
  }

  /** Checks the statement {@code text} pushed by {@code actor}; returns what came of it. */
  String offered(String actor, String text) {
    MirrorCopy c = copies.get(actor);
    KeyHistory keys = c == null ? null : c.keys;
    if (keys == null) {
      return "not mirrored here";
    }
    RepairStatement r;
    try {
      r = RepairStatement.parse(text.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return "not a repair statement: " + e.getMessage();
    }
    if (!r.verify(keys.current())) {
      return "the repair statement does not verify";
    }
    long m = r.lastGood().checkpoint().size();
    SignedCheckpoint verified = c.verified;
    if (verified != null && m <= verified.checkpoint().size()
        && !c.tree.root(m).equals(r.lastGood().checkpoint().root())) {
      // The "last good" ledger is not the one the partner showed before: that is a rewrite, not a repair.
      Equivocation proof = Equivocation.between(r.lastGood(), verified, c.tree);
      String why = "declared a repair whose last good checkpoint contradicts the ledger it showed before";
      if (proof != null && proof.verify(keys)) {
        equivocated.equivocated(actor, proof, why);
      } else {
        flags.flag(actor, why);
      }
      return "refused: " + why;
    }
    if (!acceptRepairs) {
      flags.flag(actor, "declared a repair (" + r.kind() + ": " + r.reason() + "), which this node does not accept");
      return "refused: " + actor + " is flagged";
    }
    MirrorCopy fresh = files.fresh(actor);
    fresh.keys = KeyHistory.founding(r.kind().equals("migration") ? keys.current() : keys.founding());
    fresh.collective = c.collective;
    if (r.kind().equals("migration")) {
      fresh.migratedFrom = r.lastGood();
    } else {
      fresh.repairedFrom = r.lastGood();
    }
    fresh.repairedAt = r.time();
    copies.put(actor, fresh);
    trust.remember(new TrustMemory.Trusted(actor, c.collective, keys, r.kind().equals("migration")
        ? TrustMemory.Kind.MIGRATED : TrustMemory.Kind.REPAIRED, r.lastGood()));
    LOG.info("{} declared a repair of its ledger after entry {} ({}: {}); its copy is rebuilt from the repaired ledger",
        actor, r.lastGood().checkpoint().size(), r.kind(), r.reason());
    return "accepted: the copy is rebuilt";
  }}
