package coop.lattice.federation.mirror;

import coop.lattice.federation.FederationException;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.net.SafeClient;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.merkle.MerkleTree;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Clock;

/** Reads a partner's checkpoint and ledger pages over HTTP, as a hosted collective (signed fetches). */
final class PartnerPages {
  private final SafeClient client;
  private final Clock clock;

  PartnerPages(SafeClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** Reads the partner's ledger as served now into {@code tree}, up to {@code size} entries. */
  Future<MerkleTree> readTree(String actor, HostedCollective as, MerkleTree tree, long size) {
    if (tree.size() >= size) {
      return Future.succeededFuture(tree);
    }
    long to = Math.min(size, tree.size() + LedgerPage.MAX);
    return get(actor + "/ledger?from=" + tree.size() + "&to=" + to, as).compose(body -> {
      for (Entry e : LedgerPage.read(body)) {
        if (e.sequence() != tree.size()) {
          return Future.failedFuture(new FederationException("entry " + e.sequence() + " where " + tree.size()
              + " was due"));
        }
        tree.append(LedgerJson.canonicalBytes(e));
      }
      return readTree(actor, as, tree, size);
    });
  }

  /** The body of a 200 answer to a signed GET of {@code url}, as {@code as}. */
  Future<byte[]> get(String url, HostedCollective as) {
    HttpMessage m = HttpMessage.request("GET", URI.create(url), new byte[0]).with("accept", "application/json");
    return client.send(m, x -> HttpSignatures.sign(x, HttpSignatures.Scheme.CAVAGE, as.keyId(), as.keys().rsaPrivate(),
        clock.instant())).compose(r -> r.status() == 200 ? Future.succeededFuture(r.body())
        : Future.failedFuture(new FederationException(url + " answered " + r.status())));
  }
}
