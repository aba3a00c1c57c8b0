package coop.lattice.federation.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.collective.CollectiveState;
import coop.lattice.collective.Replica;
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
final class LedgerMirror {
  static final int PAGE = 500;

  /** A partner's ledger as this node holds it. */
  static final class Copy {
    final Replica replica = new Replica();
    final MerkleTree tree = new MerkleTree();
    final Map<Long, Hash> roots = new ConcurrentHashMap<>();
    VerificationKey key;
  }

  private final SafeClient client;
  private final NodeStore store;
  private final Clock clock;
  private final Map<String, Copy> copies = new ConcurrentHashMap<>();
  private final Map<String, String> flagged = new ConcurrentHashMap<>();

  LedgerMirror(SafeClient client, NodeStore store, Clock clock) {
    this.client = client;
    this.store = store;
    this.clock = clock;
    store.log("flagged").replay(line -> {
      int tab = line.indexOf('\t');
      flagged.put(line.substring(0, tab), line.substring(tab + 1));
    });
  }

  /** Why {@code actor} is flagged, if it is. */
  Optional<String> flagged(String actor) {
    return Optional.ofNullable(flagged.get(actor));
  }

  Optional<CollectiveState> state(String actor) {
    Copy c = copies.get(actor);
    return c == null ? Optional.empty() : Optional.of(c.replica.state());
  }

  /** Records a checkpoint seen from {@code actor}; flags the actor on equivocation. */
  void seen(String actor, SignedCheckpoint cp) {
    Copy c = copies.computeIfAbsent(actor, a -> new Copy());
    Hash before = c.roots.putIfAbsent(cp.checkpoint().size(), cp.checkpoint().root());
    if (before != null && !before.equals(cp.checkpoint().root())) {
      flag(actor, "two checkpoints of size " + cp.checkpoint().size() + " with different roots");
    }
  }

  /** A checkpoint pushed by {@code actor} (in a Create): checked against the copy's key and remembered. */
  void offered(String actor, String text) {
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

  private void flag(String actor, String why) {
    if (flagged.putIfAbsent(actor, why) == null) {
      store.log("flagged").append(actor + "\t" + why);
    }
  }

  /** Brings the copy of the ledger behind {@code actor} up to its latest checkpoint. */
  Future<CollectiveState> pull(String actor, FederationNode.Hosted as) {
    if (flagged.containsKey(actor)) {
      return Future.failedFuture(new IllegalStateException(actor + " is flagged: " + flagged.get(actor)));
    }
    Copy c = copies.computeIfAbsent(actor, a -> new Copy());
    return get(actor + "/checkpoint", as).compose(body -> {
      SignedCheckpoint cp = SignedCheckpoint.parse(body);
      return (c.key != null ? Future.succeededFuture(c.key) : firstKey(actor, as)).compose(key -> {
        if (!cp.verify(key)) {
          return Future.failedFuture(new IllegalStateException("the checkpoint of " + actor + " does not verify"));
        }
        c.key = key;
        seen(actor, cp);
        if (flagged.containsKey(actor)) {
          return Future.failedFuture(new IllegalStateException(actor + " equivocated: " + flagged.get(actor)));
        }
        return fetch(actor, as, c, cp);
      });
    });
  }

  private Future<VerificationKey> firstKey(String actor, FederationNode.Hosted as) {
    return get(actor + "/ledger?from=0&to=1", as).map(body -> {
      Entry e = entries(body)[0];
      if (e.sequence() != 0 || !(e.event() instanceof Event.CollectiveFounded f)) {
        throw new IllegalStateException("entry 0 of " + actor + " is not the founding entry");
      }
      return VerificationKey.fromBase64Url(f.publicKey());
    });
  }

  private Future<CollectiveState> fetch(String actor, FederationNode.Hosted as, Copy c, SignedCheckpoint cp) {
    long target = cp.checkpoint().size();
    long from = c.replica.size();
    if (from >= target) {
      return verifyRoot(actor, c, cp);
    }
    long to = Math.min(target, from + PAGE);
    return get(actor + "/ledger?from=" + from + "&to=" + to, as).compose(body -> {
      synchronized (c) {
        for (Entry e : entries(body)) {
          long seq = c.replica.size();
          if (e.sequence() != seq) {
            return Future.failedFuture(new IllegalStateException("entry " + e.sequence() + " where " + seq + " was due"));
          }
          if (seq > 0 && !c.tree.leafHashAt(seq - 1).equals(e.previous())) {
            return Future.failedFuture(new IllegalStateException("entry " + seq + " does not link to entry " + (seq - 1)));
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
      flag(actor, "its entries do not add up to the root it signed at size " + cp.checkpoint().size());
      return Future.failedFuture(new IllegalStateException(actor + " served entries that do not match its checkpoint"));
    }
    return Future.succeededFuture(c.replica.state());
  }

  private static Entry[] entries(byte[] body) {
    try {
      JsonNode list = Json.parseObject(body).path("entries");
      Entry[] out = new Entry[list.size()];
      for (int i = 0; i < out.length; i++) {
        // Strict: the bytes must be the entry's canonical form, or decoding fails.
        out[i] = LedgerJson.decode(list.get(i).asText().getBytes(StandardCharsets.UTF_8), Entry.class);
      }
      return out;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("not a page of entries: " + e.getMessage(), e);
    }
  }

  private Future<byte[]> get(String url, FederationNode.Hosted as) {
    HttpMessage m = HttpMessage.request("GET", URI.create(url), new byte[0]).with("accept", "application/json");
    return client.send(m, x -> HttpSignatures.sign(x, HttpSignatures.Scheme.CAVAGE, as.keyId(), as.keys.rsaPrivate(),
        clock.instant())).compose(r -> r.status() == 200 ? Future.succeededFuture(r.body())
        : Future.failedFuture(new IllegalStateException(url + " answered " + r.status())));
  }

  static ObjectNode page(java.util.List<Entry> entries) {
    ObjectNode o = Json.object();
    var a = o.putArray("entries");
    entries.forEach(e -> a.add(new String(LedgerJson.canonicalBytes(e), StandardCharsets.UTF_8)));
    return o;
  }
}
