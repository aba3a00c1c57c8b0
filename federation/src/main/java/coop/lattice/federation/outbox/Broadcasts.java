package coop.lattice.federation.outbox;

import coop.lattice.federation.hosting.Documents;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.keys.ObjectProofs;
import coop.lattice.ledger.Cosignature;
import coop.lattice.ledger.Equivocation;
import coop.lattice.ledger.RepairStatement;
import coop.lattice.ledger.SignedCheckpoint;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;

/** One-off activities a collective sends to every follower inbox once: checkpoints, new keys, repairs, proofs of equivocation. */
public final class Broadcasts {
  private final Deliveries deliveries;
  private final Clock clock;

  public Broadcasts(Deliveries deliveries, Clock clock) {
    this.deliveries = deliveries;
    this.clock = clock;
  }

  /**
   * Signs a checkpoint of {@code h}'s ledger as it is now and sends it, with an FEP-8b32 proof, to
   * {@code inboxes}; completes with the checkpoint once every inbox took it.
   */
  public Future<SignedCheckpoint> checkpoint(HostedCollective h, List<String> inboxes) {
    SignedCheckpoint cp = h.collective().checkpoint();
    byte[] body = Json.bytes(ObjectProofs.sign(Documents.checkpoint(h, cp), h.ed25519KeyId(),
        h.keys().ed25519Private(), clock.instant()));
    return toAll(h, inboxes, body).map(cp);
  }

  /**
   * Rotates {@code h}'s keys (new keys under the same ids, stored atomically) and announces them to
   * {@code inboxes} with an {@code Update} of the actor signed by the new keys.
   */
  public Future<Void> rotateKeys(HostedCollective h, List<String> inboxes) {
    h.rotateKeys();
    deliveries.forget(h);
    return toAll(h, inboxes, Json.bytes(Documents.updateActor(h)));
  }

  /** Tells {@code inboxes}, from {@code h}, that {@code flagged} equivocated, with the proof ({@code Flag}). */
  public Future<Void> equivocation(HostedCollective h, String flagged, Equivocation proof, List<String> inboxes) {
    return toAll(h, inboxes, Json.bytes(Documents.flag(h, flagged, proof)));
  }

  /** Declares, signed, that {@code h}'s ledger was repaired ({@code kind}), and tells {@code inboxes}. */
  public Future<RepairStatement> repair(HostedCollective h, String kind, String reason, List<String> inboxes) {
    RepairStatement statement = h.collective().declareRepair(kind, reason);
    byte[] body = Json.bytes(ObjectProofs.sign(Documents.repair(h, statement), h.ed25519KeyId(),
        h.keys().ed25519Private(), clock.instant()));
    return toAll(h, inboxes, body).map(statement);
  }

  /**
   * {@code h}, as a witness, cosigns {@code checkpoint} of {@code partner} (its copy verified it)
   * and sends the cosignature to the partner's inbox (a Lattice node's, at {@code <actor>/inbox}).
   */
  public Future<Void> cosign(HostedCollective h, String partner, SignedCheckpoint checkpoint) {
    Cosignature c = h.collective().cosign(checkpoint, h.actor().toString());
    byte[] body = Json.bytes(ObjectProofs.sign(Documents.cosignature(h, partner, c), h.ed25519KeyId(),
        h.keys().ed25519Private(), clock.instant()));
    return deliveries.sendOnce(h, partner + "/inbox", body);
  }

  private Future<Void> toAll(HostedCollective h, List<String> inboxes, byte[] body) {
    List<Future<Void>> sent = inboxes.stream().map(inbox -> deliveries.sendOnce(h, inbox, body)).toList();
    return Future.all(sent).mapEmpty();
  }
}
