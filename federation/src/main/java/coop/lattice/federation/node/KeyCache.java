package coop.lattice.federation.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.net.SafeClient;
import io.vertx.core.Future;
import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Remote keys and documents. A document is fetched through the {@link SafeClient} with an
 * ActivityPub media type, must come back with one, and its {@code id} must equal the URL it
 * finally came from: identity comes from where we fetched it, never from what it says. Keys are
 * cached for an hour and failures for five minutes, both bounded, and each origin may cause at
 * most 120 key fetches a minute (no refresh storms).
 */
final class KeyCache {
  private static final int MAX = 10_000;
  private static final Duration TTL = Duration.ofHours(1);
  private static final Duration NEGATIVE_TTL = Duration.ofMinutes(5);

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

  private final SafeClient client;
  private final Clock clock;
  private final Map<String, Cached> keys = lru();
  private final Map<String, Instant> failures = lru();
  private final OriginBudget budget;

  KeyCache(SafeClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
    this.budget = new OriginBudget(clock, 120, Duration.ofMinutes(1));
  }

  private static <V> Map<String, V> lru() {
    return java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MAX;
      }
    });
  }

  Future<Key> key(String keyId, FederationNode.Hosted as) {
    Instant now = clock.instant();
    Cached c = keys.get(keyId);
    if (c != null && now.isBefore(c.until())) {
      return Future.succeededFuture(c.key().fromCache());
    }
    Instant failed = failures.get(keyId);
    if (failed != null && now.isBefore(failed.plus(NEGATIVE_TTL))) {
      return Future.failedFuture(new IllegalStateException("fetching this key failed recently; not trying again yet"));
    }
    String url = keyId.contains("#") ? keyId.substring(0, keyId.indexOf('#')) : keyId;
    if (!budget.take(origin(url))) {
      return Future.failedFuture(new IllegalStateException("too many key fetches for " + origin(url)
          + " in the last minute; try again later"));
    }
    return fetchDocument(url, as).compose(doc -> {
      Key key = find(doc, keyId);
      if (key == null) {
        return Future.<Key>failedFuture(new IllegalStateException(url + " does not hold key " + keyId));
      }
      keys.put(keyId, new Cached(key, now.plus(TTL)));
      return Future.succeededFuture(key);
    }).onFailure(e -> failures.put(keyId, now));
  }

  private static String origin(String url) {
    try {
      URI u = URI.create(url);
      return (u.getScheme() + "://" + u.getRawAuthority()).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  void forget(String keyId) {
    keys.remove(keyId);
    failures.remove(keyId);
  }

  /** Forgets every key {@code owner} owns (after an Update of the actor). */
  void forgetOwner(String owner) {
    synchronized (keys) {
      keys.values().removeIf(c -> c.key().owner().equals(owner));
    }
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
    } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  private static Iterable<JsonNode> list(JsonNode n) {
    if (n == null || n.isNull()) {
      return java.util.List.of();
    }
    return n.isArray() ? n : java.util.List.of(n);
  }

  /** Fetches an ActivityPub document, signed by {@code as} (for servers that require signed fetches). */
  Future<ObjectNode> fetchDocument(String url, FederationNode.Hosted as) {
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    HttpMessage get = HttpMessage.request("GET", u, new byte[0])
        .with("accept", "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");
    return client.send(get, m -> HttpSignatures.sign(m, HttpSignatures.Scheme.CAVAGE, as.keyId(), as.keys.rsaPrivate(),
        clock.instant())).compose(r -> {
          if (r.status() != 200) {
            return Future.failedFuture(new IllegalStateException(url + " answered " + r.status()));
          }
          String type = r.header("content-type").toLowerCase(Locale.ROOT);
          if (!type.startsWith("application/activity+json") && !(type.startsWith("application/ld+json")
              && type.contains("https://www.w3.org/ns/activitystreams"))) {
            return Future.failedFuture(new IllegalStateException(url + " is " + type + ", not an ActivityPub document"));
          }
          ObjectNode doc;
          try {
            doc = Json.parseObject(r.body());
          } catch (java.io.IOException e) {
            return Future.failedFuture(e);
          }
          if (!Json.id(doc).map(id -> id.equals(r.uri().toString())).orElse(false)) {
            return Future.failedFuture(new IllegalStateException("the document at " + r.uri() + " claims the id "
                + Json.id(doc).orElse("(none)")));
          }
          return Future.succeededFuture(doc);
        });
  }
}
