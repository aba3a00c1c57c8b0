package coop.lattice.federation.node;

import static coop.lattice.federation.node.MirrorIT.ANA;
import static coop.lattice.federation.node.MirrorIT.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.collective.Collective;
import coop.lattice.collective.CollectiveState;
import coop.lattice.collective.Replica;
import coop.lattice.federation.MirroredLedger;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.ledger.EntryFormat;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.NewerEvent;
import coop.lattice.ledger.SignedCheckpoint;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a node's copy of a partner's ledger is (issue 14, items 5, 6 and 8): a read-only, verified
 * ledger kept on disk, read back after a restart, that holds entries a newer version wrote without
 * refusing the partner for them.
 */
class MirrorCopyIT {
  /**
   * Issue 14, items 5 and 6: the copy is a read-only ledger (entries as the partner signed them,
   * proofs against its checkpoint, state and digest), kept on disk: a node restarted on the same
   * directory has the whole copy at once and pulls no entry it already verified.
   */
  @Test
  void theCopyIsAVerifiedLedgerThatOutlivesARestart(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Collective food = MirrorIT.collective("food");
      for (int i = 0; i < 4; i++) {
        MirrorIT.give(food, "1." + i);
      }
      SignedCheckpoint signed = food.checkpoint();
      AtomicInteger pagesServed = new AtomicInteger();
      HttpServer peer = MirrorIT.peer(vertx, () -> signed, food::ledger, pagesServed);
      String actor = "http://127.0.0.1:" + peer.actualPort() + "/collectives/food";
      Collective cafe = MirrorIT.collective("fixit");
      int port = FedifyPeer.freePort();
      java.util.function.Supplier<FederationNode> cafeNode = () -> {
        try {
          return FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + port), dir)
              .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), peer.actualPort()))
              .collective(cafe).build();
        } catch (java.net.UnknownHostException e) {
          throw new IllegalStateException(e);
        }
      };
      FederationNode node = cafeNode.get();
      MirrorIT.await(node.start(port, "127.0.0.1"));
      MirroredLedger copy = MirrorIT.await(node.mirror(cafe.id(), URI.create(actor)));
      long size = food.ledger().size();
      assertThat(copy.size()).isEqualTo(size);
      assertThat(copy.verified()).contains(signed);
      for (long i = 0; i < size; i++) {
        assertThat(copy.entryBytes(i)).isEqualTo(food.ledger().entryBytes(i));
        assertThat(Ledger.verifyInclusion(copy.entryBytes(i), copy.inclusionProof(i, size), signed.checkpoint().root()))
            .as("entry %s is proven in the partner's signed root", i).isTrue();
      }
      assertThat(copy.entry(2)).isEqualTo(food.ledger().entry(2));
      assertThat(copy.root(size)).isEqualTo(signed.checkpoint().root());
      assertThat(copy.digest()).isEqualTo(Replica.of(food.ledger()).state().digest());
      int pulled = pagesServed.get();
      assertThat(pulled).isPositive();
      MirrorIT.await(node.stop());

      FederationNode again = cafeNode.get();
      MirrorIT.await(again.start(port, "127.0.0.1"));
      MirroredLedger restored = MirrorIT.await(again.mirror(cafe.id(), URI.create(actor)));
      assertThat(pagesServed.get()).as("no entry pulled twice: the copy was read back from disk").isEqualTo(pulled);
      assertThat(restored.size()).isEqualTo(size);
      assertThat(restored.digest()).isEqualTo(copy.digest());
      assertThat(restored.entryBytes(size - 1)).isEqualTo(food.ledger().entryBytes(size - 1));
      MirrorIT.await(again.stop());
    } finally {
      MirrorIT.await(vertx.close());
    }
  }

  /**
   * Issue 14, item 8: a partner on a newer version of Lattice has an entry this version cannot read.
   * The node mirrors its ledger all the same, verified to the signed checkpoint, holds the entry
   * unread and says so in the copy's state, and neither refuses nor flags the partner.
   */
  @Test
  void aPartnerOnANewerVersionIsMirroredWithWhatThisOneCannotReadMarked(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Collective newer = MirrorIT.collective("newer");
      MirrorIT.give(newer, "2");
      Ledger ledger = newer.ledger();
      long at = ledger.append(Clock.systemUTC().instant(), ANA,
          new NewerEvent("HarvestShared", EntryFormat.CURRENT + 1, "{\"crates\":12,\"type\":\"HarvestShared\"}")).sequence();
      SignedCheckpoint signed = ledger.checkpoint(KEY, Clock.systemUTC().instant());
      HttpServer peer = MirrorIT.peer(vertx, () -> signed, () -> ledger, new AtomicInteger());
      String actor = "http://127.0.0.1:" + peer.actualPort() + "/collectives/newer";
      Collective cafe = MirrorIT.collective("fixit");
      int port = FedifyPeer.freePort();
      FederationNode node = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + port), dir)
          .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), peer.actualPort()))
          .collective(cafe).build();
      MirrorIT.await(node.start(port, "127.0.0.1"));
      CollectiveState copy = MirrorIT.await(node.mirror(cafe.id(), URI.create(actor))).state();
      assertThat(copy.size()).isEqualTo(ledger.size());
      assertThat(copy.unread()).containsExactly(new Replica.Unread(at, "HarvestShared", EntryFormat.CURRENT + 1));
      assertThat(copy).isEqualTo(Replica.of(ledger).state());
      assertThat(copy.contributions()).hasSize(1);
      assertThat(node.defences().flagged(actor)).isEmpty();
      MirrorIT.await(node.stop());
    } finally {
      MirrorIT.await(vertx.close());
    }
  }
}
