package coop.lattice.federation.outbox;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import coop.lattice.federation.http.HttpSignatures;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The hosts deliveries go to, each with its {@link HostBreaker}; bounded, the hosts least
 * recently delivered to forgotten first (their breakers had closed long ago).
 */
final class RemoteHosts {
  private static final int MAX = 10_000;

  private final DeliverySettings settings;
  private final Cache<String, HostBreaker> hosts = CacheBuilder.newBuilder().maximumSize(MAX).build();

  RemoteHosts(DeliverySettings settings) {
    this.settings = settings;
  }

  HostBreaker of(String authority) {
    try {
      return hosts.get(authority, () -> new HostBreaker(settings.breakAfter(), settings.breakFor().toNanos()));
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Which scheme {@code authority} is signed with now. */
  HttpSignatures.Scheme scheme(String authority) {
    HostBreaker b = hosts.getIfPresent(authority);
    return b == null ? HttpSignatures.Scheme.RFC9421 : b.scheme();
  }

  /** Each host whose breaker opened and has not seen a delivery go through since, with when it first opened. */
  Map<String, Instant> troubled() {
    Map<String, Instant> out = new LinkedHashMap<>();
    hosts.asMap().forEach((host, b) -> {
      Instant since = b.troubleSince();
      if (since != null) {
        out.put(host, since);
      }
    });
    return out;
  }

  /** How many hosts {@link #troubled()} would list. */
  int open() {
    int n = 0;
    for (HostBreaker b : hosts.asMap().values()) {
      if (b.troubleSince() != null) {
        n++;
      }
    }
    return n;
  }
}
