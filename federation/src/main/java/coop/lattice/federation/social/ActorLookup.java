package coop.lattice.federation.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.FederationException;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.RemoteDocuments;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.json.ActivityStreams;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.net.Origins;
import coop.lattice.federation.net.SafeClient;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Finds a remote actor by WebFinger ({@code acct:user@host}, RFC 7033) and fetches it. */
public final class ActorLookup {
  private final SafeClient client;
  private final RemoteDocuments documents;

  public ActorLookup(SafeClient client, RemoteDocuments documents) {
    this.client = client;
    this.documents = documents;
  }

  /** Completes with the actor's id; the actor must be on the origin that answered WebFinger. */
  public Future<URI> lookup(HostedCollective as, String acct, String scheme) {
    String handle = acct.startsWith("acct:") ? acct.substring(5) : acct.startsWith("@") ? acct.substring(1) : acct;
    int at = handle.lastIndexOf('@');
    if (at <= 0) {
      return Future.failedFuture(new IllegalArgumentException("\"" + acct + "\" is not user@host"));
    }
    String host = handle.substring(at + 1);
    String resource = URLEncoder.encode("acct:" + handle, StandardCharsets.UTF_8);
    HttpMessage get = HttpMessage.request("GET", scheme, host, "/.well-known/webfinger?resource=" + resource,
        new byte[0]).with("accept", "application/jrd+json, application/json");
    return client.send(get, m -> m).compose(r -> {
      if (r.status() != 200) {
        return Future.failedFuture(new FederationException("WebFinger at " + host + " answered " + r.status()));
      }
      ObjectNode jrd;
      try {
        jrd = Json.parseObject(r.body());
      } catch (IOException e) {
        return Future.failedFuture(e);
      }
      String self = null;
      for (JsonNode link : jrd.path("links")) {
        String type = Json.text(link, "type").orElse("");
        if ("self".equals(Json.text(link, "rel").orElse("")) && (type.startsWith(ActivityStreams.MEDIA_TYPE)
            || type.startsWith("application/ld+json"))) {
          self = Json.text(link, "href").orElse(null);
        }
      }
      if (self == null || !Origins.sameOrigin(self, scheme + "://" + host)) {
        return Future.failedFuture(new FederationException("WebFinger at " + host + " names no actor on its own origin"));
      }
      String actor = self;
      return documents.fetch(actor, as).map(doc -> URI.create(actor));
    });
  }
}
