package coop.lattice.benchmarks;

import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The inbox under a slowloris attack, against a node in its own JVM ({@link InboxNode}): normal
 * traffic is signed {@code Create}s posted at a fixed rate (open loop: each request's latency is
 * counted from when it was due, so a stalled server cannot hide its stalls), first for {@code
 * SECONDS} with no attack, then for {@code SECONDS} while {@link Slowloris} holds {@code
 * CONNECTIONS} connections that send a header byte a second and reopen when closed. Both phases
 * come after a warm-up, in the same run; it prints p50, p99 and max of each, the ratio, and what
 * became of the attack's connections. Serves ten remote actors (RSA-2048, draft-cavage as Mastodon
 * signs) on 127.0.0.1:LOAD_PORT for the node to fetch keys from; every request is signed before the
 * clock starts.
 *
 * <pre>{@code
 * java -cp benchmarks.jar coop.lattice.benchmarks.SlowlorisLoad LOAD_PORT INBOX_URL TARGET_ACTOR RATE SECONDS CONNECTIONS
 * }</pre>
 */
public final class SlowlorisLoad {
  private static final int WARMUP_SECONDS = 5;

  private SlowlorisLoad() {}

  public static void main(String[] args) throws Exception {
    int loadPort = Integer.parseInt(args[0]);
    URI inbox = URI.create(args[1]);
    String target = args[2];
    int rate = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    int connections = Integer.parseInt(args[5]);
    String origin = "http://127.0.0.1:" + loadPort;
    Vertx vertx = Vertx.vertx();

    List<KeyPair> keys = keys(10);
    HttpServer actors = actorServer(vertx, origin, keys);
    actors.listen(loadPort, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    int warmup = rate * WARMUP_SECONDS;
    int phase = rate * seconds;
    HttpMessage[] requests = presign(origin, inbox, target, keys, warmup + 2 * phase);
    // Idle connections are let go after 5 s, before the node's 10 s wait for a next request ends: a
    // client that keeps them longer (Vert.x's default is 60 s) now and then sends a request on a
    // connection just as the node closes it (the keep-alive race every server timeout has).
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(5),
        new PoolOptions().setHttp1MaxSize(64));

    Phase w = run(vertx, client, inbox, Arrays.copyOfRange(requests, 0, warmup), rate);
    System.out.printf("warm-up: %d requests at %d/s, %s%n", warmup, rate, w.statuses);
    Phase quiet = run(vertx, client, inbox, Arrays.copyOfRange(requests, warmup, warmup + phase), rate);
    report("no attack", quiet, rate);

    Slowloris attack = new Slowloris(vertx, inbox.getPort(), inbox.getPath(), Duration.ofSeconds(1));
    attack.start(connections).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    Phase loris = run(vertx, client, inbox, Arrays.copyOfRange(requests, warmup + phase, warmup + 2 * phase), rate);
    report("slowloris", loris, rate);
    attack.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    double[] closed = attack.closedAfterSeconds();
    System.out.printf("attack: %d connections held, %d opened in all; %d closed by the node after %.1f s"
        + " (median; min %.1f, max %.1f)%n", connections, attack.opened(), closed.length, at(closed, 0.5),
        at(closed, 0), at(closed, 1));
    System.out.printf("ratio slowloris / no attack: p50 %.2f, p99 %.2f%n", quiet.p(0.5) == 0 ? 0 : loris.p(0.5)
        / quiet.p(0.5), quiet.p(0.99) == 0 ? 0 : loris.p(0.99) / quiet.p(0.99));
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static void report(String name, Phase p, int rate) {
    System.out.printf("%s: %d requests at %d/s, %s, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", name,
        p.latencies.size(), rate, p.statuses, p.p(0.5), p.p(0.99), p.p(1));
    System.out.printf("  the slowest 1%% by the second of the phase they were due in: %s%s%n", p.slowestBySecond(),
        p.failure == null ? "" : "; first failure: " + p.failure);
  }

  private static double at(double[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.round(q * (sorted.length - 1))];
  }

  static List<KeyPair> keys(int n) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    List<KeyPair> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(g.generateKeyPair());
    }
    return keys;
  }

  /** Each {@code /users/a<n>} a Person with its RSA key; a POST anywhere else is taken (202). */
  static HttpServer actorServer(Vertx vertx, String origin, List<KeyPair> keys) {
    return vertx.createHttpServer().requestHandler(r -> {
      String[] p = r.path().split("/");
      if (p.length == 3 && p[1].equals("users")) {
        int n = Integer.parseInt(p[2].substring(1));
        String id = origin + "/users/a" + n;
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.get(n).getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        String doc = "{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"https://w3id.org/security/v1\"],"
            + "\"id\":\"" + id + "\",\"type\":\"Person\",\"preferredUsername\":\"a" + n + "\",\"inbox\":\"" + id
            + "/inbox\",\"publicKey\":{\"id\":\"" + id + "#main-key\",\"owner\":\"" + id + "\",\"publicKeyPem\":"
            + InboxLoad.quote(pem) + "}}";
        r.response().putHeader("content-type", "application/activity+json").end(doc);
      } else {
        r.response().setStatusCode(r.method() == HttpMethod.POST ? 202 : 404).end();
      }
    });
  }

  /** {@code total} unique signed Creates, each from one of the actors in turn, addressed to {@code target}. */
  static HttpMessage[] presign(String origin, URI inbox, String target, List<KeyPair> keys, int total) {
    long start = System.nanoTime();
    String run = Long.toString(System.currentTimeMillis(), 36);
    Instant now = Instant.now();
    HttpMessage[] requests = IntStream.range(0, total).parallel().mapToObj(i -> {
      int a = i % keys.size();
      String actor = origin + "/users/a" + a;
      String id = actor + "/activities/" + run + "-" + i;
      String body = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + id + "\",\"type\":\"Create\","
          + "\"actor\":\"" + actor + "\",\"to\":[\"" + target + "\"],\"object\":{\"id\":\"" + id + "/note\",\"type\":"
          + "\"Note\",\"attributedTo\":\"" + actor + "\",\"to\":[\"" + target + "\"],\"content\":\"load " + i + "\"}}";
      HttpMessage m = HttpMessage.request("POST", "http", inbox.getAuthority(), inbox.getPath(),
          body.getBytes(StandardCharsets.UTF_8)).with("content-type", "application/activity+json");
      return HttpSignatures.sign(m, HttpSignatures.Scheme.CAVAGE, actor + "#main-key", keys.get(a).getPrivate(), now);
    }).toArray(HttpMessage[]::new);
    System.out.printf("pre-signed %d requests in %.1f s%n", total, (System.nanoTime() - start) / 1e9);
    return requests;
  }

  /**
   * What one phase saw: each request's latency from when it was due (with the second of the phase
   * it was due in), the statuses (0: no answer), and the first failure.
   */
  static final class Phase {
    final ConcurrentSkipListMap<Integer, AtomicInteger> statuses = new ConcurrentSkipListMap<>();
    final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<long[]> dueAndLatency = new ConcurrentLinkedQueue<>();
    volatile String failure;
    private long[] sorted;

    /** How many of the slowest 1% were due in each second of the phase. */
    java.util.Map<Long, Long> slowestBySecond() {
      double p99 = p(0.99) * 1e6;
      return dueAndLatency.stream().filter(x -> x[1] > p99).collect(java.util.stream.Collectors.groupingBy(
          x -> x[0] / 1_000_000_000L, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    double p(double q) {
      if (sorted == null) {
        sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      }
      return q >= 1 ? (sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6) : InboxLoad.pct(sorted, q);
    }
  }

  /** Sends {@code requests} at {@code rate} a second, each when it is due whatever the answers before it. */
  static Phase run(Vertx vertx, HttpClient client, URI inbox, HttpMessage[] requests, int rate) throws Exception {
    Phase phase = new Phase();
    Promise<Void> done = Promise.promise();
    AtomicInteger finished = new AtomicInteger();
    long interval = 1_000_000_000L / rate;
    vertx.runOnContext(v -> {
      long start = System.nanoTime();
      int[] next = {0};
      vertx.setPeriodic(1, id -> {
        long now = System.nanoTime();
        while (next[0] < requests.length && start + next[0] * interval <= now) {
          long due = start + next[0] * interval;
          send(client, inbox, requests[next[0]++]).onComplete(ar -> {
            long latency = System.nanoTime() - due;
            phase.latencies.add(latency);
            phase.dueAndLatency.add(new long[] {due - start, latency});
            if (ar.failed() && phase.failure == null) {
              phase.failure = ar.cause().toString();
            }
            int s = ar.succeeded() ? ar.result() : 0;
            phase.statuses.computeIfAbsent(s, k -> new AtomicInteger()).incrementAndGet();
            if (finished.incrementAndGet() == requests.length) {
              done.complete();
            }
          });
        }
        if (next[0] == requests.length) {
          vertx.cancelTimer(id);
        }
      });
    });
    done.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    return phase;
  }

  private static Future<Integer> send(HttpClient client, URI inbox, HttpMessage m) {
    RequestOptions ro = new RequestOptions().setMethod(HttpMethod.POST).setHost(inbox.getHost())
        .setPort(inbox.getPort()).setURI(inbox.getPath());
    m.headers().forEach((k, v) -> v.forEach(x -> ro.addHeader(k, x)));
    return client.request(ro).compose(r -> r.send(Buffer.buffer(m.body())))
        .compose(resp -> resp.body().map(b -> resp.statusCode()));
  }
}
