package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.federation.InboundActivity;
import coop.lattice.federation.WitnessStatus;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Witnessed checkpoints: a partner that mirrors a collective cosigns the checkpoints it verified
 * and sends the cosignature back; the collective keeps them, shows since when its newest entries
 * are unwitnessed, and, when its disk is rolled back, learns it from its witness and holds (its
 * deliveries wait, {@code /health} is 503) until an operator decides it carries on.
 */
class WitnessIT {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);

  Vertx vertx;
  Path dir;
  FederationNode home;
  FederationNode witness;
  int homePort;
  int witnessPort;

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The same clock from the same instant: a food co-op with {@code gifts} contributions, byte for byte. */
  static Collective food(int gifts) {
    Collective c = Collective.found(CollectiveId.of("food"), "Food", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), KEY, SteppingClock.startingAt("2026-11-30T12:00:00Z", Duration.ofSeconds(1)));
    c.admit(ANA, BO, Appearance.byName("Bo"));
    for (int i = 0; i < gifts; i++) {
      c.acknowledge(ANA, c.record(Contribution.toMember(BO, ANA, ContributionKind.FOOD, Quantity.kilograms("1"))));
    }
    return c;
  }

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    this.dir = dir;
    vertx = Vertx.vertx();
    homePort = FedifyPeer.freePort();
    witnessPort = FedifyPeer.freePort();
  }

  @AfterEach
  void stop() throws Exception {
    if (home != null) {
      await(home.stop());
    }
    if (witness != null) {
      await(witness.stop());
    }
    await(vertx.close());
  }

  FederationNode homeNode(Collective food) throws Exception {
    FederationNode n = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + homePort), dir.resolve("home"))
        .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), witnessPort))
        .collective(food).build();
    return n;
  }

  @Test
  void aWitnessCosignsWhatItVerifiedAndARolledBackDiskIsHeldUntilAnOperatorDecides() throws Exception {
    Collective food = food(3);
    food.checkpoint();
    home = homeNode(food);
    CompletableFuture<InboundActivity> cosigned = cosignatureArrives();
    await(home.start(homePort, "127.0.0.1"));
    Collective cafe = startWitness(5);

    URI actor = home.actor(food.id());
    await(witness.mirror(cafe.id(), actor));
    cosigned.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    WitnessStatus seen = home.witnesses(food.id());
    assertThat(seen.cosigned()).containsEntry(witness.actor(cafe.id()).toString(), food.ledger().size());
    assertThat(seen.held()).isNull();

    // Newer entries nobody has cosigned yet: shown, not a failure.
    food.acknowledge(ANA, food.record(Contribution.toMember(BO, ANA, ContributionKind.FOOD, Quantity.kilograms("2"))));
    assertThat(food.health().indicators()).anySatisfy(i -> {
      assertThat(i.name()).isEqualTo("unwitnessed-entries");
      assertThat(i.explanation()).contains("unwitnessed since " + seen.lastCosigned());
    });
    var health = new ObjectMapper().readTree(health().body());
    assertThat(health.path("journals").get(0).path("unwitnessedSince").asText()).isEqualTo(seen.lastCosigned()
        .toString());

    // The home node's disk goes back to a backup with fewer entries than the witness verified.
    await(home.stop());
    Collective restored = food(1);
    home = homeNode(restored);
    await(home.start(homePort, "127.0.0.1"));
    WitnessStatus asked = await(home.checkWitnesses(restored.id()));
    assertThat(asked.held()).contains("rolled back");
    HttpResponse<String> held = health();
    assertThat(held.statusCode()).isEqualTo(503);
    assertThat(held.body()).contains("is held until an operator decides");

    home.carryOn(restored.id(), "the operator restored the backup on purpose; see the repair statement");
    assertThat(home.witnesses(restored.id()).held()).isNull();
    assertThat(health().body()).doesNotContain("is held");
  }

  @Test
  void aCollectiveWhoseAgreementWaitsForItsWitnessesIsHeldWhileNoneCanBeAsked() throws Exception {
    SteppingClock clock = SteppingClock.startingAt("2026-11-30T12:00:00Z", Duration.ofSeconds(1));
    Collective food = Collective.found(CollectiveId.of("food"), "Food", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), KEY, clock);
    food.admit(ANA, BO, Appearance.byName("Bo"));
    long proposal = food.agreements().propose(ANA, coop.lattice.agreement.AgreementTerms.builder(
        coop.lattice.agreement.AgreementId.of("witnessing"), "Witnessing").text("Our partners watch our ledger.")
        .scope("federation").reviewOn(java.time.LocalDate.of(2027, 12, 1))
        .rule(coop.lattice.agreement.DecisionRule.consent(Duration.ofDays(7)))
        .set(coop.lattice.agreement.Parameter.WITNESS_UNREACHABLE.name(), "wait").build(), "");
    food.agreements().respond(BO, proposal, coop.lattice.agreement.Response.CONSENT, "");
    clock.advance(Duration.ofDays(8));
    food.agreements().decide(ANA, proposal, "adopted");
    food.checkpoint();
    home = homeNode(food);
    CompletableFuture<InboundActivity> cosigned = cosignatureArrives();
    await(home.start(homePort, "127.0.0.1"));
    Collective cafe = startWitness(6);
    await(witness.mirror(cafe.id(), home.actor(food.id())));
    cosigned.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(await(home.checkWitnesses(food.id())).held()).as("its witness answered").isNull();

    await(witness.stop());
    witness = null;
    assertThat(await(home.checkWitnesses(food.id())).held()).contains("only 0 of its 1 witnesses could be asked");
  }

  /** Completes with the first activity the home node takes that carries a cosignature. */
  CompletableFuture<InboundActivity> cosignatureArrives() {
    CompletableFuture<InboundActivity> cosigned = new CompletableFuture<>();
    home.onInbound(a -> {
      if (a.type().equals("Create") && new String(a.json(), java.nio.charset.StandardCharsets.UTF_8)
          .contains("cosignature")) {
        cosigned.complete(a);
      }
    });
    return cosigned;
  }

  /** Starts the witness node with a café whose key seed is 32 bytes of {@code seed}; returns the café. */
  Collective startWitness(int seed) throws Exception {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) seed);
    Collective cafe = Collective.found(CollectiveId.of("cafe"), "Cafe", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), CollectiveKey.fromSeed(key), Clock.systemUTC());
    witness = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + witnessPort), dir.resolve("witness"))
        .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), homePort))
        .collective(cafe).build();
    await(witness.start(witnessPort, "127.0.0.1"));
    return cafe;
  }

  HttpResponse<String> health() throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + homePort
        + "/health")).build(), HttpResponse.BodyHandlers.ofString());
  }
}
