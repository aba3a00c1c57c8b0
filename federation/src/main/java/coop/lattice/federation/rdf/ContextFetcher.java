package coop.lattice.federation.rdf;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.Document;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.net.SafeClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns the contexts documents name that the node does not know, off the inbox path: each URL
 * once, through the {@link SafeClient} (no private addresses, a deadline, at most {@link
 * ContextCache#MAX_BYTES}), as a JSON object with an {@code @context}, kept in the {@link
 * ContextCache} (pinned by hash) before {@link Contexts} uses it. Contexts it names in turn are
 * learned too, two levels deep at most. A URL that failed is not asked again for an hour. Listeners
 * hear of each attempt: learned, or why not.
 */
public final class ContextFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(ContextFetcher.class);
  private static final int MAX_DEPTH = 2;
  private static final int MAX_IN_FLIGHT = 16;
  private static final String ACCEPT = "application/ld+json, application/json;q=0.9";

  private final Vertx vertx;
  private final SafeClient client;
  private final Contexts contexts;
  private final ContextCache cache;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Cache<String, Boolean> failed = CacheBuilder.newBuilder().maximumSize(10_000)
      .expireAfterWrite(Duration.ofHours(1)).build();
  private final List<Consumer<Attempt>> listeners = new CopyOnWriteArrayList<>();

  /** One try to learn the context at {@code url}: learned when {@code failure} is null, else why not. */
  public record Attempt(String url, @Nullable String failure) {
    public boolean learned() {
      return failure == null;
    }
  }

  /** {@code client} should be one with small limits: a context is small. */
  public ContextFetcher(Vertx vertx, SafeClient client, Contexts contexts, ContextCache cache) {
    this.vertx = vertx;
    this.client = client;
    this.contexts = contexts;
    this.cache = cache;
  }

  /** Called with each attempt to learn a context once it ended, on a Vert.x thread. */
  public void onAttempt(Consumer<Attempt> listener) {
    listeners.add(listener);
  }

  /** Asks for the contexts at {@code urls}, returning at once: fetches run on their own. */
  public void request(Set<String> urls) {
    urls.forEach(u -> request(u, 0));
  }

  private void request(String url, int depth) {
    if (depth > MAX_DEPTH || contexts.known(url) || cache.has(url) || cache.full() || cache.fullFor(url)
        || failed.getIfPresent(url) != null || inFlight.size() >= MAX_IN_FLIGHT || !inFlight.add(url)) {
      return;
    }
    fetch(url).compose(fetched -> vertx.executeBlocking(() -> {
      cache.put(url, fetched.bytes());
      contexts.learn(url, fetched.document());
      return fetched.bytes();
    }, false)).onComplete(r -> {
      inFlight.remove(url);
      if (r.failed()) {
        failed.put(url, Boolean.TRUE);
        LOG.info("could not learn the context {}: {}", url, r.cause().getMessage());
        Attempt a = new Attempt(url, String.valueOf(r.cause().getMessage()));
        listeners.forEach(l -> l.accept(a));
        return;
      }
      LOG.info("learned the context {}", url);
      Attempt a = new Attempt(url, null);
      listeners.forEach(l -> l.accept(a));
      try {
        contexts.unknown(Json.parseObject(r.result())).forEach(u -> request(u, depth + 1));
      } catch (IOException e) {
        // it parsed a moment ago
      }
    });
  }

  private record Fetched(byte[] bytes, Document document) {}

  private Future<Fetched> fetch(String url) {
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new LinkedData.Unreadable("not a URL: " + url));
    }
    return client.send(HttpMessage.request("GET", u, new byte[0]).with("accept", ACCEPT), m -> m).compose(r -> {
      if (r.status() != 200) {
        return Future.failedFuture(new LinkedData.Unreadable(url + " answered " + r.status()));
      }
      try {
        ObjectNode doc = Json.parseObject(r.body());
        if (!doc.has("@context")) {
          return Future.failedFuture(new LinkedData.Unreadable(url + " is JSON without an @context"));
        }
        return Future.succeededFuture(new Fetched(r.body(), Contexts.parse(url, r.body())));
      } catch (IOException | JsonLdError e) {
        return Future.failedFuture(new LinkedData.Unreadable(url + " is not a JSON-LD context: " + e.getMessage()));
      }
    });
  }
}
