package coop.lattice.federation.outbox;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import coop.lattice.federation.http.Signing;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The hosts deliveries go to, each with its {@link HostBreaker} and {@link HostSigning}; bounded,
 * the hosts least recently delivered to forgotten first (their breakers had closed long ago).
 */
final class RemoteHosts {
  private static final int MAX = 10_000;

  private final DeliverySettings settings;
  private final Cache<String, Host> hosts = CacheBuilder.newBuilder().maximumSize(MAX).build();

  /** What is kept of one host. */
  private record Host(HostBreaker breaker, HostSigning signing) {}

  RemoteHosts(DeliverySettings settings) {
    this.settings = settings;
  }

  private Host host(String authority) {
    try {
      return hosts.get(authority, () -> new Host(new HostBreaker(settings.breakAfter(), settings.breakFor().toNanos()),
          new HostSigning(settings.rfc9421Again())));
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  HostBreaker of(String authority) {
    return host(authority).breaker();
  }

  HostSigning signing(String authority) {
    return host(authority).signing();
  }

  /** How {@code authority} is signed for now (a host not met yet as a new one is). */
  Signing current(String authority) {
    Host h = hosts.getIfPresent(authority);
    return h == null ? Signing.RFC9421_RSA : h.signing().current();
  }

  /** Each host whose breaker opened and has not seen a delivery go through since, with when it first opened. */
  Map<String, Instant> troubled() {
    Map<String, Instant> out = new LinkedHashMap<>();
    hosts.asMap().forEach((host, h) -> {
      Instant since = h.breaker().troubleSince();
      if (since != null) {
        out.put(host, since);
      }
    });
    return out;
  }

  /** How many hosts {@link #troubled()} would list. */
  int open() {
    int n = 0;
    for (Host h : hosts.asMap().values()) {
      if (h.breaker().troubleSince() != null) {
        n++;
      }
    }
    return n;
  }
}
