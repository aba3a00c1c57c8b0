package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.collective.CollectiveState;
import coop.lattice.collective.Replica;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.mirror.LedgerPage;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Checkpoint;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.merkle.Hash;
import coop.lattice.store.LedgerStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anti-entropy: a node pulls a partner's ledger up to its signed checkpoint into a verified copy
 * that equals the partner's own state; a partner that signs two different roots for the same
 * size is flagged and nothing more is taken from it; so is one whose later ledger rewrites its
 * past, with a proof that another node checks and believes.
 */
class MirrorIT {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final MemberId ANA = MemberId.of("ana");
  static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  static Collective collective(String id) {
    Collective c = Collective.found(CollectiveId.of(id), id, ANA, Appearance.byName("Ana"), LedgerStore.inMemory(), KEY,
        Clock.systemUTC());
    c.admit(ANA, MemberId.of("bo"), Appearance.byName("Bo"));
    return c;
  }

  static void give(Collective c, String kg) {
    c.acknowledge(ANA, c.record(Contribution.toMember(MemberId.of("bo"), ANA, ContributionKind.FOOD,
        Quantity.kilograms(kg))));
  }

  @Test
  void aPartnersLedgerIsPulledUpToItsCheckpointIntoAnEqualState(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Collective food = collective("food");
      Collective cafe = collective("fixit");
      give(food, "3");
      food.checkpoint();
      NodePair nodes = NodePair.start(vertx, dir, food, cafe);
      URI foodActor = nodes.first().actor(food.id());
      assertThat(await(nodes.second().mirror(cafe.id(), foodActor)).state()).isEqualTo(Replica.of(food.ledger()).state());
      for (int i = 0; i < 3; i++) {
        give(food, "1." + i);
      }
      food.checkpoint();
      CollectiveState copy = await(nodes.second().mirror(cafe.id(), foodActor)).state();
      assertThat(copy).isEqualTo(Replica.of(food.ledger()).state());
      assertThat(copy.digest()).as("one digest for two copies, folded apart").isEqualTo(Replica.of(food.ledger()).state()
          .digest());
      assertThat(nodes.second().defences().flagged(foodActor.toString())).isEmpty();
      nodes.stop();
    } finally {
      await(vertx.close());
    }
  }



  @Test
  void aPartnerThatSignsTwoRootsForOneSizeIsFlaggedAndRefused(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Collective liar = collective("liar");
      give(liar, "2");
      SignedCheckpoint honest = liar.checkpoint();
      Checkpoint c = honest.checkpoint();
      SignedCheckpoint forked = new Checkpoint(c.collective(), c.size(), Hash.sha256(new byte[] {1}), c.time()).sign(KEY);
      AtomicReference<SignedCheckpoint> serving = new AtomicReference<>(honest);
      HttpServer peer = peer(vertx, serving::get, liar::ledger, new AtomicInteger());
      String actor = "http://127.0.0.1:" + peer.actualPort() + "/collectives/liar";
      Collective cafe = collective("fixit");
      int port = FedifyPeer.freePort();
      FederationNode node = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + port), dir)
          .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), peer.actualPort()))
          .collective(cafe).build();
      await(node.start(port, "127.0.0.1"));
      java.util.List<String> toldFlagged = new java.util.concurrent.CopyOnWriteArrayList<>();
      node.awaits().onFlagged((who, why) -> toldFlagged.add(who));
      assertThat(await(node.mirror(cafe.id(), URI.create(actor))).state()).isEqualTo(Replica.of(liar.ledger()).state());
      serving.set(forked);
      assertThatThrownBy(() -> await(node.mirror(cafe.id(), URI.create(actor)))).hasMessageContaining("equivocated");
      assertThat(node.defences().flagged(actor)).hasValueSatisfying(why -> assertThat(why).contains("different roots"));
      assertThat(toldFlagged).as("the listener was told, once").containsExactly(actor);
      serving.set(honest);
      assertThatThrownBy(() -> await(node.mirror(cafe.id(), URI.create(actor)))).hasMessageContaining("flagged");
      await(node.stop());
    } finally {
      await(vertx.close());
    }
  }

  @Test
  void aPartnerWhoseLaterLedgerRewritesItsPastIsFlaggedWithAProofThatAnotherNodeVerifies(@TempDir Path dir)
      throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Collective liar = collective("liar");
      give(liar, "2");
      Collective rewritten = collective("liar"); // the same collective and key, another history
      give(rewritten, "5");
      give(rewritten, "7");
      AtomicReference<Collective> serving = new AtomicReference<>(liar);
      HttpServer peer = peerServing(vertx, serving);
      String actor = "http://127.0.0.1:" + peer.actualPort() + "/collectives/liar";
      InetAddress lo = InetAddress.getByName("127.0.0.1");
      int portA = FedifyPeer.freePort();
      int portB = FedifyPeer.freePort();
      Collective cafe = collective("fixit");
      Collective tools = collective("tools");
      FederationNode finder = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + portA), dir.resolve("a"))
          .addressPolicy(AddressPolicy.publicOnly().allowing(lo, peer.actualPort()).allowing(lo, portB))
          .collective(cafe).build();
      FederationNode observer = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + portB),
          dir.resolve("b")).addressPolicy(AddressPolicy.publicOnly().allowing(lo, peer.actualPort())
          .allowing(lo, portA)).collective(tools).build();
      await(finder.start(portA, "127.0.0.1"));
      await(observer.start(portB, "127.0.0.1"));
      java.util.concurrent.CompletableFuture<coop.lattice.federation.InboundActivity> accepted =
          new java.util.concurrent.CompletableFuture<>();
      java.util.concurrent.CompletableFuture<coop.lattice.federation.InboundActivity> flag =
          new java.util.concurrent.CompletableFuture<>();
      observer.onInbound(a -> (a.type().equals("Flag") ? flag : accepted).complete(a));
      await(observer.follow(tools.id(), finder.actor(cafe.id())));
      accepted.get(WAIT.toSeconds(), TimeUnit.SECONDS);

      assertThat(await(finder.mirror(cafe.id(), URI.create(actor))).state()).isEqualTo(Replica.of(liar.ledger()).state());
      assertThat(await(observer.mirror(tools.id(), URI.create(actor))).state()).isEqualTo(Replica.of(liar.ledger()).state());
      serving.set(rewritten);
      assertThatThrownBy(() -> await(finder.mirror(cafe.id(), URI.create(actor))))
          .hasMessageContaining("equivocated, and is flagged");
      assertThat(finder.defences().flagged(actor)).isPresent();
      assertThat(finder.defences().evidence(actor)).hasValueSatisfying(proof -> {
        assertThat(proof.verify(KEY.verificationKey())).isTrue();
        assertThat(proof.earlier().checkpoint().root()).isEqualTo(liar.checkpoint().checkpoint().root());
        assertThat(proof.later().checkpoint().size()).isEqualTo(rewritten.ledger().size());
      });

      // The observer is told, checks the proof with the key it holds for the liar, and flags it too.
      flag.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(observer.defences().flagged(actor)).hasValueSatisfying(why -> assertThat(why).contains("verified here"));
      assertThat(observer.defences().evidence(actor)).isPresent();
      await(finder.stop());
      await(observer.stop());
    } finally {
      await(vertx.close());
    }
  }

  /** A partner's node as a mirror sees it: the checkpoint and the ledger pages of whichever collective it serves now. */
  static HttpServer peerServing(Vertx vertx, AtomicReference<Collective> serving) throws Exception {
    return peer(vertx, () -> serving.get().checkpoint(), () -> serving.get().ledger(), new AtomicInteger());
  }

  /** A partner's node as a mirror sees it: {@code checkpoint} and pages of {@code ledger}, counting the pages served. */
  static HttpServer peer(Vertx vertx, Supplier<SignedCheckpoint> checkpoint, Supplier<Ledger> ledger,
      AtomicInteger pagesServed) throws Exception {
    return await(vertx.createHttpServer().requestHandler(r -> {
      if (r.path().endsWith("/checkpoint")) {
        r.response().end(io.vertx.core.buffer.Buffer.buffer(checkpoint.get().toBytes()));
      } else if (r.path().endsWith("/ledger")) {
        pagesServed.incrementAndGet();
        long from = Long.parseLong(r.getParam("from"));
        long to = Long.parseLong(r.getParam("to"));
        r.response().putHeader("content-type", "application/json").end(io.vertx.core.buffer.Buffer.buffer(
            Json.bytes(LedgerPage.of(ledger.get().entries(from, to)))));
      } else {
        r.response().setStatusCode(404).end();
      }
    }).listen(0, "127.0.0.1"));
  }

  /**
   * Issue 14, item 5: what a node verified of a partner outlives the node. After a restart, a
   * history rewritten while it was down (the same key, another past) is a fork, proven and
   * flagged, not a new ledger to trust; and the flag and the proof survive a second restart.
   */
  @Test
  void aPastRewrittenWhileTheNodeWasDownIsFoundAfterItRestarts(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Collective liar = collective("liar");
      give(liar, "2");
      Collective rewritten = collective("liar"); // the same collective and key, another history
      give(rewritten, "5");
      give(rewritten, "7");
      AtomicReference<Collective> serving = new AtomicReference<>(liar);
      HttpServer peer = peerServing(vertx, serving);
      String actor = "http://127.0.0.1:" + peer.actualPort() + "/collectives/liar";
      Collective cafe = collective("fixit");
      int port = FedifyPeer.freePort();
      java.util.function.Supplier<FederationNode> node = () -> {
        try {
          return FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + port), dir.resolve("a"))
              .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), peer.actualPort()))
              .collective(cafe).build();
        } catch (java.net.UnknownHostException e) {
          throw new IllegalStateException(e);
        }
      };
      FederationNode first = node.get();
      await(first.start(port, "127.0.0.1"));
      assertThat(await(first.mirror(cafe.id(), URI.create(actor))).state()).isEqualTo(Replica.of(liar.ledger()).state());
      await(first.stop());

      serving.set(rewritten); // while the node is down
      FederationNode second = node.get();
      await(second.start(port, "127.0.0.1"));
      assertThatThrownBy(() -> await(second.mirror(cafe.id(), URI.create(actor))))
          .hasMessageContaining("equivocated, and is flagged");
      assertThat(second.defences().evidence(actor)).hasValueSatisfying(proof -> {
        assertThat(proof.verify(KEY.verificationKey())).isTrue();
        assertThat(proof.earlier().checkpoint().root()).isEqualTo(liar.checkpoint().checkpoint().root());
        assertThat(proof.later().checkpoint().size()).isEqualTo(rewritten.ledger().size());
      });
      await(second.stop());

      FederationNode third = node.get();
      await(third.start(port, "127.0.0.1"));
      assertThat(third.defences().flagged(actor)).isPresent();
      assertThat(third.defences().evidence(actor)).isPresent();
      assertThatThrownBy(() -> await(third.mirror(cafe.id(), URI.create(actor)))).hasMessageContaining("is flagged");
      await(third.stop());
    } finally {
      await(vertx.close());
    }
  }

  /**
   * Issue 14, item 5: a fork that arrives by push. The co-op's node serves another history of the
   * co-op (the same collective and key, rewritten from entry 2: a truncation and re-append) and
   * sends its entries on to the café's node, which mirrors the co-op: the first entry that does not
   * follow the copy flags the co-op there, and the flag outlives a restart of the café's node. The
   * café's node restarts between its pull and the push: the copy it read back from disk is what the
   * push is checked against.
   */
  @Test
  void aForkPushedAsEntriesIsFoundByAFollowerThatMirrorsIt(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Collective food = collective("food");
      give(food, "2");
      Collective rewritten = collective("food"); // the same collective and key, another history from entry 2
      give(rewritten, "5");
      give(rewritten, "7");
      Collective cafe = collective("fixit");
      InetAddress lo = InetAddress.getByName("127.0.0.1");
      int portA = FedifyPeer.freePort();
      int portB = FedifyPeer.freePort();
      FederationNode foodNode = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + portA), dir.resolve("a"))
          .addressPolicy(AddressPolicy.publicOnly().allowing(lo, portB)).collective(food).build();
      java.util.function.Supplier<FederationNode> cafeNode = () -> FederationNode.builder(vertx,
          URI.create("http://127.0.0.1:" + portB), dir.resolve("b")).addressPolicy(AddressPolicy.publicOnly()
          .allowing(lo, portA)).collective(cafe).build();
      FederationNode cafes = cafeNode.get();
      await(foodNode.start(portA, "127.0.0.1"));
      await(cafes.start(portB, "127.0.0.1"));
      java.util.concurrent.CompletableFuture<Void> accepted = new java.util.concurrent.CompletableFuture<>();
      cafes.onInbound(a -> {
        if (a.type().equals("Accept")) {
          accepted.complete(null);
        }
      });
      String actor = foodNode.actor(food.id()).toString();
      await(cafes.follow(cafe.id(), URI.create(actor)));
      accepted.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      await(foodNode.publishCheckpoint(food.id()));
      assertThat(await(cafes.mirror(cafe.id(), URI.create(actor))).state()).isEqualTo(Replica.of(food.ledger()).state());
      // The café's node restarts: its copy is read back from disk, so the push below is checked at once.
      await(cafes.stop());
      FederationNode restarted = cafeNode.get();
      await(restarted.start(portB, "127.0.0.1"));

      // The co-op's node now hosts the rewritten history and pushes what the café has not had yet.
      Future<String> flagged = restarted.awaits().flagged(actor);
      assertThat(flagged.isComplete()).isFalse();
      foodNode.unhost(food.id());
      foodNode.host(rewritten);
      assertThat(await(flagged)).contains("pushed an entry " + food.ledger().size() + " that does not follow");
      assertThat(restarted.defences().flagged(actor)).isPresent();
      assertThatThrownBy(() -> await(restarted.mirror(cafe.id(), URI.create(actor)))).hasMessageContaining("is flagged");
      await(restarted.stop());

      FederationNode again = cafeNode.get();
      await(again.start(portB, "127.0.0.1"));
      assertThat(again.defences().flagged(actor)).isPresent();
      await(again.stop());
      await(foodNode.stop());
    } finally {
      await(vertx.close());
    }
  }
}
