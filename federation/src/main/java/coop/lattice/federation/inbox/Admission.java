package coop.lattice.federation.inbox;

import coop.lattice.federation.RateLimits;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.net.AddressGroups;
import coop.lattice.federation.net.Origins;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The door, before the body is read or any signature looked at: each remote address (its IPv6 /64,
 * {@link AddressGroups}), and each origin a request's key id claims from that address, has a budget
 * of requests ({@link RateLimits}); a request over either is answered 429 with {@code Retry-After}
 * (seconds) and its connection closed. The key id is read from the {@code Signature}
 * (draft-cavage) or {@code Signature-Input} (RFC 9421) header as claimed, unverified: so the origin
 * budget is per origin and address, and a sender naming another server spends only its own
 * address's share of it. Behind a reverse proxy every request has the proxy's address: set the
 * per-address limit to 0 there. The tables are bounded ({@link OriginBudget}).
 */
final class Admission {
  private final @Nullable OriginBudget byAddress;
  private final @Nullable OriginBudget byOrigin;
  private final InboxMeters meters;
  private final BodyLimit next;

  Admission(RateLimits limits, Clock clock, InboxMeters meters, BodyLimit next) {
    this.byAddress = limits.perAddress() == 0 ? null : new OriginBudget(clock, limits.perAddress(), limits.period());
    this.byOrigin = limits.perOrigin() == 0 ? null : new OriginBudget(clock, limits.perOrigin(), limits.period());
    this.meters = meters;
    this.next = next;
  }

  void receive(HttpServerRequest req, @Nullable HostedCollective target) {
    String address = AddressGroups.of(req.remoteAddress());
    Duration wait = byAddress == null ? Duration.ZERO : byAddress.takeOrWait(address);
    if (wait.isZero() && byOrigin != null) {
      String origin = claimedOrigin(req);
      if (origin != null) {
        // Keyed by the origin and the address together: the origin is only claimed here, and a
        // sender who names someone else's spends that origin's budget from its own address only.
        wait = byOrigin.takeOrWait(origin + " " + address);
      }
    }
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      req.response().putHeader("retry-after", Long.toString(seconds)).putHeader("connection", "close");
      Arrival.refuse(req, target, Reason.RATE_LIMITED, "too many requests from this address or for this origin; "
          + "send again in " + seconds + " s", null, meters);
      return;
    }
    next.receive(req, target);
  }

  /** The normalized origin of the key id the request's signature names, or null if it names none. */
  static @Nullable String claimedOrigin(HttpServerRequest req) {
    String keyId = parameter(req.getHeader("signature"), "keyId=\"");
    if (keyId == null) {
      keyId = parameter(req.getHeader("signature-input"), "keyid=\"");
    }
    return keyId == null ? null : Origins.origin(keyId);
  }

  private static @Nullable String parameter(@Nullable String header, String name) {
    if (header == null) {
      return null;
    }
    int at = header.indexOf(name);
    if (at < 0) {
      return null;
    }
    int start = at + name.length();
    int end = header.indexOf('"', start);
    return end < 0 ? null : header.substring(start, end);
  }
}
