package coop.lattice.federation.outbox;

import coop.lattice.federation.DeadLetter;
import coop.lattice.federation.FederationException;
import coop.lattice.federation.hosting.Addressees;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.NodeStore;
import coop.lattice.federation.http.Signing;
import coop.lattice.federation.net.SafeClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery of a collective's entries to its followers' inboxes. The ledger is the outbox: each
 * (collective, inbox) pair keeps a durable cursor, the index of the next entry to deliver, so
 * nothing waits in memory that a restart could lose; delivery is at least once, in order per
 * inbox, and the receiver deduplicates by activity id.
 *
 * <p>Failures back off exponentially with jitter (from the settings' base, doubling, up to an
 * hour), honour {@code Retry-After} up to an hour, and after ten attempts, or at once on a 4xx
 * other than 408 and 429 (404, 410, or a 422 for a step the partner's rules refused), the entry
 * goes to the dead letters, which are never dropped and can be {@linkplain #replay replayed}. Each
 * host has a {@link HostBreaker} and a bounded number of requests in flight; the POST itself,
 * with the double knock, is the {@link SignedPoster}'s.
 *
 * <p>Logged: each dead letter (WARN, with the collective, the inbox and why), a breaker opening
 * (WARN; again while the host keeps failing, DEBUG) and closing (INFO), each retry (DEBUG).
 * Counted: see {@link DeliveryMeters}. {@link #flow} says whether deliveries flow, for a health
 * check.
 */
public final class Deliveries {
  private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
  /** Dead letters remembered with their time, for {@link #flow}; the alarm counts at most this many. */
  private static final int RECENT_DEAD = 1000;
  static final int MAX_ATTEMPTS = 10;
  private static final long BUSY_WAIT_NANOS = 50_000_000L;

  private final Vertx vertx;
  private final NodeStore store;
  private final Clock clock;
  private final DeliverySettings settings;
  private final RemoteHosts hosts;
  private final SignedPoster poster;
  private final SignedEntries entries;
  private final Backoff backoff;
  private final Map<String, DeliveryLog> logs = new ConcurrentHashMap<>();
  private final Map<String, Target> targets = new ConcurrentHashMap<>();
  private final List<DeadLetter> dead = new CopyOnWriteArrayList<>();
  private final AtomicLong delivered = new AtomicLong();
  private final List<BiConsumer<String, Long>> listeners = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedDeque<Instant> recentDead = new ConcurrentLinkedDeque<>();
  private final DeliveryMeters meters;
  private final DeliveryLoops loops = new DeliveryLoops();
  private volatile boolean stopped;

  /** One follower inbox of one collective, and where its delivery stands. */
  private static final class Target {
    final HostedCollective h;
    final DeliveryLog log;
    final String inbox;
    final String host;
    long next;
    int attempts;
    boolean busy;
    boolean waiting;
    volatile boolean gone;
    /** When the entry now due first failed to reach this inbox; null while it has not failed. */
    volatile @Nullable Instant failingSince;

    Target(HostedCollective h, DeliveryLog log, String inbox, long next) {
      this.h = h;
      this.log = log;
      this.inbox = inbox;
      this.host = URI.create(inbox).getAuthority();
      this.next = next;
    }
  }

  /** {@code addressees} names, in each entry's {@code Create}, who may take it as a command (see {@link Addressees}). */
  public Deliveries(Vertx vertx, SafeClient client, NodeStore store, Clock clock, DeliverySettings settings,
      MeterRegistry registry, Addressees addressees) {
    this.vertx = vertx;
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.hosts = new RemoteHosts(settings);
    this.poster = new SignedPoster(vertx, client, hosts, clock);
    this.entries = new SignedEntries(clock, addressees);
    this.backoff = new Backoff(settings, clock);
    this.meters = new DeliveryMeters(registry, dead::size, hosts::open);
  }

  /** Restores {@code h}'s cursors and dead letters; {@code inboxes} are its followers' inboxes. */
  private volatile Predicate<HostedCollective> held = h -> false;

  public void host(HostedCollective h, List<String> inboxes) {
    boolean again = logs.containsKey(h.id());
    DeliveryLog log = log(h);
    DeliveryLog.Restored restored = log.restore();
    if (!again) {
      dead.addAll(restored.deadLetters()); // hosted again: its dead letters are in the list already
    }
    long size = h.collective().ledger().size();
    for (String inbox : inboxes) {
      targets.put(key(h, inbox), new Target(h, log, inbox, restored.cursors().getOrDefault(inbox, size)));
    }
  }

  private DeliveryLog log(HostedCollective h) {
    return logs.computeIfAbsent(h.id(), id -> DeliveryLog.inLines(store, id));
  }

  private static String key(HostedCollective h, String inbox) {
    return h.id() + "\t" + inbox;
  }

  /** A new follower's inbox: it gets entries from now on (older ones are in the outbox). */
  public void follower(HostedCollective h, String inbox) {
    targets.computeIfAbsent(key(h, inbox), k -> {
      long now = h.collective().ledger().size();
      DeliveryLog log = log(h);
      log.cursor(inbox, now);
      return new Target(h, log, inbox, now);
    });
  }

  /** {@code h} is no longer hosted: nothing more is sent for it; its cursors stay for when it comes back. */
  public void unhost(HostedCollective h) {
    targets.values().removeIf(t -> {
      if (t.h == h) {
        t.gone = true;
        return true;
      }
      return false;
    });
  }

  /** The event loops deliveries are spread over, once they have started. */
  public DeliveryLoops loops() {
    return loops;
  }

  /** Something new to deliver for {@code h}. */
  public void kick(HostedCollective h) {
    for (Target t : targets.values()) {
      if (t.h == h) {
        Context loop = loops.of(t.inbox); // null before the node starts: the caller's context
        (loop != null ? loop : vertx.getOrCreateContext()).runOnContext(v -> pump(t));
      }
    }
  }

  /** Called with (inbox, entry) each time an inbox took an entry. */
  public void onDelivered(BiConsumer<String, Long> listener) {
    listeners.add(listener);
  }

  public long delivered() {
    return delivered.get();
  }

  public List<DeadLetter> deadLetters() {
    return List.copyOf(dead);
  }

  /** How requests to a host are signed now (see {@link Signing}). */
  public Signing signingFor(String authority) {
    return hosts.current(authority);
  }

  /** After a key rotation: activities signed with the old key are not sent again. */
  public void forget(HostedCollective h) {
    entries.forget(h);
  }

  /** No more sends after this; the cursors stay where they are for the next start. */
  public void stop() {
    stopped = true;
    meters.close();
  }

  /** Each remote host (host and port) whose circuit breaker opened and let no delivery through since, with when it first opened. */
  public Map<String, Instant> troubledHosts() {
    return hosts.troubled();
  }

  /**
   * Whether deliveries flow, measured against {@code alarm}: a host whose breaker opened longer
   * ago than the alarm allows without a delivery going through since, an inbox whose due entry
   * has failed for that long, or more dead letters within that time than it allows.
   */
  public Flow flow(FlowAlarm alarm) {
    Instant since = clock.instant().minus(alarm.stuckFor());
    List<String> problems = new ArrayList<>();
    Map<String, Instant> troubled = hosts.troubled();
    troubled.forEach((host, from) -> {
      if (from.isBefore(since)) {
        problems.add("deliveries to " + host + " have failed since " + from + " (its circuit breaker keeps opening)");
      }
    });
    for (Target t : targets.values()) {
      Instant from = t.failingSince;
      if (from != null && from.isBefore(since) && !troubled.containsKey(t.host)) {
        problems.add("entry " + t.next + " of " + t.h.id() + " has not reached " + t.inbox + " since " + from);
      }
    }
    int recent = 0;
    for (Instant at : recentDead) {
      if (!at.isBefore(since)) {
        recent++;
      }
    }
    if (recent > alarm.deadLetters()) {
      problems.add(recent + " activities went to the dead letters in the last " + alarm.stuckFor().toMinutes()
          + " minutes (more than " + alarm.deadLetters() + ")");
    }
    return new Flow(problems, troubled.size(), dead.size(), recent);
  }

  private void deadLetter(DeadLetter d, DeliveryLog log, String why) {
    log.dead(d);
    dead.add(d);
    recentDead.addLast(clock.instant());
    while (recentDead.size() > RECENT_DEAD) {
      recentDead.pollFirst();
    }
    meters.deadLetter();
    LOG.warn("Gave up delivering {} of {} to {} ({}): {}. It waits in the dead letters for a replay.",
        d.entry() >= 0 ? "entry " + d.entry() : "a one-off activity", d.collective(), d.inbox(), why, d.reason());
  }

  /** Sends a dead letter again; completes when the inbox took it. It stays in the log, marked replayed. */
  public Future<Void> replay(DeadLetter letter, HostedCollective h) {
    byte[] body = letter.entry() >= 0 ? entries.activity(h, letter.entry())
        : letter.body().getBytes(StandardCharsets.UTF_8);
    return poster.post(h, letter.inbox(), body).compose(r -> {
      if (r.status() / 100 != 2) {
        return Future.failedFuture(new FederationException(letter.inbox() + " answered " + r.status()));
      }
      log(h).replayed(letter);
      dead.remove(letter);
      return Future.<Void>succeededFuture();
    });
  }

  /**
   * Entries of a collective {@code held} says is held (its history is not what its witnesses saw)
   * are not sent until it is not; {@link #kick} it then.
   */
  public void holdWhile(Predicate<HostedCollective> held) {
    this.held = held;
  }

  private void pump(Target t) {
    if (stopped || t.gone || held.test(t.h)) {
      return;
    }
    HostBreaker host = hosts.of(t.host);
    synchronized (t) {
      if (t.busy || t.waiting || t.next >= t.h.collective().ledger().size()) {
        return;
      }
      long wait = host.tryTake(System.nanoTime(), settings.perHost(), BUSY_WAIT_NANOS);
      if (wait > 0) {
        t.waiting = true;
        vertx.setTimer(Math.max(1, wait / 1_000_000), id -> wake(t));
        return;
      }
      t.busy = true;
    }
    long index = t.next;
    poster.post(t.h, t.inbox, entries.activity(t.h, index)).onComplete(ar -> {
      host.release();
      if (settle(t, host, index, ar)) {
        pump(t);
      }
    });
  }

  /** What the answer means for {@code t}; true when the next entry may go at once. */
  private boolean settle(Target t, HostBreaker host, long index, AsyncResult<SafeClient.Response> ar) {
    int status = ar.succeeded() ? ar.result().status() : 0;
    synchronized (t) {
      t.busy = false;
      if (status / 100 == 2) {
        delivered.incrementAndGet();
        meters.delivered();
        Instant troubleSince = host.succeeded();
        if (troubleSince != null) {
          LOG.info("Circuit breaker for {} closed: a delivery for {} went through after failures since {}", t.host,
              t.h.id(), troubleSince);
        }
        advance(t);
        listeners.forEach(l -> l.accept(t.inbox, index));
      } else if (FailedAnswer.permanent(status) || t.attempts + 1 >= MAX_ATTEMPTS) {
        DeadLetter d = new DeadLetter(t.h.id(), t.inbox, index, status, DeliveryLines.oneLine(FailedAnswer.reason(ar)));
        deadLetter(d, t.log, FailedAnswer.permanent(status) ? "an answer that sending again will not change"
            : "after " + (t.attempts + 1) + " attempts");
        advance(t);
      } else {
        t.attempts++;
        Instant now = clock.instant();
        if (t.failingSince == null) {
          t.failingSince = now;
        }
        meters.retried();
        LOG.debug("Delivery of entry {} of {} to {} failed ({}); attempt {} comes later", index, t.h.id(), t.inbox,
            FailedAnswer.reason(ar), t.attempts + 1);
        breaker(host.failed(System.nanoTime(), now), t, FailedAnswer.reason(ar));
        t.waiting = true;
        String retryAfter = ar.succeeded() ? ar.result().header("retry-after") : "";
        vertx.setTimer(Math.max(1, backoff.next(t.attempts, retryAfter).toMillis()), id -> wake(t));
        return false;
      }
    }
    return true;
  }

  private void breaker(HostBreaker.Trip trip, Target t, String why) {
    if (trip == HostBreaker.Trip.NONE) {
      return;
    }
    meters.breakerOpened();
    if (trip == HostBreaker.Trip.OPENED) {
      LOG.warn("Circuit breaker for {} opened after {} failed deliveries in a row (the last for {}: {});"
          + " nothing is sent there for {} s", t.host, settings.breakAfter(), t.h.id(), why,
          settings.breakFor().toMillis() / 1000.0);
    } else {
      LOG.debug("Circuit breaker for {} opened again: still failing ({} for {})", t.host, why, t.h.id());
    }
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
    t.failingSince = null;
    // Group-committed off the event loop; see DeliveryLog.cursorSoon.
    t.log.cursorSoon(t.inbox, t.next);
  }

  /** Sends a one-off activity (an Accept, a Follow) with up to three attempts; then it goes to the dead letters. */
  public Future<Void> sendOnce(HostedCollective h, String inbox, byte[] body) {
    Promise<Void> p = Promise.promise();
    attempt(h, inbox, body, 1, p);
    return p.future();
  }

  private void attempt(HostedCollective h, String inbox, byte[] body, int n, Promise<Void> p) {
    poster.post(h, inbox, body).onComplete(ar -> {
      int status = ar.succeeded() ? ar.result().status() : 0;
      if (status / 100 == 2) {
        meters.delivered();
        p.complete();
      } else if (n >= 3 || FailedAnswer.permanent(status)) {
        // Never dropped silently: the activity itself goes to the dead letters, to be replayed.
        DeadLetter d = new DeadLetter(h.id(), inbox, -1, status, DeliveryLines.oneLine(FailedAnswer.reason(ar)),
            new String(body, StandardCharsets.UTF_8));
        deadLetter(d, log(h), FailedAnswer.permanent(status) ? "an answer that sending again will not change"
            : "after " + n + " attempts");
        p.fail(ar.succeeded() ? new FederationException(inbox + " answered " + status) : ar.cause());
      } else {
        meters.retried();
        vertx.setTimer(backoff.next(n, "").toMillis(), id -> attempt(h, inbox, body, n + 1, p));
      }
    });
  }
}
