package coop.lattice.federation.node;

import coop.lattice.collective.Collective;
import coop.lattice.federation.net.AddressPolicy;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Two nodes on loopback, one collective each, each allowed to reach only the other; started. */
record NodePair(FederationNode first, FederationNode second) {
  static NodePair start(Vertx vertx, Path dir, Collective a, Collective b) throws Exception {
    int portA = FedifyPeer.freePort();
    int portB = FedifyPeer.freePort();
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    FederationNode first = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + portA), dir.resolve("a"))
        .addressPolicy(AddressPolicy.publicOnly().allowing(lo, portB)).collective(a).build();
    FederationNode second = FederationNode.builder(vertx, URI.create("http://127.0.0.1:" + portB), dir.resolve("b"))
        .addressPolicy(AddressPolicy.publicOnly().allowing(lo, portA)).collective(b).build();
    first.start(portA, "127.0.0.1").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    second.start(portB, "127.0.0.1").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    return new NodePair(first, second);
  }

  void stop() throws Exception {
    first.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    second.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
