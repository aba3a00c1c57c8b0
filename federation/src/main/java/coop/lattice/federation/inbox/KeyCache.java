package coop.lattice.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import coop.lattice.federation.FederationException;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.RemoteDocuments;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.keys.ActorKeys;
import coop.lattice.federation.net.Origins;
import io.vertx.core.Future;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote keys, fetched as {@link RemoteDocuments} (identity from the URL, never from what the
 * document says) and found in the document's {@code publicKey} or {@code assertionMethod}. A key
 * belongs to an actor only if the actor's own document lists it: a key found elsewhere (a key
 * document of its own, as GoToSocial serves) costs a fetch of the owner it names. Keys are
 * cached for an hour and failures for five minutes, both bounded, and each origin may cause at
 * most 120 key fetches a minute (no refresh storms).
 *
 * <p>A fetch that fails is logged at INFO, a fetch refused because the origin's budget is spent at
 * WARN; both at most 20 lines a minute for the whole node, since anyone can make up key ids on
 * origins of their own (the next line that gets through says how many were left out).
 */
final class KeyCache {
  private static final Logger LOG = LoggerFactory.getLogger(KeyCache.class);
  private static final int MAX = 10_000;
  private static final Duration TTL = Duration.ofHours(1);
  private static final Duration NEGATIVE_TTL = Duration.ofMinutes(5);
  private static final int LOG_LINES_PER_MINUTE = 20;

  /** A key and the actor that owns it; {@code cached} when it came from the cache rather than a fetch just now. */
  record Key(PublicKey publicKey, String owner, boolean cached) {
    Key(PublicKey publicKey, String owner) {
      this(publicKey, owner, false);
    }

    Key fromCache() {
      return new Key(publicKey, owner, true);
    }
  }

  private record Cached(Key key, Instant until) {}

  private final RemoteDocuments documents;
  private final LocalActors local;
  private final Clock clock;
  private final Cache<String, Cached> keys = CacheBuilder.newBuilder().maximumSize(MAX).build();
  private final Cache<String, Instant> failures = CacheBuilder.newBuilder().maximumSize(MAX).build();
  private final OriginBudget budget;
  private final InboxMeters meters;
  /** One budget, under one name, for the log lines of the whole node. */
  private final OriginBudget logLines;
  private final AtomicLong linesLeftOut = new AtomicLong();

  KeyCache(RemoteDocuments documents, LocalActors local, Clock clock, InboxMeters meters) {
    this.documents = documents;
    this.local = local;
    this.clock = clock;
    this.meters = meters;
    this.budget = new OriginBudget(clock, 120, Duration.ofMinutes(1));
    this.logLines = new OriginBudget(clock, LOG_LINES_PER_MINUTE, Duration.ofMinutes(1));
  }

  Future<Key> key(String keyId, HostedCollective as) {
    Optional<Key> hosted = local.key(keyId);
    if (hosted.isPresent()) {
      return Future.succeededFuture(hosted.get()); // a collective on this node: its key, as it is now
    }
    Instant now = clock.instant();
    Cached c = keys.getIfPresent(keyId);
    if (c != null && now.isBefore(c.until())) {
      return Future.succeededFuture(c.key().fromCache());
    }
    Instant failed = failures.getIfPresent(keyId);
    if (failed != null && now.isBefore(failed.plus(NEGATIVE_TTL))) {
      meters.keyFetch(InboxMeters.KeyFetch.SUPPRESSED);
      return Future.failedFuture(new FederationException("fetching this key failed recently; not trying again yet"));
    }
    String url = keyId.contains("#") ? keyId.substring(0, keyId.indexOf('#')) : keyId;
    if (!budget.take(origin(url))) {
      meters.keyFetch(InboxMeters.KeyFetch.REFUSED);
      if (mayLog()) {
        LOG.warn("Refused to fetch key {} for {}: {} has used its 120 key fetches a minute{}", keyId, as.id(),
            origin(url), leftOut());
      }
      return Future.failedFuture(new FederationException("too many key fetches for " + origin(url)
          + " in the last minute; try again later"));
    }
    return documents.fetch(url, as).compose(doc -> {
      Key key = find(doc, keyId);
      if (key == null) {
        return Future.<Key>failedFuture(new FederationException(url + " does not hold key " + keyId));
      }
      return listedBy(doc, key.owner(), keyId) ? Future.succeededFuture(key) : ownerListing(key, keyId, as);
    }).compose(key -> {
      keys.put(keyId, new Cached(key, now.plus(TTL)));
      meters.keyFetch(InboxMeters.KeyFetch.FETCHED);
      return Future.succeededFuture(key);
    }).onFailure(e -> {
      failures.put(keyId, now);
      meters.keyFetch(InboxMeters.KeyFetch.FAILED);
      if (mayLog()) {
        LOG.info("Could not fetch key {} for {} from {}: {}; not trying it again for {} minutes{}", keyId, as.id(),
            origin(url), e.getMessage(), NEGATIVE_TTL.toMinutes(), leftOut());
      }
    });
  }

  /**
   * A key found in a document other than its owner's (a key document of its own, or an actor that
   * names someone else as the owner): it counts only if the owner's own document lists it.
   */
  private Future<Key> ownerListing(Key key, String keyId, HostedCollective as) {
    String owner = key.owner();
    if (owner.isEmpty() || !Origins.sameOrigin(owner, keyId)) {
      return Future.failedFuture(new FederationException("key " + keyId + " names no owner on its own origin"));
    }
    if (!budget.take(origin(owner))) {
      meters.keyFetch(InboxMeters.KeyFetch.REFUSED);
      return Future.failedFuture(new FederationException("too many key fetches for " + origin(owner)
          + " in the last minute; try again later"));
    }
    return documents.fetch(owner, as).compose(doc -> listedBy(doc, owner, keyId) ? Future.succeededFuture(key)
        : Future.failedFuture(new FederationException("the key " + keyId + " claims " + owner
            + " as its owner, but that actor does not list it")));
  }

  /** True when {@code doc} is {@code owner}'s own document and lists {@code keyId} under publicKey or assertionMethod. */
  private static boolean listedBy(ObjectNode doc, String owner, String keyId) {
    if (!owner.equals(Json.id(doc).orElse(null))) {
      return false;
    }
    for (String field : List.of("publicKey", "assertionMethod")) {
      for (JsonNode k : list(doc.get(field))) {
        if (keyId.equals(Json.id(k).orElse(null))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a line may be logged now; counts the ones that may not. */
  private boolean mayLog() {
    if (logLines.take("")) {
      return true;
    }
    linesLeftOut.incrementAndGet();
    return false;
  }

  private String leftOut() {
    long n = linesLeftOut.getAndSet(0);
    return n == 0 ? "" : " (" + n + " more such lines were left out in the last minute)";
  }

  private static String origin(String url) {
    String o = Origins.origin(url);
    return o == null ? url : o;
  }

  void forget(String keyId) {
    keys.invalidate(keyId);
    failures.invalidate(keyId);
  }

  /** Forgets every key {@code owner} owns (after an Update of the actor). */
  void forgetOwner(String owner) {
    keys.asMap().values().removeIf(c -> c.key().owner().equals(owner));
  }

  private static Key find(ObjectNode doc, String keyId) {
    try {
      for (JsonNode k : list(doc.get("publicKey"))) {
        if (keyId.equals(Json.text(k, "id").orElse(null)) && k.has("publicKeyPem")) {
          return new Key(ActorKeys.fromPem(k.get("publicKeyPem").asText()), Json.text(k, "owner")
              .orElse(Json.id(doc).orElse("")));
        }
      }
      for (JsonNode k : list(doc.get("assertionMethod"))) {
        if (keyId.equals(Json.text(k, "id").orElse(null)) && k.has("publicKeyMultibase")) {
          return new Key(ActorKeys.fromMultibase(k.get("publicKeyMultibase").asText()), Json.text(k, "controller")
              .orElse(""));
        }
      }
      if (keyId.equals(Json.id(doc).orElse(null)) && doc.has("publicKeyPem")) {
        return new Key(ActorKeys.fromPem(doc.get("publicKeyPem").asText()), Json.text(doc, "owner").orElse(""));
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  private static Iterable<JsonNode> list(JsonNode n) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    return n.isArray() ? n : List.of(n);
  }
}
