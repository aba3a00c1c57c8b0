package coop.lattice.benchmarks;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.node.FederationNode;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Contribution;
import coop.lattice.store.LedgerStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outbox throughput: a node whose collective has F followers, each with its own inbox on a sink
 * server on loopback. E entries are appended and delivered as a warm-up, then E more are
 * appended; the figure is signed deliveries per second from the first of those appends until
 * every inbox took every one of them (each entry's FEP-8b32 proof is made once
 * and its activity serialized once for all followers; each delivery is signed on its own).
 *
 * <p>The sink answers as one of two kinds of server ({@code RECEIVER}, default {@code cavage}):
 * <ul>
 *   <li>{@code cavage}: a server that takes only draft-cavage, answering 202 to it and 401 to RFC
 *       9421, so the double knock settles on RSA-2048 signatures;
 *   <li>{@code lattice}: a Lattice inbox, answering 202 to RFC 9421 with the {@code
 *       Accept-Signature} that asks for Ed25519, so deliveries settle on RFC 9421 Ed25519.
 * </ul>
 * It counts the deliveries signed each way, and then the same JVM measures the signature
 * primitive's limit on all cores for the same time (RSA-2048 or Ed25519 signing), so the outbox
 * can be read as a share of it.
 *
 * <pre>{@code
 * java -cp benchmarks.jar coop.lattice.benchmarks.OutboxLoad FOLLOWERS ENTRIES [IN_FLIGHT_PER_HOST [RECEIVER [HOSTS]]]
 * }</pre>
 *
 * <p>{@code HOSTS} (default 1) spreads the followers over that many sink servers, each its own
 * host to the outbox (its own port), as a collective's followers are spread over many nodes: with
 * one host, the per-host limit on requests in flight bounds the figure, not the CPU. The process's
 * CPU time during the load is reported too, as deliveries per CPU-second (the sink's own work
 * included): what one core does when the outbox is the bottleneck.
 */
public final class OutboxLoad {
  private OutboxLoad() {}

  public static void main(String[] args) throws Exception {
    int followers = Integer.parseInt(args[0]);
    int entries = Integer.parseInt(args[1]);
    int perHost = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    boolean lattice = args.length > 3 && args[3].equals("lattice");
    int hosts = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    if (args.length > 3 && !lattice && !args[3].equals("cavage")) {
      throw new IllegalArgumentException("RECEIVER is cavage or lattice, not " + args[3]);
    }
    AtomicLong ed25519 = new AtomicLong();
    AtomicLong rsa = new AtomicLong();
    Vertx vertx = Vertx.vertx();
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair key = g.generateKeyPair();
    AtomicLong received = new AtomicLong();
    List<String> origins = new ArrayList<>();
    AddressPolicy policy = AddressPolicy.publicOnly();
    for (int h = 0; h < hosts; h++) {
      HttpServer sink = vertx.createHttpServer().requestHandler(r -> {
        String p = r.path();
        if (r.method() == HttpMethod.GET && p.startsWith("/users/")) {
          String id = "http://" + r.authority() + p;
          String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(key.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
          r.response().putHeader("content-type", "application/activity+json").end("{\"id\":\"" + id
              + "\",\"type\":\"Person\",\"inbox\":\"" + id + "/inbox\",\"publicKey\":{\"id\":\"" + id
              + "#main-key\",\"owner\":\"" + id + "\",\"publicKeyPem\":\"" + pem.replace("\n", "\\n") + "\"}}");
        } else if (r.getHeader("signature-input") != null && !lattice) {
          r.response().setStatusCode(401).end();
        } else {
          String input = r.getHeader("signature-input");
          (input != null && input.contains("alg=\"ed25519\"") ? ed25519 : rsa).incrementAndGet();
          r.body().onSuccess(b -> {
            received.incrementAndGet();
            if (lattice) {
              r.response().putHeader("accept-signature", HttpSignatures.ACCEPT_ED25519);
            }
            r.response().setStatusCode(202).end();
          });
        }
      });
      sink.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      origins.add("http://127.0.0.1:" + sink.actualPort());
      policy = policy.allowing(InetAddress.getByName("127.0.0.1"), sink.actualPort());
    }

    Collective coop = Collective.found(CollectiveId.of("bench"), "Bench Co-op", MemberId.of("ana"),
        Appearance.byName("Ana"), LedgerStore.inMemory(), Workload.KEY, Clock.systemUTC());
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    String base = "http://127.0.0.1:" + port;
    FederationNode node = FederationNode.builder(vertx, URI.create(base), Files.createTempDirectory("outbox-load"))
        .addressPolicy(policy)
        .perHostConcurrency(perHost).meterRegistry(new SimpleMeterRegistry()).collective(coop).build();
    node.start(port, "127.0.0.1", 2).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    HttpClient client = vertx.createHttpClient();
    for (int f = 0; f < followers; f++) {
      String actor = origins.get(f % hosts) + "/users/f" + f;
      String follow = "{\"id\":\"" + actor + "/follows/1\",\"type\":\"Follow\",\"actor\":\"" + actor
          + "\",\"object\":\"" + base + "/collectives/bench\"}";
      HttpMessage m = HttpSignatures.sign(HttpMessage.request("POST", "http", "127.0.0.1:" + port,
          "/collectives/bench/inbox", follow.getBytes(StandardCharsets.UTF_8)), HttpSignatures.Scheme.CAVAGE,
          actor + "#main-key", key.getPrivate(), Instant.now());
      RequestOptions ro = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
          .setURI("/collectives/bench/inbox");
      m.headers().forEach((k, v) -> v.forEach(x -> ro.addHeader(k, x)));
      int status = client.request(ro).compose(r -> r.send(Buffer.buffer(m.body()))).map(r -> r.statusCode())
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      if (status != 202) {
        throw new IllegalStateException("follow " + f + " answered " + status);
      }
    }
    while (node.followers(coop.id()).size() < followers) {
      Thread.onSpinWait();
    }
    // One delivery first, so that the double knock has settled on cavage for the sink's host.
    CountDownLatch warm = new CountDownLatch(followers);
    node.onDelivered((inbox, entry) -> warm.countDown());
    coop.admit(MemberId.of("ana"), MemberId.of("bo"), Appearance.byName("Bo"));
    warm.await(60, TimeUnit.SECONDS);

    // A warm-up as long as the measured load (the JIT compiles the path), then the clock.
    long size = coop.ledger().size();
    long warmTotal = (long) followers * entries;
    CountDownLatch warmed = new CountDownLatch(1);
    AtomicLong warmDelivered = new AtomicLong();
    node.onDelivered((inbox, entry) -> {
      if (entry >= size && entry < size + entries && warmDelivered.incrementAndGet() == warmTotal) {
        warmed.countDown();
      }
    });
    for (int e = 0; e < entries; e++) {
      coop.record(Contribution.toCollective(MemberId.of("bo"), ContributionKind.FOOD, Quantity.kilograms("1")));
    }
    if (!warmed.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("only " + warmDelivered.get() + " of " + warmTotal + " warm-up deliveries");
    }
    System.out.printf("warm-up: %d deliveries%n", warmTotal);

    long measuredFrom = size + entries;
    long total = (long) followers * entries;
    CountDownLatch done = new CountDownLatch(1);
    AtomicLong delivered = new AtomicLong();
    node.onDelivered((inbox, entry) -> {
      if (entry >= measuredFrom && delivered.incrementAndGet() == total) {
        done.countDown();
      }
    });
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long start = System.nanoTime();
    for (int e = 0; e < entries; e++) {
      coop.record(Contribution.toCollective(MemberId.of("bo"), ContributionKind.FOOD, Quantity.kilograms("1")));
    }
    if (!done.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("only " + delivered.get() + " of " + total + " deliveries in 10 minutes");
    }
    double s = (System.nanoTime() - start) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    long ed = ed25519.get();
    long rs = rsa.get();
    System.out.printf("%d followers x %d entries = %d signed deliveries (%s, %d in flight per host)"
        + " in %.2f s: %.0f/s, %.0f/s per core (%d cores); dead letters %d; all requests signed Ed25519 %d, RSA %d%n",
        followers, entries, total, lattice ? "RFC 9421 Ed25519 after the first knock" : "draft-cavage, RSA-2048",
        perHost, s, total / s, total / s / cores, cores, node.deadLetters().size(), ed, rs);
    System.out.printf("%d hosts; process CPU %.2f s during the load: %.3f ms per delivery, %.0f deliveries per CPU-second%n",
        hosts, cpu, 1000 * cpu / total, total / cpu);
    node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    double limit = SigningLimit.perCore(lattice ? "Ed25519" : "RSA", cores, Math.max(2, s));
    System.out.printf("signing limit in this JVM (%s, %d threads): %.0f/s per core; outbox per core / limit = %.3f%n",
        lattice ? "Ed25519 through the collective's key" : "RSA-2048 SHA256withRSA", cores, limit,
        total / s / cores / limit);
    System.out.printf("deliveries per CPU-second / limit = %.3f%n", total / cpu / limit);
  }
}
