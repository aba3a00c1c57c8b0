package coop.lattice.benchmarks;

import coop.lattice.federation.http.HttpMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.keys.ActorKeys;
import coop.lattice.federation.keys.ObjectProofs;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The load process for the inbox benchmark: serves ten remote actors on 127.0.0.1:LOAD_PORT,
 * pre-signs every request before the clock starts, then posts unique {@code Create} activities
 * to the inbox with a bounded number in flight and reports accepted activities per second and
 * latency percentiles. Run it against a Lattice node ({@link InboxNode}) or the Fedify peer.
 * With {@code -Dload.client=raw} the requests go out through {@link RawSender} (raw sockets, each
 * request's bytes encoded in advance) instead of Vert.x's HTTP client: less of the two cores for
 * the load process, the same requests.
 *
 * <p>Two kinds of sender ({@code SENDER}, default {@code cavage}):
 * <ul>
 *   <li>{@code cavage}: what Mastodon sends, draft-cavage {@code rsa-sha256} with a {@code Digest},
 *       RSA-2048 keys;
 *   <li>{@code lattice}: what a Lattice node sends another once they have settled, RFC 9421 with
 *       {@code alg="ed25519"} and a {@code Content-Digest}, the activity carrying an FEP-8b32
 *       {@code eddsa-jcs-2022} proof by the same actor's Ed25519 key (listed under {@code
 *       assertionMethod}), in Lattice's context; the inbox checks both.
 * </ul>
 *
 * <pre>{@code
 * java -cp benchmarks.jar coop.lattice.benchmarks.InboxLoad LOAD_PORT INBOX_URL TARGET_ACTOR WARMUP MEASURED IN_FLIGHT [SENDER]
 * }</pre>
 */
public final class InboxLoad {
  private InboxLoad() {}

  record Prepared(HttpMessage message) {}

  /** The server's process id, to read its CPU time around the measured phase; -1 if not given. */
  private static final long SERVER_PID = Long.getLong("server.pid", -1);

  public static void main(String[] args) throws Exception {
    int loadPort = Integer.parseInt(args[0]);
    URI inbox = URI.create(args[1]);
    String target = args[2];
    int warmup = Integer.parseInt(args[3]);
    int measured = Integer.parseInt(args[4]);
    int inFlight = Integer.parseInt(args[5]);
    boolean lattice = args.length > 6 && args[6].equals("lattice");
    if (args.length > 6 && !lattice && !args[6].equals("cavage")) {
      throw new IllegalArgumentException("SENDER is cavage or lattice, not " + args[6]);
    }
    String origin = "http://127.0.0.1:" + loadPort;
    Vertx vertx = Vertx.vertx();

    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    List<KeyPair> keys = new ArrayList<>();
    List<KeyPair> ed25519 = new ArrayList<>();
    KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
    for (int i = 0; i < 10; i++) {
      keys.add(g.generateKeyPair());
      ed25519.add(ed.generateKeyPair());
    }
    HttpServer actors = vertx.createHttpServer().requestHandler(r -> {
      String[] p = r.path().split("/");
      if (p.length == 3 && p[1].equals("users")) {
        int n = Integer.parseInt(p[2].substring(1));
        String id = origin + "/users/a" + n;
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.get(n).getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        String doc = "{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"https://w3id.org/security/v1\"],"
            + "\"id\":\"" + id + "\",\"type\":\"Person\",\"preferredUsername\":\"a" + n + "\",\"inbox\":\"" + id
            + "/inbox\",\"publicKey\":{\"id\":\"" + id + "#main-key\",\"owner\":\"" + id + "\",\"publicKeyPem\":"
            + quote(pem) + "},\"assertionMethod\":[{\"id\":\"" + id + "#ed25519-key\",\"type\":\"Multikey\","
            + "\"controller\":\"" + id + "\",\"publicKeyMultibase\":\"" + ActorKeys.multibase(ed25519.get(n).getPublic())
            + "\"}]}";
        r.response().putHeader("content-type", "application/activity+json").end(doc);
      } else {
        r.response().setStatusCode(r.method() == HttpMethod.POST ? 202 : 404).end();
      }
    });
    actors.listen(loadPort, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    int total = warmup + measured;
    long signStart = System.nanoTime();
    String run = Long.toString(System.currentTimeMillis(), 36);
    Instant now = Instant.now();
    HttpMessage[] requests = IntStream.range(0, total).parallel().mapToObj(i -> {
      int a = i % keys.size();
      String actor = origin + "/users/a" + a;
      String id = actor + "/activities/" + run + "-" + i;
      String context = lattice ? "[\"https://www.w3.org/ns/activitystreams\",{\"lattice\":\"https://lattice.coop/ns#\","
          + "\"sequence\":\"lattice:sequence\",\"entry\":\"lattice:entry\"}]" : "\"https://www.w3.org/ns/activitystreams\"";
      String body = "{\"@context\":" + context + ",\"id\":\"" + id + "\",\"type\":\"Create\","
          + "\"actor\":\"" + actor + "\",\"to\":[\"" + target + "\"],\"object\":{\"id\":\"" + id + "/note\",\"type\":"
          + "\"Note\",\"attributedTo\":\"" + actor + "\",\"to\":[\"" + target + "\"],\"content\":\"load " + i + "\"}}";
      if (lattice) {
        body = ObjectProofs.sign(parse(body), actor + "#ed25519-key", ed25519.get(a).getPrivate(), now).toString();
      }
      HttpMessage m = HttpMessage.request("POST", "http", inbox.getAuthority(), inbox.getPath(),
          body.getBytes(StandardCharsets.UTF_8)).with("content-type", "application/activity+json");
      return lattice
          ? HttpSignatures.sign(m, HttpSignatures.Scheme.RFC9421, actor + "#ed25519-key", ed25519.get(a).getPrivate(), now)
          : HttpSignatures.sign(m, HttpSignatures.Scheme.CAVAGE, actor + "#main-key", keys.get(a).getPrivate(), now);
    }).toArray(HttpMessage[]::new);
    System.out.printf("pre-signed %d requests in %.1f s%n", total, (System.nanoTime() - signStart) / 1e9);

    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(inFlight));
    boolean raw = System.getProperty("load.client", "vertx").equals("raw");
    System.out.println("load client: " + (raw ? "raw sockets, requests encoded in advance (RawSender)" : "Vert.x HttpClient"));
    Sender sender = raw
        ? (part, n) -> new RawSender(new java.net.InetSocketAddress(inbox.getHost(), inbox.getPort()), part).send(n)
        : (part, n) -> send(vertx, client, inbox, part, n);
    Phase w = sender.send(Arrays.copyOfRange(requests, 0, warmup), inFlight);
    System.out.printf("warm-up: %d requests, %d accepted%n", warmup, w.accepted.get());
    Cpu serverCpu0 = Cpu.ofProcess(SERVER_PID);
    Cpu ownCpu0 = Cpu.ofThisProcess();
    Phase m = sender.send(Arrays.copyOfRange(requests, warmup, total), inFlight);
    Cpu serverCpu = Cpu.ofProcess(SERVER_PID).since(serverCpu0);
    Cpu ownCpu = Cpu.ofThisProcess().since(ownCpu0);
    long[] lat = m.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    double seconds = m.nanos / 1e9;
    System.out.printf("measured: %d requests in %.2f s, %d accepted (%s), %.0f accepted/s, latency p50 %.1f ms,"
        + " p99 %.1f ms, max %.1f ms%n", measured, seconds, m.accepted.get(), m.statuses, m.accepted.get() / seconds,
        pct(lat, 0.50), pct(lat, 0.99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
    System.out.printf("measured phase, CPU per request: server %s; load process %s%n",
        SERVER_PID < 0 ? "not given (-Dserver.pid)" : serverCpu.perRequest(measured), ownCpu.perRequest(measured));
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) new ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static double pct(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** Sends a phase's requests, so many in flight, and says how they were answered. */
  @FunctionalInterface
  interface Sender {
    Phase send(HttpMessage[] requests, int inFlight) throws Exception;
  }

  static final class Phase {
    final AtomicInteger accepted = new AtomicInteger();
    final java.util.concurrent.ConcurrentSkipListMap<Integer, AtomicInteger> statuses =
        new java.util.concurrent.ConcurrentSkipListMap<>();
    final java.util.concurrent.ConcurrentLinkedQueue<Long> latencies = new java.util.concurrent.ConcurrentLinkedQueue<>();
    long nanos;
  }

  static Phase send(Vertx vertx, HttpClient client, URI inbox, HttpMessage[] requests, int inFlight) throws Exception {
    Phase phase = new Phase();
    AtomicInteger next = new AtomicInteger();
    Promise<Void> done = Promise.promise();
    AtomicInteger finished = new AtomicInteger();
    long start = System.nanoTime();
    Runnable[] pump = new Runnable[1];
    pump[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= requests.length) {
        return;
      }
      HttpMessage m = requests[i];
      RequestOptions ro = new RequestOptions().setMethod(HttpMethod.POST).setHost(inbox.getHost())
          .setPort(inbox.getPort()).setURI(inbox.getPath());
      m.headers().forEach((k, v) -> v.forEach(x -> ro.addHeader(k, x)));
      long t0 = System.nanoTime();
      Future<Integer> status = client.request(ro).compose(r -> r.send(Buffer.buffer(m.body())))
          .compose(resp -> resp.body().map(b -> resp.statusCode()));
      status.onComplete(ar -> {
        phase.latencies.add(System.nanoTime() - t0);
        int s = ar.succeeded() ? ar.result() : 0;
        phase.statuses.computeIfAbsent(s, k -> new AtomicInteger()).incrementAndGet();
        if (s == 202) {
          phase.accepted.incrementAndGet();
        }
        if (finished.incrementAndGet() == requests.length) {
          phase.nanos = System.nanoTime() - start;
          done.complete();
        } else {
          pump[0].run();
        }
      });
    };
    vertx.runOnContext(v -> {
      for (int k = 0; k < Math.min(inFlight, requests.length); k++) {
        pump[0].run();
      }
    });
    done.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    return phase;
  }
}
