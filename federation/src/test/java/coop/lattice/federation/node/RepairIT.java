package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.collective.Migration;
import coop.lattice.collective.Replica;
import coop.lattice.federation.InboundActivity;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repair is not a fork: a collective restored from a backup declares, signed, that its ledger
 * after the last good checkpoint was replaced; a partner that accepts repairs rebuilds its copy
 * from the repaired ledger, one that does not flags the collective, and only a logged decision
 * lifts the flag.
 */
class RepairIT {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);

  Vertx vertx;
  Path dir;
  FederationNode home;
  FederationNode partner;
  Collective cafe;

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The same clock from the same instant: the same commands give byte-identical ledgers. */
  static Collective food() {
    Collective c = Collective.found(CollectiveId.of("food"), "Food", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), KEY, SteppingClock.startingAt("2026-11-30T12:00:00Z", Duration.ofSeconds(1)));
    c.admit(ANA, BO, Appearance.byName("Bo"));
    give(c, "2");
    return c;
  }

  static void give(Collective c, String kg) {
    c.acknowledge(ANA, c.record(Contribution.toMember(BO, ANA, ContributionKind.FOOD, Quantity.kilograms(kg))));
  }

  @BeforeEach
  void start(@TempDir Path dir) {
    this.dir = dir;
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    if (home != null) {
      await(home.stop());
    }
    if (partner != null) {
      await(partner.stop());
    }
    await(vertx.close());
  }

  /** Home hosts {@code food}; the partner hosts a café that follows it and mirrors it. */
  URI link(Collective food, boolean acceptRepairs) throws Exception {
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    int portA = FedifyPeer.freePort();
    int portB = FedifyPeer.freePort();
    cafe = Collective.found(CollectiveId.of("cafe"), "Cafe", ANA, Appearance.byName("Ana"), LedgerStore.inMemory(),
        CollectiveKey.fromSeed(new byte[] {
            9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}),
        java.time.Clock.systemUTC());
    home = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + portA), dir.resolve("a"))
        .addressPolicy(AddressPolicy.publicOnly().allowing(lo, portB)).collective(food).build();
    partner = partnerNode(portB, portA, acceptRepairs);
    await(home.start(portA, "127.0.0.1"));
    await(partner.start(portB, "127.0.0.1"));
    CompletableFuture<InboundActivity> accepted = new CompletableFuture<>();
    partner.onInbound(a -> {
      if (a.type().equals("Accept")) {
        accepted.complete(a);
      }
    });
    URI actor = home.actor(food.id());
    food.checkpoint();
    await(partner.follow(cafe.id(), actor));
    accepted.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(await(partner.mirror(cafe.id(), actor)).state()).isEqualTo(Replica.of(food.ledger()).state());
    return actor;
  }

  FederationNode partnerNode(int port, int homePort, boolean acceptRepairs) throws Exception {
    return FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + port), dir.resolve("b"))
        .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), homePort))
        .acceptRepairs(acceptRepairs).collective(cafe).build();
  }

  @Test
  void aDeclaredRestoreIsAcceptedAndThePartnersCopyIsRebuiltFromTheRepairedLedger() throws Exception {
    Collective food = food();
    give(food, "3"); // entries the restore will lose
    URI actor = link(food, true);

    Collective restored = food(); // the backup: the same ledger up to before the lost entries
    home.unhost(food.id());
    home.host(restored);
    await(home.announceRepair(restored.id(), "restore", "restored from the backup of 2026-11-29"));
    give(restored, "9");
    restored.checkpoint();

    assertThat(await(partner.mirror(cafe.id(), actor)).state()).isEqualTo(Replica.of(restored.ledger()).state());
    assertThat(partner.defences().flagged(actor.toString())).isEmpty();
  }

  /**
   * Issue 18: a collective that migrated its ledger (members as handles: a new ledger entry for
   * entry, whose entry 0 commits to the old one's last checkpoint) declares it, and a partner that
   * accepts repairs rebuilds its copy from the new ledger instead of flagging it as a fork.
   */
  @Test
  void aDeclaredMigrationIsAcceptedAndThePartnersCopyIsRebuiltFromTheNewLedger() throws Exception {
    LedgerStore store = LedgerStore.inMemory();
    Collective food = Collective.found(CollectiveId.of("food"), "Food", ANA, Appearance.byName("Ana"), store, KEY,
        SteppingClock.startingAt("2026-11-30T12:00:00Z", Duration.ofSeconds(1)));
    food.admit(ANA, BO, Appearance.byName("Bo"));
    give(food, "2");
    URI actor = link(food, true);

    Collective migrated = Migration.migrate(store, LedgerStore.inMemory(), KEY,
        SteppingClock.startingAt("2026-12-01T12:00:00Z", Duration.ofSeconds(1)));
    home.unhost(food.id());
    home.host(migrated);
    await(home.announceRepair(migrated.id(), "migration", "members now appear as handles"));
    give(migrated, "9");
    migrated.checkpoint();

    assertThat(await(partner.mirror(cafe.id(), actor)).state()).isEqualTo(Replica.of(migrated.ledger()).state());
    assertThat(partner.defences().flagged(actor.toString())).isEmpty();
  }

  @Test
  void aPartnerThatDoesNotAcceptRepairsFlagsTheCollectiveUntilALoggedDecisionLiftsIt() throws Exception {
    Collective food = food();
    give(food, "3");
    URI actor = link(food, false);
    Collective restored = food();
    home.unhost(food.id());
    home.host(restored);
    await(home.announceRepair(restored.id(), "restore", "restored from the backup of 2026-11-29"));
    assertThat(partner.defences().flagged(actor.toString())).hasValueSatisfying(why ->
        assertThat(why).contains("declared a repair (restore: restored from the backup of 2026-11-29)"));

    partner.defences().liftFlag(actor.toString(), "lifted by the cafe's meeting of 2026-12-01, minute 4");
    assertThat(partner.defences().flagged(actor.toString())).isEmpty();
    int port = URI.create(partner.actor(cafe.id()).toString()).getPort();
    await(partner.stop());
    partner = partnerNode(port, URI.create(actor.toString()).getPort(), false);
    await(partner.start(port, "127.0.0.1"));
    assertThat(partner.defences().flagged(actor.toString())).as("the decision is in the log").isEmpty();
  }
}
