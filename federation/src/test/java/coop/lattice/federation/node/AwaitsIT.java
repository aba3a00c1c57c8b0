package coop.lattice.federation.node;

import static coop.lattice.federation.node.TradeOverFederationIT.ANA;
import static coop.lattice.federation.node.TradeOverFederationIT.BO;
import static coop.lattice.federation.node.TradeOverFederationIT.await;
import static coop.lattice.federation.node.TradeOverFederationIT.collective;
import static coop.lattice.federation.node.TradeOverFederationIT.next;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.collective.TradeRecord;
import coop.lattice.exchange.Side;
import coop.lattice.exchange.TradeId;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.testkit.SteppingClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 4: an application waits for what happens between collectives instead of polling
 * ({@link Awaits}): a trade's stages on its own ledger as the partner takes its steps, and its copy
 * of the partner's ledger verified up to a size. A future for what has happened already completes
 * at once; one for what has not happened yet is still pending.
 */
class AwaitsIT {
  static final CollectiveId FOOD = CollectiveId.of("food");
  static final CollectiveId FIXIT = CollectiveId.of("fixit");

  @Test
  void aTradesStagesAndAVerifiedMirrorAreAwaitedNotPolled(@TempDir Path dir) throws Exception {
    SteppingClock clock = SteppingClock.startingAt(Instant.now(), Duration.ZERO);
    Collective food = collective("food", clock, FIXIT, "10");
    Collective fixit = collective("fixit", clock, FOOD, "50");
    LinkedBlockingQueue<Entry> atFixit = new LinkedBlockingQueue<>();
    fixit.onEntry(atFixit::add);
    Vertx vertx = Vertx.vertx();
    try {
      List<FederationNode> nodes = ThirdCollectiveTradeIT.start(vertx, dir, List.of(food, fixit));
      FederationNode foodNode = nodes.get(0);
      FederationNode fixitNode = nodes.get(1);
      URI foodActor = foodNode.actor(FOOD);
      URI fixitActor = fixitNode.actor(FIXIT);
      foodNode.linkPartner(FOOD, FIXIT, fixitActor, BO);
      fixitNode.linkPartner(FIXIT, FOOD, foodActor, BO);
      ThirdCollectiveTradeIT.follow(fixitNode, FIXIT, foodActor);
      ThirdCollectiveTradeIT.follow(foodNode, FOOD, fixitActor);
      atFixit.clear();
      List<TradeRecord.Stage> stepsAtFood = new java.util.concurrent.CopyOnWriteArrayList<>();
      foodNode.awaits().onTrade((local, stage, trade) -> stepsAtFood.add(stage));
      List<Long> mirroredSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
      foodNode.awaits().onMirrored((actor, cp) -> mirroredSizes.add(cp.checkpoint().size()));

      // The co-op gives 3 kg of apples; it waits for each step the café takes, on its own ledger.
      long offer = food.trade().offer(ANA, FIXIT, Side.US, Side.US, Quantity.kilograms("3"), "apples",
          clock.instant().plus(Duration.ofDays(2)));
      TradeId id = TradeId.of(FOOD, offer);
      Future<TradeRecord> accepted = foodNode.awaits().trade(FOOD, id, TradeRecord.Stage.ACCEPTED);
      Future<TradeRecord> acknowledged = foodNode.awaits().trade(FOOD, id, TradeRecord.Stage.ACKNOWLEDGED);
      assertThat(accepted.isComplete()).isFalse();

      long atCafe = next(atFixit, Event.TradeOffered.class).sequence();
      fixit.trade().accept(ANA, atCafe, Side.US);
      assertThat(await(accepted).stage()).isEqualTo(TradeRecord.Stage.ACCEPTED);
      assertThat(await(accepted).id()).isEqualTo(id);

      food.trade().fulfil(ANA, offer, Side.US);
      next(atFixit, Event.TradeFulfilled.class);
      assertThat(acknowledged.isComplete()).as("the café has not acknowledged yet").isFalse();
      fixit.trade().acknowledge(ANA, atCafe, Side.US);
      assertThat(await(acknowledged).stage()).isEqualTo(TradeRecord.Stage.ACKNOWLEDGED);
      assertThat(foodNode.awaits().trade(FOOD, id, TradeRecord.Stage.FULFILLED).isComplete())
          .as("a stage passed already completes at once").isTrue();

      // The co-op waits for its copy of the café's ledger to be verified up to the café's size now.
      long size = fixit.ledger().size();
      Future<SignedCheckpoint> mirrored = foodNode.awaits().mirrored(fixitActor.toString(), size);
      assertThat(mirrored.isComplete()).isFalse();
      await(fixitNode.publishCheckpoint(FIXIT));
      await(foodNode.mirror(FOOD, fixitActor));
      assertThat(await(mirrored).checkpoint().size()).isEqualTo(size);

      // The listeners were told each step and each verified copy, in order, on the threads that made them.
      assertThat(stepsAtFood).containsExactly(TradeRecord.Stage.OFFERED, TradeRecord.Stage.ACCEPTED,
          TradeRecord.Stage.FULFILLED, TradeRecord.Stage.ACKNOWLEDGED);
      assertThat(mirroredSizes).containsExactly(size);

      await(foodNode.stop());
      await(fixitNode.stop());
    } finally {
      await(vertx.close());
    }
  }
}
