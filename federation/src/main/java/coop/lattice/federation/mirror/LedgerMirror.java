package coop.lattice.federation.mirror;

import coop.lattice.collective.CollectiveState;
import coop.lattice.collective.Replica;
import coop.lattice.federation.FederationException;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.http.HttpMessage;
import coop.lattice.federation.http.HttpSignatures;
import coop.lattice.federation.net.SafeClient;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.ledger.VerificationKey;
import coop.lattice.merkle.Hash;
import coop.lattice.merkle.MerkleTree;
import io.vertx.core.Future;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Anti-entropy: a node keeps a verified copy of a partner collective's ledger by pulling what it
 * lacks, so that delivery is an optimisation and not the only path. It fetches the partner's
 * latest signed checkpoint, checks its signature against the key of the ledger's entry 0 (the
 * first one seen is trusted; every later checkpoint must verify with it), pulls the missing
 * entries by index, checks each one's chain link and strict canonical form, folds it with the
 * collective's own rules ({@link Replica}), and requires the Merkle root of the copy to equal
 * the checkpoint's. Two checkpoints of the same size with different roots are equivocation: the
 * partner is flagged and nothing more is accepted from it.
 */
public final class LedgerMirror {
  /** A partner's ledger as this node holds it. */
  static final class Copy {
    final Replica replica = new Replica();
    final MerkleTree tree = new MerkleTree();
    final Map<Long, Hash> roots = new ConcurrentHashMap<>();
    VerificationKey key;
  }

  private final SafeClient client;
  private final Flags flags;
  private final Clock clock;
  private final Map<String, Copy> copies = new ConcurrentHashMap<>();

  public LedgerMirror(SafeClient client, Flags flags, Clock clock) {
    this.client = client;
    this.flags = flags;
    this.clock = clock;
  }

  public Optional<CollectiveState> state(String actor) {
    Copy c = copies.get(actor);
    return c == null ? Optional.empty() : Optional.of(c.replica.state());
  }

  /** Records a checkpoint seen from {@code actor}; flags the actor on equivocation. */
  void seen(String actor, SignedCheckpoint cp) {
    Copy c = copies.computeIfAbsent(actor, a -> new Copy());
    Hash before = c.roots.putIfAbsent(cp.checkpoint().size(), cp.checkpoint().root());
    if (before != null && !before.equals(cp.checkpoint().root())) {
      flags.flag(actor, "two checkpoints of size " + cp.checkpoint().size() + " with different roots");
    }
  }

  /** A checkpoint pushed by {@code actor} (in a Create): checked against the copy's key and remembered. */
  public void offered(String actor, String text) {
    Copy c = copies.get(actor);
    if (c == null || c.key == null) {
      return; // nothing to check it against yet; a pull will fetch and verify the latest one
    }
    SignedCheckpoint cp;
    try {
      cp = SignedCheckpoint.parse(text.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return;
    }
    if (cp.verify(c.key)) {
      seen(actor, cp);
    }
  }

  /** Brings the copy of the ledger behind {@code actor} up to its latest checkpoint. */
  public Future<CollectiveState> pull(String actor, HostedCollective as) {
    Optional<String> flagged = flags.why(actor);
    if (flagged.isPresent()) {
      return Future.failedFuture(new FederationException(actor + " is flagged: " + flagged.get()));
    }
    Copy c = copies.computeIfAbsent(actor, a -> new Copy());
    return get(actor + "/checkpoint", as).compose(body -> {
      SignedCheckpoint cp = SignedCheckpoint.parse(body);
      return (c.key != null ? Future.succeededFuture(c.key) : firstKey(actor, as)).compose(key -> {
        if (!cp.verify(key)) {
          return Future.failedFuture(new FederationException("the checkpoint of " + actor + " does not verify"));
        }
        c.key = key;
        seen(actor, cp);
        Optional<String> equivocated = flags.why(actor);
        if (equivocated.isPresent()) {
          return Future.failedFuture(new FederationException(actor + " equivocated: " + equivocated.get()));
        }
        return fetch(actor, as, c, cp);
      });
    });
  }

  private Future<VerificationKey> firstKey(String actor, HostedCollective as) {
    return get(actor + "/ledger?from=0&to=1", as).map(body -> {
      Entry e = LedgerPage.read(body)[0];
      if (e.sequence() != 0 || !(e.event() instanceof Event.CollectiveFounded f)) {
        throw new FederationException("entry 0 of " + actor + " is not the founding entry");
      }
      return VerificationKey.fromBase64Url(f.publicKey());
    });
  }

  private Future<CollectiveState> fetch(String actor, HostedCollective as, Copy c, SignedCheckpoint cp) {
    long target = cp.checkpoint().size();
    long from = c.replica.size();
    if (from >= target) {
      return verifyRoot(actor, c, cp);
    }
    long to = Math.min(target, from + LedgerPage.MAX);
    return get(actor + "/ledger?from=" + from + "&to=" + to, as).compose(body -> {
      synchronized (c) {
        for (Entry e : LedgerPage.read(body)) {
          long seq = c.replica.size();
          if (e.sequence() != seq) {
            return Future.failedFuture(new FederationException("entry " + e.sequence() + " where " + seq + " was due"));
          }
          if (seq > 0 && !c.tree.leafHashAt(seq - 1).equals(e.previous())) {
            return Future.failedFuture(new FederationException("entry " + seq + " does not link to entry " + (seq - 1)));
          }
          c.replica.apply(e);
          c.tree.append(LedgerJson.canonicalBytes(e));
        }
      }
      return fetch(actor, as, c, cp);
    });
  }

  private Future<CollectiveState> verifyRoot(String actor, Copy c, SignedCheckpoint cp) {
    if (!c.tree.root(cp.checkpoint().size()).equals(cp.checkpoint().root())) {
      flags.flag(actor, "its entries do not add up to the root it signed at size " + cp.checkpoint().size());
      return Future.failedFuture(new FederationException(actor + " served entries that do not match its checkpoint"));
    }
    return Future.succeededFuture(c.replica.state());
  }

  private Future<byte[]> get(String url, HostedCollective as) {
    HttpMessage m = HttpMessage.request("GET", URI.create(url), new byte[0]).with("accept", "application/json");
    return client.send(m, x -> HttpSignatures.sign(x, HttpSignatures.Scheme.CAVAGE, as.keyId(), as.keys().rsaPrivate(),
        clock.instant())).compose(r -> r.status() == 200 ? Future.succeededFuture(r.body())
        : Future.failedFuture(new FederationException(url + " answered " + r.status())));
  }
}
