package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.federation.FollowState;
import coop.lattice.federation.InboundActivity;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.http.Signing;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.store.LedgerStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Lattice nodes on loopback: a repair café follows a food co-op, which accepts, and the
 * co-op's entries reach the café signed with RFC 9421 and Ed25519 on the first knock, carrying
 * the canonical entry and an object proof that the café checks.
 */
class TwoNodesIT {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final MemberId ANA = MemberId.of("ana");

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aCollectiveFollowsAnotherAndReceivesItsEntriesOverRfc9421(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Collective food = Collective.found(CollectiveId.of("food"), "Food Co-op", ANA, Appearance.byName("Ana"),
          LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), Clock.systemUTC());
      Collective cafe = Collective.found(CollectiveId.of("fixit"), "Fixit Café", ANA, Appearance.byName("Ana"),
          LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), Clock.systemUTC());
      NodePair nodes = NodePair.start(vertx, dir, food, cafe);
      FederationNode foodNode = nodes.first();
      FederationNode cafeNode = nodes.second();
      int foodPort = foodNode.actor(food.id()).getPort();
      int cafePort = cafeNode.actor(cafe.id()).getPort();

      CompletableFuture<InboundActivity> accept = new CompletableFuture<>();
      CompletableFuture<InboundActivity> create = new CompletableFuture<>();
      cafeNode.onInbound(a -> (a.type().equals("Accept") ? accept : create).complete(a));
      URI foodActor = await(cafeNode.lookup(cafe.id(), "acct:food@127.0.0.1:" + foodPort, "http"));
      String follow = await(cafeNode.follow(cafe.id(), foodActor));
      accept.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(cafeNode.followState(cafe.id(), follow)).contains(FollowState.ACCEPTED);
      assertThat(foodNode.followers(food.id())).containsKey(cafeNode.actor(cafe.id()).toString());

      long ref = food.record(Contribution.toCollective(ANA, ContributionKind.FOOD, Quantity.kilograms("3")));
      InboundActivity a = create.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(a.id()).isEqualTo(foodActor + "/entries/" + ref + "/activity");
      var json = new ObjectMapper().readTree(a.json());
      assertThat(json.path("object").path("entry").asText())
          .isEqualTo(new String(LedgerJson.canonicalBytes(food.ledger().entry(ref)), StandardCharsets.UTF_8));
      assertThat(json.path("proof").path("cryptosuite").asText()).isEqualTo("eddsa-jcs-2022");
      // Both ends speak RFC 9421, so the first knock (RSA key) got in: no fallback to cavage was
      // needed; the cafe's inbox asked for Ed25519 in its answer, and the entry went with it.
      assertThat(foodNode.signatureScheme("127.0.0.1:" + cafePort)).isEqualTo(HttpSignatures.Scheme.RFC9421);
      assertThat(foodNode.signing("127.0.0.1:" + cafePort)).isEqualTo(Signing.RFC9421_ED25519);
      nodes.stop();
    } finally {
      await(vertx.close());
    }
  }
}
