package coop.lattice.federation.outbox;

import coop.lattice.federation.http.Signing;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How one host wants requests signed, learned from its answers. A new host gets RFC 9421 with the
 * RSA key (which servers find under {@code publicKey}); a host that asks for Ed25519 with {@code
 * Accept-Signature} (every Lattice inbox does) gets Ed25519 from then on, until it refuses it; a
 * host that refuses RFC 9421 and takes draft-cavage gets cavage, and RFC 9421 is tried again
 * {@code retryAfter} later (servers learn new schemes; "never again" would be forever). Times are
 * the node's clock. Thread-safe.
 */
final class HostSigning {
  private final Duration retryAfter;
  private Signing way = Signing.RFC9421_RSA;
  private @Nullable Instant cavageSince;

  HostSigning(Duration retryAfter) {
    this.retryAfter = retryAfter;
  }

  /** How the next request is signed at {@code now}. */
  synchronized Signing next(Instant now) {
    if (way == Signing.CAVAGE_RSA && cavageSince != null && !now.isBefore(cavageSince.plus(retryAfter))) {
      way = Signing.RFC9421_RSA;
      cavageSince = null;
    }
    return way;
  }

  /** How the host is signed for now, without the retry moving it. */
  synchronized Signing current() {
    return way;
  }

  /** The host answered a request signed with {@code used}; {@code asksForEd25519} if it sent an Accept-Signature for it. */
  synchronized void answered(Signing used, boolean asksForEd25519) {
    if (asksForEd25519 && used.scheme() == Signing.RFC9421_RSA.scheme()) {
      way = Signing.RFC9421_ED25519;
    }
  }

  /**
   * The host refused a request signed with {@code refused}, and took the same request signed with
   * draft-cavage ({@code cavageTaken}) or not. A refused Ed25519 knock falls back to the RSA key
   * for RFC 9421; a refused RFC 9421 knock with the RSA key settles on cavage once cavage is taken.
   */
  synchronized void refused(Signing refused, boolean cavageTaken, Instant now) {
    if (refused == Signing.RFC9421_ED25519) {
      way = Signing.RFC9421_RSA;
    } else if (refused == Signing.RFC9421_RSA && cavageTaken) {
      way = Signing.CAVAGE_RSA;
      cavageSince = now;
    }
  }
}
