package coop.lattice.federation.outbox;

import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.json.ActivityStreams;
import coop.lattice.federation.net.SafeClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;

/**
 * One signed POST of an activity to an inbox. The first request to a host is signed with RFC 9421
 * (Ed25519); if the host refuses it (400, 401, 403), the same request goes again at once with
 * draft-cavage (RSA), and once that is taken the host gets cavage from then on (the "double
 * knock"). Signing runs on a worker thread: an RSA signature costs about 1.7 ms, so signatures for
 * many inboxes use every core.
 */
final class SignedPoster {
  private final Vertx vertx;
  private final SafeClient client;
  private final RemoteHosts hosts;
  private final Clock clock;

  SignedPoster(Vertx vertx, SafeClient client, RemoteHosts hosts, Clock clock) {
    this.vertx = vertx;
    this.client = client;
    this.hosts = hosts;
    this.clock = clock;
  }

  Future<SafeClient.Response> post(HostedCollective h, String inbox, byte[] body) {
    URI u = URI.create(inbox);
    HttpMessage m = HttpMessage.request("POST", u, body).with("content-type", ActivityStreams.MEDIA_TYPE);
    HostBreaker host = hosts.of(u.getRawAuthority());
    HttpSignatures.Scheme first = host.scheme();
    return signed(h, m, first).compose(sm -> client.send(sm, x -> x)).compose(r -> {
      boolean refused = r.status() == 400 || r.status() == 401 || r.status() == 403;
      if (!refused || first == HttpSignatures.Scheme.CAVAGE) {
        return Future.succeededFuture(r);
      }
      return signed(h, m, HttpSignatures.Scheme.CAVAGE).compose(sm -> client.send(sm, x -> x)).map(again -> {
        if (again.status() / 100 == 2) {
          host.settleOnCavage();
        }
        return again;
      });
    });
  }

  private Future<HttpMessage> signed(HostedCollective h, HttpMessage m, HttpSignatures.Scheme scheme) {
    return vertx.executeBlocking(() -> scheme == HttpSignatures.Scheme.CAVAGE
        ? HttpSignatures.sign(m, scheme, h.keyId(), h.keys().rsaPrivate(), clock.instant())
        : HttpSignatures.sign(m, scheme, h.ed25519KeyId(), h.keys().ed25519Private(), clock.instant()), false);
  }
}
