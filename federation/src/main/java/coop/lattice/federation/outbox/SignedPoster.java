package coop.lattice.federation.outbox;

import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.http.Signing;
import coop.lattice.federation.json.ActivityStreams;
import coop.lattice.federation.net.SafeClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;

/**
 * One signed POST of an activity to an inbox, signed as the host wants ({@link HostSigning}): RFC
 * 9421 first, with the RSA key servers find under {@code publicKey}, or with the Ed25519 key once
 * the host asked for it. If the host refuses an RFC 9421 request (400, 401, 403), the same request
 * goes again at once with draft-cavage (the "double knock"). Signing runs on a worker thread: an RSA
 * signature costs about 1.1 ms, so signatures for many inboxes use every core.
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
    HostSigning host = hosts.signing(u.getRawAuthority());
    Signing first = host.next(clock.instant());
    return signed(h, m, first).compose(sm -> client.send(sm, x -> x)).compose(r -> {
      boolean refused = r.status() == 400 || r.status() == 401 || r.status() == 403;
      if (!refused || first == Signing.CAVAGE_RSA) {
        host.answered(first, HttpSignatures.asksForEd25519(r.header("accept-signature")));
        return Future.succeededFuture(r);
      }
      return signed(h, m, Signing.CAVAGE_RSA).compose(sm -> client.send(sm, x -> x)).map(again -> {
        host.refused(first, again.status() / 100 == 2, clock.instant());
        return again;
      });
    });
  }

  /**
   * Signs on the calling event loop with Ed25519 (about 35 microseconds, less than a hop to a
   * worker thread and back) and on a worker with RSA (about a millisecond, too long for an event
   * loop).
   */
  private Future<HttpMessage> signed(HostedCollective h, HttpMessage m, Signing signing) {
    if (signing.ed25519()) {
      return Future.succeededFuture(
          HttpSignatures.sign(m, signing.scheme(), h.ed25519KeyId(), h.keys().ed25519Private(), clock.instant()));
    }
    return vertx.executeBlocking(
        () -> HttpSignatures.sign(m, signing.scheme(), h.keyId(), h.keys().rsaPrivate(), clock.instant()), false);
  }
}
