package coop.lattice.benchmarks;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.federation.RateLimits;
import coop.lattice.federation.ServerLimits;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.node.FederationNode;
import coop.lattice.ledger.Appearance;
import coop.lattice.store.LedgerStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The node side of the inbox load test: one collective on a node listening on 127.0.0.1, one
 * server instance per core, allowed to fetch keys from the load process's port only, its meters
 * in a {@link SimpleMeterRegistry} and its log lines through slf4j-simple (as an application would
 * have them). Runs until it is stopped by its PID.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar coop.lattice.benchmarks.InboxNode NODE_PORT LOAD_PORT [PER_ADDRESS]
 * }</pre>
 *
 * <p>The server keeps its default {@link ServerLimits}, but for {@code PER_ADDRESS}, the
 * connections one address may hold (the default's 128 if not given; 0 for no cap): on loopback
 * the load and any attack share one address, so a test of the deadlines alone lifts the cap.
 */
public final class InboxNode {
  private InboxNode() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int loadPort = Integer.parseInt(args[1]);
    ServerLimits limits = ServerLimits.defaults();
    if (args.length > 2) {
      limits = limits.withPerAddress(Integer.parseInt(args[2]));
    }
    Path dir = Files.createTempDirectory("lattice-inbox-node");
    Vertx vertx = Vertx.vertx();
    Collective coop = Collective.found(CollectiveId.of("bench"), "Bench Co-op", MemberId.of("ana"),
        Appearance.byName("Ana"), LedgerStore.inMemory(), Workload.KEY, Clock.systemUTC());
    FederationNode node = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + port), dir)
        .addressPolicy(AddressPolicy.publicOnly().allowing(InetAddress.getByName("127.0.0.1"), loadPort))
        .meterRegistry(new SimpleMeterRegistry()) // the meters cost what they would in an application
        .rateLimits(RateLimits.none()) // one load process, one address, one origin: the inbox itself is measured
        .serverLimits(limits)
        .collective(coop).build();
    int cores = Runtime.getRuntime().availableProcessors();
    node.start(port, "127.0.0.1", cores).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    System.out.println("inbox node listening on " + port + " with " + cores + " server instances (pid "
        + ProcessHandle.current().pid() + "), " + limits);
  }
}
