package coop.lattice.federation.node;

import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.net.SafeClient;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivery of a collective's entries to its followers' inboxes. The ledger is the outbox: each
 * (collective, inbox) pair keeps a durable cursor, the index of the next entry to deliver, so
 * nothing waits in memory that a restart could lose; delivery is at least once, in order per
 * inbox, and the receiver deduplicates by activity id.
 *
 * <p>Failures back off exponentially with jitter (from 1 s, doubling, up to an hour), honour {@code
 * Retry-After} up to an hour, and after ten attempts, or at once on a 4xx other than 408 and 429
 * (404, 410, or a 422 for a step the partner's rules refused), the entry goes to
 * a dead-letter log that is never dropped and can be {@linkplain #replay replayed}. Each host has
 * a circuit breaker (by default five failures in a row open it for a minute; it closes by
 * itself) and a
 * bounded number of requests in flight (eight by default). The first request to a host is signed with RFC 9421 (Ed25519);
 * if the host refuses it (400, 401, 403), the same request goes again with draft-cavage (RSA)
 * at once, and that host gets cavage from then on (the "double knock").
 */
public final class Deliveries {
  static final int MAX_ATTEMPTS = 10;
  /** The default for requests in flight to one host. */
  static final int PER_HOST = 8;
  static final Duration MAX_BACKOFF = Duration.ofHours(1);

  private final Vertx vertx;
  private final SafeClient client;
  private final NodeStore store;
  private final Clock clock;
  private final Random random;
  private final Duration retryBase;
  private final int perHost;
  private final int breakAfter;
  private final Duration breakFor;
  private final Map<String, Target> targets = new ConcurrentHashMap<>();
  /** Per-host state, bounded: the hosts least recently delivered to are forgotten first (their breakers had closed). */
  private final Map<String, HostState> hosts = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, HostState> eldest) {
          return size() > 10_000;
        }
      });
  private final List<DeadLetter> dead = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final AtomicLong delivered = new AtomicLong();
  private volatile boolean stopped;
  private final List<java.util.function.BiConsumer<String, Long>> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** An entry that could not be delivered to an inbox, and why. */
  /**
   * An activity that could not be delivered to an inbox, and why: a ledger entry ({@code entry}
   * is its index), or a one-off activity such as an Accept ({@code entry} is -1 and {@code body}
   * holds it).
   */
  public record DeadLetter(String collective, String inbox, long entry, int status, String reason, String body) {
    public DeadLetter(String collective, String inbox, long entry, int status, String reason) {
      this(collective, inbox, entry, status, reason, "");
    }
  }

  private static final class Target {
    final FederationNode.Hosted h;
    final String inbox;
    final String host;
    long next;
    int attempts;
    boolean busy;
    boolean waiting;

    Target(FederationNode.Hosted h, String inbox, long next) {
      this.h = h;
      this.inbox = inbox;
      this.host = URI.create(inbox).getAuthority();
      this.next = next;
    }
  }

  private static final class HostState {
    volatile HttpSignatures.Scheme scheme = HttpSignatures.Scheme.RFC9421;
    int failuresInARow;
    long openUntil;
    int inFlight;
  }

  Deliveries(Vertx vertx, SafeClient client, NodeStore store, Clock clock, Random random, Duration retryBase,
      int perHost, int breakAfter, Duration breakFor) {
    this.breakAfter = breakAfter;
    this.breakFor = breakFor;
    this.retryBase = retryBase;
    this.perHost = perHost;
    this.vertx = vertx;
    this.client = client;
    this.store = store;
    this.clock = clock;
    this.random = random;
  }

  /** Restores the cursors of {@code h}'s followers. */
  void host(FederationNode.Hosted h) {
    Map<String, Long> cursors = new java.util.HashMap<>();
    store.log(h.id + "/delivery").replay(line -> {
      String[] f = line.split("\t");
      if (f[0].equals("cursor")) {
        cursors.put(f[1], Long.parseLong(f[2]));
      } else if (f[0].equals("dead")) {
        dead.add(new DeadLetter(h.id, f[1], Long.parseLong(f[2]), Integer.parseInt(f[3]), f.length > 4 ? f[4] : "",
            f.length > 5 ? new String(java.util.Base64.getDecoder().decode(f[5]), java.nio.charset.StandardCharsets.UTF_8)
                : ""));
      } else if (f[0].equals("replayed")) {
        dead.removeIf(d -> d.inbox().equals(f[1]) && Long.toString(d.entry()).equals(f[2])
            && (f.length < 4 || d.body().hashCode() == Integer.parseInt(f[3])));
      }
    });
    for (String inbox : h.followers.values().stream().distinct().toList()) {
      targets.put(h.id + "\t" + inbox, new Target(h, inbox, cursors.getOrDefault(inbox, h.collective.ledger().size())));
    }
  }

  /** A new follower's inbox: it gets entries from now on (older ones are in the outbox). */
  void follower(FederationNode.Hosted h, String inbox) {
    targets.computeIfAbsent(h.id + "\t" + inbox, k -> {
      long now = h.collective.ledger().size();
      store.log(h.id + "/delivery").append("cursor\t" + inbox + "\t" + now);
      return new Target(h, inbox, now);
    });
  }

  /** Something new to deliver for {@code h}. */
  void kick(FederationNode.Hosted h) {
    for (Target t : targets.values()) {
      if (t.h == h) {
        vertx.runOnContext(v -> pump(t));
      }
    }
  }

  /** Called with (inbox, entry) each time an inbox took an entry. */
  public void onDelivered(java.util.function.BiConsumer<String, Long> listener) {
    listeners.add(listener);
  }

  public long delivered() {
    return delivered.get();
  }

  public List<DeadLetter> deadLetters() {
    return List.copyOf(dead);
  }

  /** Sends a dead letter again; completes when the inbox took it. It stays in the log, marked replayed. */
  Future<Void> replay(DeadLetter letter, FederationNode.Hosted h) {
    byte[] body = letter.entry() >= 0 ? activity(h, letter.entry())
        : letter.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return post(h, letter.inbox(), body).compose(r -> {
      if (r.status() / 100 != 2) {
        return Future.failedFuture(new IllegalStateException(letter.inbox() + " answered " + r.status()));
      }
      store.log(h.id + "/delivery").append("replayed\t" + letter.inbox() + "\t" + letter.entry()
          + (letter.entry() < 0 ? "\t" + letter.body().hashCode() : ""));
      dead.remove(letter);
      return Future.<Void>succeededFuture();
    });
  }

  /** No more sends after this; the cursors stay where they are for the next start. */
  void stop() {
    stopped = true;
  }

  private void pump(Target t) {
    if (stopped) {
      return;
    }
    HostState hs = hosts.computeIfAbsent(t.host, k -> new HostState());
    synchronized (t) {
      if (t.busy || t.waiting || t.next >= t.h.collective.ledger().size()) {
        return;
      }
      long now = System.nanoTime();
      synchronized (hs) {
        if (hs.openUntil > now) {
          t.waiting = true;
          vertx.setTimer(Math.max(1, (hs.openUntil - now) / 1_000_000), id -> wake(t));
          return;
        }
        if (hs.inFlight >= perHost) {
          t.waiting = true;
          vertx.setTimer(50, id -> wake(t));
          return;
        }
        hs.inFlight++;
      }
      t.busy = true;
    }
    long index = t.next;
    byte[] body = activity(t.h, index);
    post(t.h, t.inbox, body).onComplete(ar -> {
      synchronized (hs) {
        hs.inFlight--;
      }
      int status = ar.succeeded() ? ar.result().status() : 0;
      String retryAfter = ar.succeeded() ? ar.result().header("retry-after") : "";
      synchronized (t) {
        t.busy = false;
        if (status / 100 == 2) {
          delivered.incrementAndGet();
          synchronized (hs) {
            hs.failuresInARow = 0;
          }
          advance(t);
          listeners.forEach(l -> l.accept(t.inbox, index));
        } else if (permanent(status) || t.attempts + 1 >= MAX_ATTEMPTS) {
          String reason = ar.succeeded() ? "answered " + status : String.valueOf(ar.cause().getMessage());
          DeadLetter d = new DeadLetter(t.h.id, t.inbox, index, status, reason.replace('\t', ' ').replace('\n', ' '));
          store.log(t.h.id + "/delivery").append("dead\t" + t.inbox + "\t" + index + "\t" + status + "\t" + d.reason());
          dead.add(d);
          advance(t);
        } else {
          t.attempts++;
          synchronized (hs) {
            if (++hs.failuresInARow >= breakAfter) {
              hs.openUntil = System.nanoTime() + breakFor.toNanos();
              hs.failuresInARow = 0;
            }
          }
          t.waiting = true;
          vertx.setTimer(Math.max(1, backoff(t.attempts, retryAfter).toMillis()), id -> wake(t));
          return;
        }
      }
      pump(t);
    });
  }

  /** The same entry goes to every follower: its activity is serialized once and kept for a while. */
  private final Map<String, byte[]> recent = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
          return size() > 256;
        }
      });

  /** After a key rotation: activities signed with the old key are not sent again. */
  void forget(FederationNode.Hosted h) {
    synchronized (recent) {
      recent.keySet().removeIf(k -> k.startsWith(h.id + "/"));
    }
  }

  /** The entry's {@code Create}, with an FEP-8b32 proof by the collective's Ed25519 key. */
  private byte[] activity(FederationNode.Hosted h, long index) {
    return recent.computeIfAbsent(h.id + "/" + index, k -> Json.bytes(ObjectProofs.sign(
        Documents.create(h, h.collective.ledger().entry(index)), h.actor + "#ed25519-key", h.keys.ed25519Private(),
        clock.instant())));
  }

  /** 4xx answers other than 408 and 429 will not change by sending again: the entry goes to the dead letters. */
  static boolean permanent(int status) {
    return status >= 400 && status < 500 && status != 408 && status != 429;
  }

  private void wake(Target t) {
    synchronized (t) {
      t.waiting = false;
    }
    pump(t);
  }

  private void advance(Target t) {
    t.next++;
    t.attempts = 0;
    // Group-committed off the event loop: a cursor that lags after a crash only sends an entry
    // again, which delivery at least once allows and the receiver deduplicates.
    store.appendDurably(t.h.id + "/delivery", "cursor\t" + t.inbox + "\t" + t.next);
  }

  /** Exponential from one second, jittered by a factor from 0.5 to 1.5, capped at an hour; Retry-After wins. */
  Duration backoff(int attempts, String retryAfter) {
    Duration ra = retryAfter(retryAfter);
    if (ra != null) {
      return ra.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : ra;
    }
    double base = Math.min(MAX_BACKOFF.toMillis(), retryBase.toMillis() * Math.pow(2, Math.min(attempts - 1, 30)));
    return Duration.ofMillis((long) Math.min(MAX_BACKOFF.toMillis(), base * (0.5 + random.nextDouble())));
  }

  private Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      try {
        Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(value.trim(),
            DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (java.time.format.DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** Sends a one-off activity (an Accept, a Follow) with up to three attempts; then it goes to the dead letters. */
  Future<Void> sendOnce(FederationNode.Hosted h, String inbox, byte[] body) {
    Promise<Void> p = Promise.promise();
    attempt(h, inbox, body, 1, p);
    return p.future();
  }

  private void attempt(FederationNode.Hosted h, String inbox, byte[] body, int n, Promise<Void> p) {
    post(h, inbox, body).onComplete(ar -> {
      int status = ar.succeeded() ? ar.result().status() : 0;
      if (status / 100 == 2) {
        p.complete();
      } else if (n >= 3 || permanent(status)) {
        // Never dropped silently: the activity itself goes to the dead letters, to be replayed.
        String reason = (ar.succeeded() ? "answered " + status : String.valueOf(ar.cause().getMessage()))
            .replace('\t', ' ').replace('\n', ' ');
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        store.log(h.id + "/delivery").append("dead\t" + inbox + "\t-1\t" + status + "\t" + reason + "\t"
            + java.util.Base64.getEncoder().encodeToString(body));
        dead.add(new DeadLetter(h.id, inbox, -1, status, reason, text));
        p.fail(ar.succeeded() ? new IllegalStateException(inbox + " answered " + status) : ar.cause());
      } else {
        vertx.setTimer(backoff(n, "").toMillis(), id -> attempt(h, inbox, body, n + 1, p));
      }
    });
  }

  /** One signed POST, with the double knock. */
  private Future<SafeClient.Response> post(FederationNode.Hosted h, String inbox, byte[] body) {
    URI u = URI.create(inbox);
    HttpMessage m = HttpMessage.request("POST", u, body)
        .with("content-type", FederationNode.AP_TYPE);
    HostState hs = hosts.computeIfAbsent(u.getRawAuthority(), k -> new HostState());
    HttpSignatures.Scheme first = hs.scheme;
    return signed(h, m, first).compose(sm -> client.send(sm, x -> x)).compose(r -> {
      boolean refused = r.status() == 400 || r.status() == 401 || r.status() == 403;
      if (!refused || first == HttpSignatures.Scheme.CAVAGE) {
        return Future.succeededFuture(r);
      }
      return signed(h, m, HttpSignatures.Scheme.CAVAGE).compose(sm -> client.send(sm, x -> x)).map(again -> {
        if (again.status() / 100 == 2) {
          hs.scheme = HttpSignatures.Scheme.CAVAGE;
        }
        return again;
      });
    });
  }

  /** Signs on a worker thread: RSA signing costs about 1.7 ms, so signatures for many inboxes use every core. */
  private Future<HttpMessage> signed(FederationNode.Hosted h, HttpMessage m, HttpSignatures.Scheme scheme) {
    return vertx.executeBlocking(() -> sign(h, m, scheme), false);
  }

  private HttpMessage sign(FederationNode.Hosted h, HttpMessage m, HttpSignatures.Scheme scheme) {
    return scheme == HttpSignatures.Scheme.CAVAGE
        ? HttpSignatures.sign(m, scheme, h.keyId(), h.keys.rsaPrivate(), clock.instant())
        : HttpSignatures.sign(m, scheme, h.actor + "#ed25519-key", h.keys.ed25519Private(), clock.instant());
  }

  /** Which scheme a host is signed with now. */
  public HttpSignatures.Scheme schemeFor(String authority) {
    HostState hs = hosts.get(authority);
    return hs == null ? HttpSignatures.Scheme.RFC9421 : hs.scheme;
  }
}
