package coop.lattice.federation.outbox;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import io.vertx.core.Context;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The event loops deliveries run on, one per core. Without them every delivery ran on the one
 * context that first kicked it, so signing and sending for all followers shared one thread; each
 * follower's inbox now stays on one loop of these (its order is kept), and the inboxes are spread
 * over all of them. The loops are the contexts of a deployment's instances: Vert.x gives each
 * instance an event loop of its own.
 */
public final class DeliveryLoops {
  private static final HashFunction SPREAD = Hashing.murmur3_32_fixed();

  private final List<Context> loops = new CopyOnWriteArrayList<>();
  private volatile @Nullable String deployment;

  /** Makes {@code count} loops; completes when they are ready. */
  public Future<Void> start(Vertx vertx, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("deliveries need at least one event loop, not " + count);
    }
    return vertx.deployVerticle(Loop::new, new DeploymentOptions().setInstances(count))
        .onSuccess(id -> deployment = id).mapEmpty();
  }

  /** The loop for {@code inbox}; null before {@link #start}. */
  @Nullable Context of(String inbox) {
    List<Context> now = List.copyOf(loops);
    // A mixed hash: String.hashCode's low bits are the parity of the characters' sum, which URLs
    // that repeat a number (/users/f7 on host7) share.
    return now.isEmpty() ? null : now.get(Math.floorMod(SPREAD.hashUnencodedChars(inbox).asInt(), now.size()));
  }

  /** Takes the loops down. */
  public Future<Void> stop(Vertx vertx) {
    String id = deployment;
    loops.clear();
    return id == null ? Future.succeededFuture() : vertx.undeploy(id);
  }

  /** One instance: it only lends its context. */
  private final class Loop implements Deployable {
    @Override
    public Future<?> deploy(Context context) {
      loops.add(context);
      return Future.succeededFuture();
    }

    @Override
    public Future<?> undeploy(Context context) {
      return Future.succeededFuture();
    }
  }
}
