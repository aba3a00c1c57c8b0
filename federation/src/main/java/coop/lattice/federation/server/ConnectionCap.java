package coop.lattice.federation.server;

import coop.lattice.federation.net.AddressGroups;
import io.vertx.core.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * How many connections each remote address holds open, across all of a node's server instances
 * (each on an event loop of its own), and whether one more may open. An IPv6 address counts as
 * its /64, the smallest network a host is usually given, so that one host cannot spread itself
 * over addresses; an IPv4-mapped IPv6 address counts as its IPv4 address. Addresses with no
 * connection open take no room.
 */
final class ConnectionCap {
  private final int max;
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

  /** At most {@code max} connections an address; 0 for no cap. */
  ConnectionCap(int max) {
    this.max = max;
  }

  /** Counts a connection from {@code key} and says true, or says false if it holds the most already. */
  boolean admit(String key) {
    if (max == 0) {
      return true;
    }
    boolean[] admitted = {false};
    open.compute(key, (k, n) -> {
      int now = n == null ? 0 : n;
      if (now >= max) {
        return n;
      }
      admitted[0] = true;
      return now + 1;
    });
    return admitted[0];
  }

  /** A connection {@link #admit admitted} from {@code key} closed. */
  void release(String key) {
    if (max != 0) {
      open.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }
  }

  /** What a connection from {@code address} counts as: its group ({@link AddressGroups}). */
  static String key(@Nullable SocketAddress address) {
    return AddressGroups.of(address);
  }
}
