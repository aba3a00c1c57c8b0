package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.Progress;
import coop.lattice.collective.Collective;
import coop.lattice.collective.Replica;
import coop.lattice.federation.DeadLetter;
import coop.lattice.federation.WaitingRequest;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.CollectiveSecret;
import coop.lattice.ledger.KeyHistory;
import coop.lattice.ledger.RecoveryCountersignature;
import coop.lattice.ledger.RecoveryRequest;
import coop.lattice.store.LedgerStore;
import coop.lattice.testkit.KeyChanges;
import coop.lattice.time.SteppingClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collective's ledger key changes over the network, on two nodes on loopback: partners' mirrors
 * follow a rotation, before and after their node restarts; a lost key is recovered with two
 * partners' countersignatures, asked for over ActivityPub (a node that holds no copy of the ledger
 * refuses, saying why), and the partners' copies then verify checkpoints signed by the new key.
 */
class LedgerKeyIT {
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final CollectiveSecret SECRET = KeyChanges.secret(9);
  static final CollectiveKey K0 = KeyChanges.key(1);
  static final CollectiveKey K1 = KeyChanges.key(2);

  final SteppingClock clock = SteppingClock.startingAt("2026-12-01T10:00:00Z", Duration.ZERO);

  @Test
  void aPartnersMirrorFollowsARotationAcrossItsRestart(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Collective food = food(LedgerStore.inMemory());
      Collective cafe = partner("cafe", 20);
      Nodes n = new Nodes(vertx, dir, food, List.of(cafe), List.of());
      n.start();
      String actor = n.follow(cafe);
      MirrorIT.await(n.a.publishCheckpoint(food.id()));
      MirrorIT.await(n.b.mirror(cafe.id(), URI.create(actor)));

      food.ledgerKeys().rotate(ANA, K1);
      MirrorIT.give(food, "3");
      MirrorIT.await(n.a.publishCheckpoint(food.id()));
      assertThat(MirrorIT.await(n.b.mirror(cafe.id(), URI.create(actor))).state())
          .isEqualTo(Replica.of(food.ledger()).state());

      // The café's node restarts: its trust memory and its copy keep both keys, so the next pull verifies at once.
      n.restartB();
      MirrorIT.give(food, "4");
      MirrorIT.await(n.a.publishCheckpoint(food.id()));
      assertThat(MirrorIT.await(n.b.mirror(cafe.id(), URI.create(actor))).state())
          .isEqualTo(Replica.of(food.ledger()).state());
      assertThat(n.b.defences().flagged(actor)).isEmpty();
      n.stop();
    } finally {
      MirrorIT.await(vertx.close());
    }
  }

  @Test
  void aLostKeyIsRecoveredWithItsPartnersCountersignatures(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      LedgerStore store = LedgerStore.inMemory();
      Collective food = food(store);
      Collective cafe = partner("cafe", 20);
      Collective care = partner("care", 21);
      KeyChanges.agree(care, ANA, BO, clock, "key-recovery-witness", "automatic"); // the care co-op countersigns when its copy backs it
      Collective stranger = partner("stranger", 22);
      Nodes n = new Nodes(vertx, dir, food, List.of(cafe, care), List.of(stranger)); // the stranger's node holds no copy
      n.start();
      String actor = n.follow(cafe);
      n.follow(care);
      String strangerActor = n.a.actor(stranger.id()).toString();
      MirrorIT.await(n.a.publishCheckpoint(food.id()));
      MirrorIT.await(n.b.mirror(cafe.id(), URI.create(actor)));
      MirrorIT.give(food, "2"); // pushed to the partners, after the last checkpoint the lost key signs

      // K0 is lost: the co-op opens to recover with K1, adopts K1 by consent, and asks its partners.
      n.a.unhost(food.id());
      Collective recovering = Collective.openToRecover(store, SECRET, K1, clock);
      n.a.host(recovering);
      RecoveryRequest request = recovering.ledgerKeys().recoveryRequest(K1);
      CompletableFuture<Void> askedCafe = new CompletableFuture<>();
      n.b.onInbound(in -> {
        if (in.collective().equals(cafe.id()) && new String(in.json(), StandardCharsets.UTF_8).contains("keyRecovery")) {
          askedCafe.complete(null);
        }
      });
      Future<List<RecoveryCountersignature>> asked = n.a.keyRecoveries().ask(food.id(), request,
          List.of(n.actor(cafe), n.actor(care), strangerActor));
      // The café's members decide (the default): its request waits until one of them says to countersign.
      askedCafe.get(MirrorIT.WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(n.b.keyRecoveries().waiting(cafe.id())).extracting(WaitingRequest::partner).containsExactly(actor);
      assertThat(asked.isComplete()).isFalse();
      MirrorIT.await(n.b.keyRecoveries().countersign(cafe.id(), actor));
      List<RecoveryCountersignature> countersigned = MirrorIT.await(asked);
      assertThat(countersigned).extracting(RecoveryCountersignature::witness)
          .containsExactlyInAnyOrder(n.actor(cafe), n.actor(care));
      DeadLetter refused = n.a.deadLetters().stream().filter(d -> d.inbox().startsWith(strangerActor))
          .findFirst().orElseThrow();
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.reason()).contains("holds no copy");

      KeyChanges.adoptKey(recovering, ANA, BO, clock, K1, 2);
      long before = recovering.ledger().size();
      recovering.ledgerKeys().recover(ANA, K1, countersigned);
      assertThat(recovering.ledgerKeys().history().periods()).extracting(KeyHistory.Period::key)
          .containsExactly(K0.verificationKey(), K1.verificationKey());
      MirrorIT.await(n.a.publishCheckpoint(food.id()));
      assertThat(MirrorIT.await(n.b.mirror(cafe.id(), URI.create(actor))).state())
          .isEqualTo(Replica.of(recovering.ledger()).state());
      assertThat(MirrorIT.await(n.b.awaits().mirrored(actor, before + 1)).verify(K1.verificationKey())).isTrue();
      assertThat(n.b.defences().flagged(actor)).isEmpty();

      // The partners' node restarts: its copy, recovery included, reads back from disk and goes on.
      long recovered = recovering.ledger().size();
      n.restartB();
      assertThat(n.b.awaits().mirrored(actor, recovered).isComplete()).as("the copy read back, verified").isTrue();
      MirrorIT.give(recovering, "3");
      MirrorIT.await(n.a.publishCheckpoint(food.id()));
      assertThat(MirrorIT.await(n.b.mirror(cafe.id(), URI.create(actor))).state())
          .isEqualTo(Replica.of(recovering.ledger()).state());
      assertThat(n.b.defences().flagged(actor)).isEmpty();
      n.stop();
    } finally {
      MirrorIT.await(vertx.close());
    }
  }

  /** Node a hosts the co-op (and {@code alongside} it); node b its partners, which follow it. */
  static final class Nodes {
    final Vertx vertx;
    final Path dir;
    final Collective food;
    final List<Collective> partners;
    final int portA = FedifyPeer.freePort();
    final int portB = FedifyPeer.freePort();
    FederationNode a;
    FederationNode b;
    final Supplier<FederationNode> nodeB;

    Nodes(Vertx vertx, Path dir, Collective food, List<Collective> partners, List<Collective> alongside)
        throws Exception {
      this.vertx = vertx;
      this.dir = dir;
      this.food = food;
      this.partners = partners;
      InetAddress lo = InetAddress.getByName("127.0.0.1");
      NodeBuilder builderA = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + portA), dir.resolve("a"))
          .addressPolicy(AddressPolicy.publicOnly().allowing(lo, portB).allowing(lo, portA)).collective(food);
      alongside.forEach(builderA::collective);
      this.a = builderA.build();
      this.nodeB = () -> {
        NodeBuilder builder = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + portB), dir.resolve("b"))
            .addressPolicy(AddressPolicy.publicOnly().allowing(lo, portA));
        partners.forEach(builder::collective);
        return builder.build();
      };
      this.b = nodeB.get();
    }

    void start() throws Exception {
      MirrorIT.await(a.start(portA, "127.0.0.1"));
      MirrorIT.await(b.start(portB, "127.0.0.1"));
    }

    String actor(Collective partner) {
      return b.actor(partner.id()).toString();
    }

    /** {@code partner} follows the co-op; returns the co-op's actor once the follow is accepted. */
    String follow(Collective partner) throws Exception {
      String actor = a.actor(food.id()).toString();
      CompletableFuture<Void> accepted = new CompletableFuture<>();
      b.onInbound(in -> {
        if (in.type().equals("Accept") && in.collective().equals(partner.id())) {
          accepted.complete(null);
        }
      });
      MirrorIT.await(b.follow(partner.id(), URI.create(actor)));
      accepted.get(MirrorIT.WAIT.toSeconds(), TimeUnit.SECONDS);
      return actor;
    }

    void restartB() throws Exception {
      MirrorIT.await(b.stop());
      b = nodeB.get();
      MirrorIT.await(b.start(portB, "127.0.0.1"));
    }

    void stop() throws Exception {
      MirrorIT.await(b.stop());
      MirrorIT.await(a.stop());
    }
  }

  private Collective food(LedgerStore store) {
    Collective c = Collective.found(CollectiveId.of("food"), "Food", ANA, Appearance.byName("Ana"), store, SECRET, K0,
        clock);
    c.admit(ANA, BO, Appearance.byName("Bo"));
    return c;
  }

  private Collective partner(String id, int seed) {
    Collective c = Collective.found(CollectiveId.of(id), id, ANA, Appearance.byName("Ana"), LedgerStore.inMemory(),
        KeyChanges.key(seed), clock);
    c.admit(ANA, BO, Appearance.byName("Bo"));
    return c;
  }
}
