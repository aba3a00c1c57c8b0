package coop.lattice.federation.outbox;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import coop.lattice.federation.hosting.Addressees;
import coop.lattice.federation.hosting.Documents;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.json.Json;
import coop.lattice.federation.keys.ObjectProofs;
import coop.lattice.ledger.Entry;
import java.time.Clock;

/**
 * Each ledger entry's {@code Create} as it goes out, addressed by name to its {@link Addressees}
 * (a trade step's counterpart) beside the public, with an FEP-8b32 proof by the collective's
 * Ed25519 key. The same entry goes to every follower, so its bytes are made once and kept for a
 * while (the most recent 256).
 */
final class SignedEntries {
  private final Clock clock;
  private final Addressees addressees;
  private final Cache<String, byte[]> recent = CacheBuilder.newBuilder().maximumSize(256).build();

  SignedEntries(Clock clock, Addressees addressees) {
    this.clock = clock;
    this.addressees = addressees;
  }

  byte[] activity(HostedCollective h, long index) {
    String key = h.id() + "/" + index;
    byte[] body = recent.getIfPresent(key);
    if (body == null) {
      Entry e = h.collective().ledger().entry(index);
      body = Json.bytes(ObjectProofs.sign(Documents.create(h, e, addressees.of(h, e)),
          h.ed25519KeyId(), h.keys().ed25519Private(), clock.instant()));
      recent.put(key, body);
    }
    return body;
  }

  /** After a key rotation: activities signed with the old key are not sent again. */
  void forget(HostedCollective h) {
    recent.asMap().keySet().removeIf(k -> k.startsWith(h.id() + "/"));
  }
}
