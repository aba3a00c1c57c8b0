package coop.lattice.federation.hosting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.FederationException;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.net.SafeClient;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;

/**
 * ActivityPub documents of other servers (actors, keys), fetched through the {@link SafeClient}
 * with an ActivityPub media type, signed by a hosted collective for servers that require signed
 * fetches. The answer must carry an ActivityPub media type, and the document's {@code id} must
 * equal the URL it finally came from: identity comes from where it was fetched, never from what
 * it says.
 */
public final class RemoteDocuments {
  private static final String ACCEPT =
      "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

  private final SafeClient client;
  private final Clock clock;

  public RemoteDocuments(SafeClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** Fetches the document at {@code url}, as {@code as}. */
  public Future<ObjectNode> fetch(String url, HostedCollective as) {
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    HttpMessage get = HttpMessage.request("GET", u, new byte[0]).with("accept", ACCEPT);
    return client.send(get, m -> HttpSignatures.sign(m, HttpSignatures.Scheme.CAVAGE, as.keyId(),
        as.keys().rsaPrivate(), clock.instant())).compose(r -> {
          if (r.status() != 200) {
            return Future.failedFuture(new FederationException(url + " answered " + r.status()));
          }
          String type = r.header("content-type").toLowerCase(Locale.ROOT);
          if (!type.startsWith("application/activity+json") && !(type.startsWith("application/ld+json")
              && type.contains("https://www.w3.org/ns/activitystreams"))) {
            return Future.failedFuture(new FederationException(url + " is " + type + ", not an ActivityPub document"));
          }
          ObjectNode doc;
          try {
            doc = Json.parseObject(r.body());
          } catch (IOException e) {
            return Future.failedFuture(e);
          }
          if (!Json.id(doc).map(id -> id.equals(r.uri().toString())).orElse(false)) {
            return Future.failedFuture(new FederationException("the document at " + r.uri() + " claims the id "
                + Json.id(doc).orElse("(none)")));
          }
          return Future.succeededFuture(doc);
        });
  }
}
